import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { newAttachmentsDir } from '../../../test/attachments-dir.js';
import { describeEachDatabase } from '../../../test/databases.js';
import { buildCase } from '../../../test/factories.js';
import { buildCast } from '../../../test/people.js';
import { addStatement } from '../../services/add-statement.js';
import { createCase } from '../../services/create-case.js';

const seg = (marker: number, text: string) => {
  const payload = Buffer.from(text, 'latin1');
  return Buffer.concat([Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
};
/** A tiny JPEG whose Exif names where it was taken. */
const PHOTO = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  seg(0xe0, 'JFIF\0\x01\x01'),
  seg(0xe1, 'Exif\0\0GPSLatitude 48.8584 N GPSLongitude 2.2945 E'),
  seg(0xda, '\x01\x02\x03'),
  Buffer.from([0x11, 0x22, 0xff, 0xd9]),
]);

describeEachDatabase('attachments on a case', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  let ref: string;
  const dir = newAttachmentsDir();
  beforeAll(async () => {
    t = await buildTestApp(kind, { attachmentsDir: dir });
    cast = await buildCast(t.workspace.ctx());
    ref = (
      await createCase(t.workspace.ctx(), {
        ...buildCase(),
        teamId: cast.teamA.id,
        employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
      })
    ).ref;
  });
  afterAll(async () => t.close());

  const upload = (body: Buffer, fileName: string, headers = cast.employeeA.auth) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${ref}/attachments?fileName=${encodeURIComponent(fileName)}`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: body,
    });
  const counts = async () => ({
    rows: (await t.database.db.selectFrom('attachments').select('id').execute()).length,
    events: (await t.database.db.selectFrom('case_events').select('id').execute()).length,
  });

  it('keeps a photo without its location data, records its SHA-256 on the timeline, and serves it only as a download', async () => {
    const res = await upload(PHOTO, '../receipt "front".jpg');
    expect(res.statusCode).toBe(201);
    const added = res.json() as { id: string; fileName: string; contentType: string; size: number; sha256: string };
    expect(added).toMatchObject({ fileName: 'receipt front.jpg', contentType: 'image/jpeg' });
    const download = await t.app.inject({ url: `/api/v1/cases/${ref}/attachments/${added.id}`, headers: cast.supervisorA.auth });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.toString('latin1')).not.toContain('GPSLatitude');
    expect(download.rawPayload.length).toBe(added.size);
    expect(download.rawPayload.length).toBeLessThan(PHOTO.length);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(added.sha256);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="receipt front.jpg"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    const events = (await t.app.inject({ url: `/api/v1/cases/${ref}/events`, headers: t.auth })).json() as {
      items: { kind: string; data: Record<string, unknown> }[];
    };
    expect(events.items.find((e) => e.kind === 'attachment_added')?.data).toMatchObject({ attachmentId: added.id, sha256: added.sha256 });
    const list = (await t.app.inject({ url: `/api/v1/cases/${ref}/attachments`, headers: cast.employeeA.auth })).json() as {
      items: unknown[];
    };
    expect(list.items).toHaveLength(1);
  });

  it('refuses programs, disguised files, oversize files and JSON bodies, changing nothing', async () => {
    const before = await counts();
    const exe = await upload(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'photo.jpg');
    expect(exe.statusCode).toBe(400);
    expect(exe.json()).toMatchObject({ errors: [{ path: 'file' }] });
    const big = await upload(Buffer.alloc(10 * 1024 * 1024 + 10, 0x41), 'big.txt');
    expect(big.statusCode).toBe(413);
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${ref}/attachments?fileName=a.txt`,
      headers: cast.employeeA.auth,
      payload: { hello: 'world' },
    });
    expect(json.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('shows a case’s files only to those who may read the case', async () => {
    const [first] = (
      (await t.app.inject({ url: `/api/v1/cases/${ref}/attachments`, headers: t.auth })).json() as { items: { id: string }[] }
    ).items;
    expect((await t.app.inject({ url: `/api/v1/cases/${ref}/attachments/${first?.id}`, headers: cast.employeeB.auth })).statusCode).toBe(
      404,
    );
    expect((await upload(PHOTO, 'x.jpg', cast.employeeB.auth)).statusCode).toBe(404);
  });

  it('lets a statement’s author attach a file to it, and no one else', async () => {
    const employeeCtx = { db: t.database.db, actor: cast.employeeA.actor, now: new Date() };
    const own = await addStatement(employeeCtx, ref, {
      party: 'employee',
      employeeId: cast.employeeA.actor.employeeId,
      body: 'I offered a refund.',
    });
    const toStatement = (id: string, headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${ref}/attachments?fileName=receipt.jpg&statementId=${id}`,
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        payload: PHOTO,
      });
    const before = await counts();
    const refused = await toStatement(own.id, cast.supervisorA.auth);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('Only the person who wrote this statement can attach files to it.');
    expect(await counts()).toEqual(before);
    const added = await toStatement(own.id, cast.employeeA.auth);
    expect(added.statusCode).toBe(201);
    expect(added.json().statementId).toBe(own.id);
  });

  it('answers 410 with when and why for a file erased with the customer’s personal data, and lists it as erased', async () => {
    const kase = await createCase(t.workspace.ctx(), {
      ...buildCase(),
      teamId: cast.teamA.id,
      customer: { name: 'Ines Duarte', email: 'ines.d@example.test' },
    });
    const hers = await addStatement(t.workspace.ctx(), kase.ref, { party: 'customer', authorName: 'Ines Duarte', body: 'The zip broke.' });
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${kase.ref}/attachments?fileName=zip.jpg&statementId=${hers.id}`,
      headers: { ...t.auth, 'content-type': 'application/octet-stream' },
      payload: PHOTO,
    });
    expect(added.statusCode).toBe(201);
    const id = (added.json() as { id: string }).id;
    expect(existsSync(join(dir, t.workspace.workspace.id, id))).toBe(true);

    const erased = await t.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${kase.customerId}/erase`,
      headers: t.auth,
      payload: { reason: 'she asked' },
    });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({ filesErased: 1 });
    expect(existsSync(join(dir, t.workspace.workspace.id, id))).toBe(false);

    const download = await t.app.inject({ url: `/api/v1/cases/${kase.ref}/attachments/${id}`, headers: cast.supervisorA.auth });
    expect(download.statusCode).toBe(410);
    expect(download.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(download.json()).toMatchObject({
      type: 'urn:defuse:problem:gone',
      status: 410,
      detail: expect.stringMatching(/^This file was erased with the customer’s personal data on \d{4}-\d{2}-\d{2} /),
    });
    const list = (await t.app.inject({ url: `/api/v1/cases/${kase.ref}/attachments`, headers: t.auth })).json() as {
      items: { id: string; erasedAt: string | null; sha256: string }[];
    };
    expect(list.items).toMatchObject([{ id, sha256: (added.json() as { sha256: string }).sha256 }]);
    expect(list.items[0]?.erasedAt).toEqual(expect.any(String));
  });
});
