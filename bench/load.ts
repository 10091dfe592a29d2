/**
 * `npm run bench:load` — two instances on one PostgreSQL behind a small round-robin proxy.
 *
 * Measures, at 50 connections through the proxy, create case and list cases (req/s, p50, p99),
 * beside the same load on one instance directly, in the same run. Then checks what must hold across
 * instances: a session made on one is honoured by the other, the sign-in lockout counts attempts on
 * both (five wrong passwords in all, then refused), and mail queued while both run jobs is sent once
 * each. Prints one summary line. All traffic on 127.0.0.1; needs PostgreSQL (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres) and a build (`npm run build`).
 * `--seconds N` sets each load run's length (default 8).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer as createHttpServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { startSmtpListener } from '../test/smtp.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BUILT = join(ROOT, 'dist', 'cli', 'main.js');
const CONNECTIONS = 50;
const BUDGET = { p99Ms: 50 };
const ADMIN = { email: 'admin@load.test', password: 'correct horse battery' };
const NEW_CASE = {
  title: 'Customer upset about a late refund',
  summary: 'Caller says the refund promised two weeks ago never arrived and asked for a manager.',
  channel: 'phone',
  severity: 2,
  customerState: 'angry',
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const command = (args: string[]) =>
  existsSync(BUILT)
    ? { cmd: process.execPath, args: [BUILT, ...args] }
    : { cmd: join(ROOT, 'node_modules/.bin/tsx'), args: ['src/cli/main.ts', ...args] };

async function startInstance(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const { cmd, args } = command(['serve']);
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/api/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await sleep(100);
  }
  throw new Error(`instance on ${port} never became ready`);
}

/** Round-robin over the instances with node:http: each request goes to the next one in turn. */
function startProxy(ports: number[]): Promise<{ port: number; close(): Promise<void> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = createHttpServer((req, res) => {
    const port = ports[next++ % ports.length] as number;
    const upstream = httpRequest(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((r) =>
    server.listen(0, '127.0.0.1', () =>
      r({
        port: (server.address() as { port: number }).port,
        close: () => new Promise<void>((done) => server.close(() => done())).finally(() => agent.destroy()),
      }),
    ),
  );
}

type Stats = { perSec: number; p50: number; p99: number; non2xx: number };

async function load(base: string, token: string, seconds: number, method: 'GET' | 'POST'): Promise<Stats> {
  const result = await autocannon({
    url: `${base}${method === 'POST' ? '/api/v1/cases' : '/api/v1/cases?status=reported,acknowledged&limit=25'}`,
    connections: CONNECTIONS,
    duration: seconds,
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(method === 'POST' ? { body: JSON.stringify(NEW_CASE) } : {}),
  });
  return { perSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
}

const show = (s: Stats) => `${Math.round(s.perSec)} req/s p50 ${s.p50} ms p99 ${s.p99} ms${s.non2xx ? ` (${s.non2xx} non-2xx)` : ''}`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' } } });
  const seconds = Number(values.seconds);
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: server });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`bench:load skipped: no PostgreSQL at ${server} (${(error as Error).message})`);
    return;
  }
  const dbName = `defuse_load_${Date.now()}`;
  await admin.query(`create database ${dbName}`);
  const url = new URL(server);
  url.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'defuse-load-'));
  const smtp = await startSmtpListener();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url.toString(),
    DEFUSE_DATA_DIR: dataDir,
    DEFUSE_LOG_LEVEL: 'warn',
    SMTP_URL: smtp.url,
    HOST: '127.0.0.1',
  };
  const instances: ChildProcess[] = [];
  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
  try {
    const { cmd, args } = command(['init', '--workspace', 'Load Test', '--email', ADMIN.email, '--password', ADMIN.password]);
    const init = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8' });
    const token = /API token \(shown once\): (\S+)/.exec(init.stdout)?.[1];
    if (!token) throw new Error(`init failed: ${init.stdout}${init.stderr}`);
    const ports = [await freePort(), await freePort()];
    for (const port of ports) instances.push(await startInstance(env, port));
    proxy = await startProxy(ports);
    const viaProxy = `http://127.0.0.1:${proxy.port}`;
    const direct = `http://127.0.0.1:${ports[0]}`;

    const one = { create: await load(direct, token, seconds, 'POST'), list: await load(direct, token, seconds, 'GET') };
    const two = { create: await load(viaProxy, token, seconds, 'POST'), list: await load(viaProxy, token, seconds, 'GET') };

    // A session made through one instance, used through both in turn.
    const signIn = await fetch(`${viaProxy}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    let sessionOk = 0;
    for (let i = 0; i < 10; i++) if ((await fetch(`${viaProxy}/api/v1/me`, { headers: { cookie } })).ok) sessionOk++;

    // Wrong passwords alternate between the instances; the lockout must count them all.
    const wrong = [];
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${viaProxy}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN.email, password: `wrong password ${i}` }),
      });
      wrong.push(res.status);
    }
    const refusedAfter = wrong.findIndex((status) => status !== 401);

    // Mail queued while both instances run the delivery job goes out once each.
    const { openDatabase } = await import('../src/store/db.js');
    const { queueEmail } = await import('../src/store/outbox.js');
    const database = openDatabase({ dataDir, databaseUrl: url.toString() });
    const mails = 40;
    const already = smtp.messages.length;
    for (let i = 0; i < mails; i++)
      await queueEmail(
        database.db,
        { workspaceId: null, kind: 'load', to: `m${i}@example.test`, subject: `Load ${i}`, text: 'x', html: '<p>x</p>' },
        new Date(),
      );
    await database.close();
    for (let i = 0; i < 300 && smtp.messages.length - already < mails; i++) await sleep(100);
    await sleep(6_000); // one more delivery pass on each instance, to catch a double send
    const subjects = smtp.messages.slice(already).map((m) => m.subject);
    const sentTwice = subjects.filter((s, i) => subjects.indexOf(s) !== i).length;

    console.log(`  one instance:    create ${show(one.create)}; list ${show(one.list)}`);
    console.log(`  two via proxy:   create ${show(two.create)}; list ${show(two.list)}`);
    console.log(
      `  budget p99 ≤ ${BUDGET.p99Ms} ms at ${CONNECTIONS} connections: ${two.create.p99 <= BUDGET.p99Ms && two.list.p99 <= BUDGET.p99Ms ? 'met' : 'MISSED'}`,
    );
    console.log(
      `load [postgres, 2 instances]: create ${Math.round(two.create.perSec)} req/s p99 ${two.create.p99} ms (one instance ${Math.round(one.create.perSec)}, p99 ${one.create.p99}); ` +
        `list ${Math.round(two.list.perSec)} req/s p99 ${two.list.p99} ms (one instance ${Math.round(one.list.perSec)}, p99 ${one.list.p99}); ` +
        `session honoured ${sessionOk}/10; lockout after ${refusedAfter === -1 ? 'never' : refusedAfter} wrong passwords (${wrong.join(' ')}); ` +
        `${subjects.length - sentTwice}/${mails} mails sent, ${sentTwice} twice`,
    );
  } finally {
    await proxy?.close();
    for (const child of instances) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

await main();
