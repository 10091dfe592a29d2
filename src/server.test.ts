import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpListener } from '../test/smtp.js';
import { ConfigError, loadConfig } from './config/config.js';
import { startServer } from './server.js';
import { openDatabase } from './store/db.js';
import { migrateToLatest } from './store/migrate.js';
import { listOutbox, queueEmail } from './store/outbox.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('server background jobs', () => {
  let dataDir: string;
  const env = () => ({ DEFUSE_DATA_DIR: dataDir, DEFUSE_SECRET: 'x'.repeat(32), DEFUSE_LOG_LEVEL: 'silent' });

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'defuse-server-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads DEFUSE_JOBS and DEFUSE_MAIL_FROM, with defaults', () => {
    expect(loadConfig(env())).toMatchObject({ jobs: true, mailFrom: 'Defuse <no-reply@localhost>' });
    expect(loadConfig({ ...env(), DEFUSE_JOBS: 'off', DEFUSE_MAIL_FROM: 'Help <help@shop.test>' })).toMatchObject({
      jobs: false,
      mailFrom: 'Help <help@shop.test>',
    });
    expect(() => loadConfig({ ...env(), DEFUSE_JOBS: 'maybe' })).toThrow(ConfigError);
  });

  it('delivers the outbox once listening, and closes cleanly', async () => {
    const smtp = await startSmtpListener();
    const database = openDatabase({ dataDir });
    await migrateToLatest(database);
    await queueEmail(
      database.db,
      { workspaceId: null, kind: 'test', to: 'sam@example.com', subject: 'Hello', text: 'Hi Sam', html: '<p>Hi Sam</p>' },
      new Date(),
    );
    // nodemailer upgrades to TLS only when the server offers STARTTLS, and the test listener does not.
    const app = await startServer(loadConfig({ ...env(), PORT: String(await freePort()), SMTP_URL: smtp.url }));
    try {
      const [mail] = await smtp.waitFor(1, 10_000);
      expect(mail?.subject).toBe('Hello');
      await expect.poll(async () => (await listOutbox(database.db))[0]?.sent_at, { timeout: 5000, interval: 50 }).toBeTruthy();
    } finally {
      await app.close();
      await database.close();
      await smtp.close();
    }
  });
});
