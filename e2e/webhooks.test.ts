import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureHeaders, startWebhookReceiver } from '../test/webhook-receiver.js';
import { axeProblems } from './axe.js';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

describe.skipIf(!hasChromium)('webhooks in Settings → Integrations (Chromium)', () => {
  let h: Harness;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    h = await startHarness();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await h?.close();
  });

  it('an admin subscribes a receiver, a new case reaches it signed, and the delivery log shows the answer', async () => {
    const admin = h.login('admin');
    const { page, context, problems } = await h.newPage();
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('heading', { name: 'Integrations' }).waitFor();
    // The receiver runs on this machine, which is refused until the admin allows private addresses.
    // The switch shows the saved setting, so it flips once the server has answered: click, then wait for it.
    await page.getByRole('switch', { name: 'Allow private addresses' }).click();
    await expect
      .poll(async () => (await h.apiAs<{ allowPrivateTargets: boolean }>(admin, '/webhooks/settings')).body.allowPrivateTargets)
      .toBe(true);
    const form = page.getByRole('region', { name: 'Add a webhook' });
    await form.getByLabel('Address').fill(receiver.url('/defuse'));
    await form.getByLabel('Description').fill('Helpdesk sync');
    await form.getByRole('checkbox', { name: 'case.created' }).check();
    await form.getByRole('button', { name: 'Add webhook' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await screenshot(page, 'integrations');
    expect(await axeProblems(page)).toEqual([]);

    const created = await fetch(`${h.baseUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Shouting at the till',
        summary: 'Refund refused.',
        channel: 'in_person',
        severity: 3,
        customerState: 'angry',
      }),
    });
    expect(created.status).toBe(201);
    const { ref } = (await created.json()) as { ref: string };
    await h.jobs.runDue();
    h.jobs.advance(6_000);
    await h.jobs.runDue();
    expect(receiver.received).toHaveLength(1);
    const [hit] = receiver.received;
    const body = new Webhook(secret).verify(hit?.body ?? '', signatureHeaders(hit?.headers ?? {})) as {
      type: string;
      data: { caseRef: string };
    };
    expect(body).toMatchObject({ type: 'case.created', data: { caseRef: ref } });

    const card = page.getByRole('region', { name: `Webhook ${receiver.url('/defuse')}` });
    await card.getByRole('button', { name: 'Show deliveries' }).click();
    await card.getByRole('cell', { name: 'succeeded' }).waitFor();
    await card.getByRole('cell', { name: '200', exact: true }).waitFor();
    await card.getByRole('button', { name: 'Tries' }).click();
    await card.getByRole('table', { name: /^Tries of msg_/ }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await card.getByRole('button', { name: 'Redeliver' }).click();
    await card.getByRole('cell', { name: 'pending' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
