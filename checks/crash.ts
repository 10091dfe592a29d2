/**
 * `npm run test:crash [-- --trials N --database sqlite|postgres|both --load-seconds S]`
 *
 * Kills a real server with SIGKILL while clients write to it (new cases, statements, replies emailed
 * to customers), restarts it, and checks that every write it acknowledged is there; after the last
 * trial, that every hash chain verifies (`defuse audit verify`) and that every acknowledged reply
 * reached the SMTP listener at least once and at most twice, a second copy under the same Message-ID.
 * All traffic stays on 127.0.0.1. Prints one summary line per database.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startSmtpListener } from '../test/smtp.js';

export type CrashSummary = {
  database: 'sqlite' | 'postgres';
  trials: number;
  acknowledged: { cases: number; statements: number; replies: number };
  lost: string[];
  mails: { received: number; duplicates: number; missing: number; overDelivered: number };
  verified: boolean;
};

const TSX = 'node_modules/.bin/tsx';
/** Emailed replies per run: enough to catch a kill mid-send, few enough to deliver in a minute at the outbox's pace. */
const MAX_REPLIES = 24;
const CLI = 'src/cli/main.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the CLI to completion and returns what it printed. */
function cli(args: string[], env: NodeJS.ProcessEnv): { status: number | null; out: string } {
  const run = spawnSync(TSX, [CLI, ...args], { env, encoding: 'utf8', timeout: 300_000 });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** Starts `defuse serve` in its own process group (so SIGKILL reaches tsx and node alike) and waits until ready. */
async function startServer(env: NodeJS.ProcessEnv, base: string): Promise<ChildProcess> {
  const child = spawn(TSX, [CLI, 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let err = '';
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${err}`);
    const ok = await fetch(`${base}/api/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return child;
    await sleep(100);
  }
  throw new Error(`server never became ready: ${err}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-(child.pid as number), signal);
  });
}

type Written = { refs: string[]; statements: Map<string, string[]>; replies: Map<string, string> };

/** One client: writes until `stop`, recording only what the server answered 2xx to. */
async function client(base: string, token: string, written: Written, stop: { now: boolean }, seed: number): Promise<void> {
  let n = seed;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    return res.ok ? ((await res.json()) as Record<string, unknown>) : undefined;
  };
  while (!stop.now) {
    n += 1;
    const pick = written.refs.length === 0 ? 0 : n % 5;
    try {
      if (pick <= 1) {
        const created = await post('/api/v1/cases', {
          title: `Crash trial case ${seed}-${n}`,
          summary: 'A customer was kept waiting and raised their voice at the counter.',
          channel: 'in_person',
          severity: 3,
          customerState: 'frustrated',
          customer: { name: `Customer ${seed}-${n}`, email: `customer.${seed}.${n}@example.test` },
        });
        if (created) written.refs.push(String(created.ref));
      } else {
        const ref = written.refs[n % written.refs.length] as string;
        if (pick <= 3) {
          const statement = await post(`/api/v1/cases/${ref}/statements`, {
            party: 'customer',
            authorName: `Customer ${seed}`,
            body: `Statement ${seed}-${n}`,
          });
          if (statement) written.statements.set(ref, [...(written.statements.get(ref) ?? []), String(statement.id)]);
        } else if (!written.replies.has(ref) && written.replies.size < MAX_REPLIES) {
          const reply = await post(`/api/v1/cases/${ref}/replies`, {
            body: 'I am sorry you waited so long. I have refunded the fee and will call you tomorrow by noon.',
            via: 'email',
          });
          const messageId = (reply?.event as { data?: { delivery?: { messageId?: string } } } | undefined)?.data?.delivery?.messageId;
          if (messageId) written.replies.set(ref, messageId);
        }
      }
    } catch {
      // A request the kill cut off was never acknowledged, so nothing is expected of it.
      await sleep(20);
    }
  }
}

/** Every acknowledged case and statement, read back after a restart; returns what is missing. */
async function missingWrites(base: string, token: string, written: Written): Promise<string[]> {
  const lost: string[] = [];
  for (const ref of written.refs) {
    const res = await fetch(`${base}/api/v1/cases/${ref}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) {
      lost.push(`case ${ref} (${res.status})`);
      continue;
    }
    const body = (await res.json()) as { statements?: { id: string }[] };
    const have = new Set((body.statements ?? []).map((s) => s.id));
    for (const id of written.statements.get(ref) ?? []) if (!have.has(id)) lost.push(`statement ${id} of ${ref}`);
  }
  return lost;
}

export async function runCrashTrials(options: {
  database: 'sqlite' | 'postgres';
  trials: number;
  loadSeconds: number;
  clients?: number;
  log?: (line: string) => void;
}): Promise<CrashSummary> {
  const log = options.log ?? (() => {});
  const dataDir = mkdtempSync(join(tmpdir(), 'defuse-crash-'));
  const smtp = await startSmtpListener();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let databaseUrl: string | undefined;
  let admin: pg.Client | undefined;
  const dbName = `defuse_crash_${process.pid}_${Date.now()}`;
  if (options.database === 'postgres') {
    const server = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const url = new URL(server);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEFUSE_DATA_DIR: dataDir,
    DEFUSE_LOG_LEVEL: 'warn',
    SMTP_URL: smtp.url,
    DEFUSE_MAIL_FROM: 'Defuse <no-reply@crash.test>',
    DATABASE_URL: databaseUrl ?? '',
  };
  const written: Written = { refs: [], statements: new Map(), replies: new Map() };
  const lost: string[] = [];
  try {
    const init = cli(['init', '--workspace', 'Crash Trials', '--email', 'admin@crash.test', '--password', 'correct horse battery'], env);
    const token = /API token \(shown once\): (\S+)/.exec(init.out)?.[1];
    if (!token) throw new Error(`init failed: ${init.out}`);
    for (let trial = 1; trial <= options.trials; trial++) {
      const server = await startServer(env, base);
      // The coach loads its language model on first use; warm it so replies flow from the start.
      await fetch(`${base}/api/v1/coach/analyze`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reply: 'Sorry for the wait, I will call you today.' }),
      });
      const stop = { now: false };
      const clients = Array.from({ length: options.clients ?? 8 }, (_, i) => client(base, token, written, stop, trial * 1000 + i * 100));
      // Kill at a different moment each trial, somewhere inside the load once it is flowing.
      const before = written.refs.length;
      for (let i = 0; i < 200 && written.refs.length === before; i++) await sleep(50);
      await sleep(options.loadSeconds * 1000 * (0.3 + (0.7 * ((trial * 7919) % 100)) / 100));
      await killGroup(server);
      stop.now = true;
      await Promise.all(clients);
      const restarted = await startServer(env, base);
      const missing = await missingWrites(base, token, written);
      lost.push(...missing);
      log(
        `trial ${trial}: ${written.refs.length} cases, ${[...written.statements.values()].flat().length} statements acknowledged so far; ${missing.length} missing`,
      );
      await killGroup(restarted, 'SIGTERM');
    }
    // The last mails may sit under a lease taken just before a kill: let that time pass, then deliver.
    await expireMailLeases(env);
    const final = await startServer(env, base);
    const expected = [...written.replies.values()];
    // Other mail (notifications) arrives too, so wait for these replies by their Message-IDs.
    const arrived = () => new Set(smtp.messages.map((m) => m.messageId));
    for (let i = 0; i < 3000 && !expected.every((id) => arrived().has(id)); i++) await sleep(100);
    await sleep(500);
    await killGroup(final, 'SIGTERM');
    const received = new Map<string, number>();
    for (const mail of smtp.messages) if (mail.messageId) received.set(mail.messageId, (received.get(mail.messageId) ?? 0) + 1);
    const verify = cli(['audit', 'verify'], env);
    return {
      database: options.database,
      trials: options.trials,
      acknowledged: {
        cases: written.refs.length,
        statements: [...written.statements.values()].flat().length,
        replies: expected.length,
      },
      lost,
      mails: {
        received: smtp.messages.length,
        duplicates: expected.filter((id) => (received.get(id) ?? 0) === 2).length,
        missing: expected.filter((id) => !received.has(id)).length,
        overDelivered: expected.filter((id) => (received.get(id) ?? 0) > 2).length,
      },
      verified: verify.status === 0,
    };
  } finally {
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  }
}

/** Makes mail under a lease due now, as if its sender's lease had run out (it is 5 minutes). */
async function expireMailLeases(env: NodeJS.ProcessEnv): Promise<void> {
  const { openDatabase } = await import('../src/store/db.js');
  const { loadConfig } = await import('../src/config/config.js');
  const database = openDatabase(loadConfig(env));
  try {
    await database.db
      .updateTable('outbox_emails')
      .set({ next_attempt_at: new Date().toISOString() })
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('next_attempt_at', '>', new Date().toISOString())
      .execute();
  } finally {
    await database.close();
  }
}

export function describeSummary(s: CrashSummary): string {
  const { cases, statements, replies } = s.acknowledged;
  return (
    `crash [${s.database}]: ${s.trials} kill -9 trials, ${cases} cases + ${statements} statements + ${replies} emailed replies acknowledged, ` +
    `${s.lost.length} lost; mails ${s.mails.missing} missing, ${s.mails.duplicates} sent twice (same Message-ID), ${s.mails.overDelivered} more than twice; ` +
    `audit verify ${s.verified ? 'OK' : 'FAILED'}`
  );
}

export const crashPassed = (s: CrashSummary): boolean =>
  s.lost.length === 0 && s.mails.missing === 0 && s.mails.overDelivered === 0 && s.verified;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      trials: { type: 'string', default: '20' },
      database: { type: 'string', default: 'both' },
      'load-seconds': { type: 'string', default: '3' },
    },
  });
  const kinds = values.database === 'both' ? (['sqlite', 'postgres'] as const) : [values.database as 'sqlite' | 'postgres'];
  let ok = true;
  for (const database of kinds) {
    const summary = await runCrashTrials({
      database,
      trials: Number(values.trials),
      loadSeconds: Number(values['load-seconds']),
      log: (line) => console.log(`  [${database}] ${line}`),
    });
    console.log(describeSummary(summary));
    for (const l of summary.lost.slice(0, 10)) console.log(`  lost: ${l}`);
    ok &&= crashPassed(summary);
  }
  process.exit(ok ? 0 : 1);
}
