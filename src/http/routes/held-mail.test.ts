import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/databases.js';
import { caseReplyAddress } from '../../domain/reply-address.js';
import { fileComplaint } from '../../services/public-complaint.js';
import { receiveEmail } from '../../services/receive-email.js';

const DOMAIN = 'in.shop.test';
const PDF = Buffer.from('%PDF-1.4\n% the receipt\n');

describeEachDatabase('held mail over HTTP', (kind) => {
  let t: TestApp;
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'defuse-held-api-'));
  const links = { publicUrl: 'http://shop.test', replyDomain: DOMAIN };
  beforeAll(async () => {
    t = await buildTestApp(kind, { ...links, attachmentsDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  it('lists a held mail with its files, and placing it puts the files on the case as downloads', async () => {
    const db = t.database.db;
    const filed = await fileComplaint(
      db,
      t.workspace.workspace.slug,
      { name: 'Ada Roe', email: 'ada@example.test', story: 'The lamp arrived broken.' },
      new Date(),
      links,
    );
    if (filed.kind !== 'filed') throw new Error(filed.kind);
    const mail = {
      messageId: '<held.1@corp.test>',
      from: { address: 'ada.work@corp.test', name: 'Ada Roe' },
      recipients: [caseReplyAddress(filed.ref, DOMAIN)],
      subject: 'Receipt',
      text: 'Here is the receipt.',
      inReplyTo: [],
      headers: new Map<string, string>(),
      files: [
        { fileName: 'receipt.pdf', bytes: PDF },
        { fileName: 'run.sh', bytes: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02]) },
      ],
    };
    expect(await receiveEmail(db, mail, new Date(), { ...links, attachmentsDir })).toMatchObject({ kind: 'held' });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/inbound-emails', headers: t.auth });
    const [held] = list.json().items;
    expect(held.files.map((f: { fileName: string; refused: string | null }) => [f.fileName, f.refused === null])).toEqual([
      ['receipt.pdf', true],
      ['run.sh', false],
    ]);
    const placed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/inbound-emails/${held.id}/place`,
      headers: t.auth,
      payload: { ref: filed.ref },
    });
    expect(placed.statusCode).toBe(200);
    const attachmentId = placed.json().files[0].attachmentId;
    const files = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${filed.ref}/attachments`, headers: t.auth });
    expect(files.json().items).toMatchObject([{ id: attachmentId, fileName: 'receipt.pdf', source: 'email', addedBy: null }]);
    const download = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${filed.ref}/attachments/${attachmentId}`, headers: t.auth });
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const messages = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${filed.ref}/messages`, headers: t.auth });
    expect(messages.json().items[0].files.map((f: { attachmentId: string | null }) => f.attachmentId)).toEqual([attachmentId, null]);
  });
});
