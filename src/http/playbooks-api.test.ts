import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCase } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';

describeEachDatabase('playbooks over the API', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  const send = (method: 'POST' | 'PUT' | 'GET', url: string, payload?: object, headers = t.auth) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await buildTestApp(kind);
    cast = await buildCast(t.workspace.ctx());
  });
  afterAll(async () => t.close());

  it('copies a playbook, revises the copy into version 2, keeps version 1, and refuses edits to built-ins', async () => {
    const copied = await send('POST', '/playbooks', { fromKey: 'manager-mediation', name: 'Mediation at the front desk' });
    expect(copied.statusCode).toBe(201);
    const key = copied.json().key as string;
    expect(copied.headers.location).toBe(`/api/v1/playbooks/${key}`);
    expect(copied.json()).toMatchObject({ version: 1, builtIn: false, basedOn: { key: 'manager-mediation', version: 1 } });

    const revised = await send('PUT', `/playbooks/${key}`, { summary: 'Hear both sides, then settle it fairly.' });
    expect(revised.statusCode).toBe(200);
    expect(revised.json()).toMatchObject({ key, version: 2, summary: 'Hear both sides, then settle it fairly.' });
    expect((await send('GET', `/playbooks/${key}?version=1`)).json().summary).toBe(copied.json().summary);
    expect((await send('GET', `/playbooks/${key}`)).json().version).toBe(2);
    expect((await send('GET', `/playbooks/${key}?version=3`)).statusCode).toBe(404);
    const listed = (await send('GET', '/playbooks')).json().items as { key: string; version: number; builtIn: boolean }[];
    expect(listed.filter((p) => p.key === key)).toEqual([expect.objectContaining({ version: 2, builtIn: false })]);
    expect(listed.find((p) => p.key === 'five-steps')?.builtIn).toBe(true);

    const invalid = await send('PUT', `/playbooks/${key}`, { steps: [{ ...copied.json().steps[0], goal: '' }] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual([expect.objectContaining({ path: 'steps.0.goal' })]);
    const builtIn = await send('PUT', '/playbooks/five-steps', { name: 'Ours now' });
    expect(builtIn.statusCode).toBe(409);
    expect(builtIn.json().detail).toContain('copy it');
    expect((await send('POST', '/playbooks', { fromKey: 'five-steps', name: 'Mine' }, cast.employeeA.auth)).statusCode).toBe(403);
    expect((await send('PUT', `/playbooks/${key}`, { name: 'Mine' }, cast.supervisorA.auth)).statusCode).toBe(403);
  });

  it('answers racing saves of the same playbook with 200 or 409, never a 500, and keeps versions without gaps', async () => {
    const key = (await send('POST', '/playbooks', { fromKey: 'six-tips', name: 'Raced tips' })).json().key as string;
    const saves = await Promise.all([1, 2, 3, 4].map((n) => send('PUT', `/playbooks/${key}`, { summary: `Save number ${n}` })));
    const codes = saves.map((r) => r.statusCode);
    expect(codes.every((c) => c === 200 || c === 409)).toBe(true);
    const saved = codes.filter((c) => c === 200).length;
    expect((await send('GET', `/playbooks/${key}`)).json().version).toBe(1 + saved);
    const copies = await Promise.all([1, 2, 3].map(() => send('POST', '/playbooks', { fromKey: 'six-tips', name: 'Same name' })));
    expect(copies.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
  });

  it('runs a playbook on a case: reason required to differ, steps recorded once, employees off the case see nothing', async () => {
    const created = await send('POST', '/cases', {
      ...buildCase({ customerState: 'calm', severity: 4 }),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId, role: 'primary' }],
    });
    const ref = created.json().ref as string;
    const idle = await send('GET', `/cases/${ref}/playbook`, undefined, cast.employeeA.auth);
    expect(idle.statusCode).toBe(200);
    expect(idle.json().playbook).toBeNull();
    const recommended = idle.json().recommendation.strategy as string;
    const other = recommended === 'confront' ? 'negotiate' : 'confront';

    const noReason = await send('PUT', `/cases/${ref}/playbook`, { key: 'strategy-confront', strategy: other }, cast.employeeA.auth);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ path: 'reason' })]);

    const started = await send('PUT', `/cases/${ref}/playbook`, { key: 'five-steps' }, cast.employeeA.auth);
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({
      strategy: recommended,
      playbook: { key: 'five-steps' },
      progress: { done: 0, currentStepKey: 'focus' },
    });

    const step = await send(
      'POST',
      `/cases/${ref}/playbook/steps`,
      { stepKey: 'focus', note: 'Phone down, listening.' },
      cast.employeeA.auth,
    );
    expect(step.statusCode).toBe(201);
    expect(step.json().progress).toMatchObject({ done: 1, currentStepKey: 'vent' });
    expect(step.json().steps[0].done).toMatchObject({ by: cast.employeeA.actor.userId, note: 'Phone down, listening.' });
    expect((await send('POST', `/cases/${ref}/playbook/steps`, { stepKey: 'focus' })).statusCode).toBe(409);
    expect((await send('POST', `/cases/${ref}/playbook/steps`, { stepKey: 'dance' })).statusCode).toBe(400);

    const verified = await send('GET', `/cases/${ref}/verification`);
    expect(verified.json().intact).toBe(true);
    expect((await send('GET', `/cases/${ref}/playbook`, undefined, cast.employeeB.auth)).statusCode).toBe(404);
    expect((await send('POST', `/cases/${ref}/playbook/steps`, { stepKey: 'vent' }, cast.employeeB.auth)).statusCode).toBe(404);
  });
});
