import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { TEST_SIGNING_KEY } from '../../test/signing-key.js';
import { checkpointHash, signatureHolds } from '../domain/audit-log.js';
import { listOutbox } from '../store/outbox.js';
import { signWorkspaceCheckpoint } from './audit-checkpoints.js';
import { addNote } from './change-case.js';
import { createCase } from './create-case.js';

describeEachDatabase('signed checkpoints', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.dispose());

  it('signs only when the record grew, chains each on the last, and mails the admins at most once a day', async () => {
    const ws = await buildWorkspace(database.db);
    const kase = await createCase(ws.ctx(), buildCase());
    const t0 = new Date('2026-06-01T09:00:00.000Z');
    const first = await signWorkspaceCheckpoint(database.db, ws.workspace.id, TEST_SIGNING_KEY, t0);
    expect(first && signatureHolds(first)).toBe(true);
    expect(first?.checkpoint).toMatchObject({ seq: 1, cases: 1, events: 1, customers: 0, accessLogEntries: 0 });
    expect(await signWorkspaceCheckpoint(database.db, ws.workspace.id, TEST_SIGNING_KEY, new Date(t0.getTime() + 3600_000))).toBeNull();

    await addNote(ws.ctx(), kase.ref, 'Called back.');
    const second = await signWorkspaceCheckpoint(database.db, ws.workspace.id, TEST_SIGNING_KEY, new Date(t0.getTime() + 7200_000));
    expect(second?.checkpoint).toMatchObject({ seq: 2, events: 2 });
    expect(second?.checkpoint.previous).toBe(first ? checkpointHash(first.checkpoint) : null);

    await addNote(ws.ctx(), kase.ref, 'Voucher sent.');
    await signWorkspaceCheckpoint(database.db, ws.workspace.id, TEST_SIGNING_KEY, new Date(t0.getTime() + 25 * 3600_000));
    const mails = (await listOutbox(database.db)).filter((m) => m.kind === 'audit_checkpoint' && m.workspace_id === ws.workspace.id);
    // Checkpoints #1 and #3: #2 came within a day of #1.
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('#1'), expect.stringContaining('#3')]);
    expect(mails[0]?.to_address).toBe(ws.user.email);
    // The mail carries the checkpoint itself, so the copy can be saved as a file and checked later.
    const line = mails[0]?.text_body.split('\n').find((l) => l.startsWith('{"checkpoint"'));
    expect(JSON.parse(line ?? '{}')).toEqual(first);
  });
});
