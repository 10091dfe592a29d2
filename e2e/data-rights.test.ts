import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems } from './axe.js';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

type Requests = { items: { id: string; kind: string; status: string; subject: { id: string; label: string } }[] };
type Export = { data: { customer: { name: string; email: string | null; erasedAt: string | null }; cases: { ref: string }[] } };

describe.skipIf(!hasChromium)('customers’ data rights (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an admin works through an erasure request: the customer and their files are erased, the hold stays, the record still verifies', async () => {
    const admin = h.login('admin');
    const open = (await h.apiAs<Requests>(admin, '/data-requests?status=open')).body.items;
    const erasure = open.find((r) => r.kind === 'erasure');
    expect(erasure, 'the demo’s erasure request').toBeDefined();
    if (!erasure) return;
    const name = erasure.subject.label;

    // Before the erasure, the customer's account is taken down with a photo of their receipt on it.
    const held = (await h.apiAs<Export>(admin, `/customers/${erasure.subject.id}/export`)).body.data;
    const ref = held.cases[0]?.ref as string;
    const post = async (path: string, body: string | Uint8Array<ArrayBuffer>, type: string) => {
      const res = await fetch(`${h.baseUrl}/api/v1${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': type },
        body,
      });
      expect(res.status, path).toBe(201);
      return (await res.json()) as { id: string };
    };
    const statement = await post(
      `/cases/${ref}/statements`,
      JSON.stringify({ party: 'customer', authorName: held.customer.name, body: 'The receipt shows the date.' }),
      'application/json',
    );
    const photo = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('a crumpled receipt')]);
    await post(
      `/cases/${ref}/attachments?fileName=receipt.png&statementId=${statement.id}`,
      new Uint8Array(photo),
      'application/octet-stream',
    );
    const files = async () =>
      (await h.apiAs<{ items: { id: string; fileName: string; erasedAt: string | null }[] }>(admin, `/cases/${ref}/attachments`)).body
        .items;
    const receipt = (await files()).find((f) => f.fileName === 'receipt.png');
    expect(receipt?.erasedAt).toBeNull();

    const { page, context, problems } = await h.newPage();
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Data rights' }).click();
    await page.waitForURL('**/settings/privacy');
    await page.getByRole('heading', { level: 1, name: 'Data rights' }).waitFor();
    const row = page.getByTestId('data-request').filter({ hasText: name });
    await row.waitFor();
    await expect.poll(() => page.getByTestId('legal-hold').filter({ hasText: 'Ashworth: the jacket complaint' }).count()).toBe(1);
    await screenshot(page, 'data-rights');
    expect(await axeProblems(page)).toEqual([]);

    // A request without a word on how identity was checked is refused beside its field.
    await page.getByRole('textbox', { name: 'Who asked, and how' }).fill('A caller');
    await page.getByRole('button', { name: 'Record the request' }).click();
    await page.getByText('How their identity was checked').waitFor();
    await expect.poll(() => page.getByText(/say how the requester's identity was checked|must not be empty/).count()).toBeGreaterThan(0);

    await row.getByRole('button', { name: 'Erase…' }).click();
    await row.getByText('It cannot be undone.').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await row.getByRole('button', { name: 'Erase and complete' }).click();
    // The request keeps who asked (for accountability); what it is about now reads as an erased customer.
    await expect.poll(() => row.innerText()).toMatch(/an erased customer[\s\S]*Personal data erased: \d+ cases scrubbed/);
    const closed = (await h.apiAs<Requests>(admin, '/data-requests?status=done')).body.items;
    expect(closed.map((r) => r.id)).toContain(erasure.id);
    await screenshot(page, 'data-rights-erased');
    expect(await axeProblems(page)).toEqual([]);

    const after = (await h.apiAs<Export>(admin, `/customers/${erasure.subject.id}/export`)).body;
    expect(after.data.customer).toMatchObject({ name: '', email: null });
    expect(after.data.customer.erasedAt).not.toBeNull();
    const verify = await h.apiAs<{ intact: boolean; erased: { customers: number } }>(admin, '/audit/verify');
    expect(verify.body).toMatchObject({ intact: true, erased: { customers: 2 } });

    const log = await h.apiAs<{ items: { action: string; subjectId: string }[] }>(admin, '/access-log');
    // Newest first: the export just above, then the erasure made in the browser.
    expect(log.body.items.slice(0, 2).map((e) => [e.action, e.subjectId])).toEqual([
      ['export', erasure.subject.id],
      ['erase', erasure.subject.id],
    ]);
    // Their photo went with them: the Files tab names it and when it was erased, with no link to a file that is gone.
    expect((await files()).find((f) => f.id === receipt?.id)?.erasedAt).toEqual(expect.any(String));
    expect((await h.apiAs<{ status: number }>(admin, `/cases/${ref}/attachments/${receipt?.id}`)).status).toBe(410);
    await page.goto(`/cases/${ref}`);
    await page.getByRole('tab', { name: 'Files' }).click();
    const listed = page.getByTestId('attachments');
    await listed.getByText(/receipt\.png — erased with the customer’s personal data on /).waitFor();
    expect(await listed.getByRole('link', { name: 'receipt.png' }).count()).toBe(0);
    await screenshot(page, 'case-files-erased');
    expect(await axeProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);
});
