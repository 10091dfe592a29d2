/**
 * API benchmark — our budgets for the HTTP API and server cold start (BUDGET_LINE below).
 *
 * What it measures, per database (SQLite always; PostgreSQL too when DATABASE_URL is set):
 *   - cold start: spawning `defuse serve` until /api/health first answers 200 (budget ≤ 1.5 s);
 *   - over HTTP, against the real server in a child process, with autocannon (50 connections,
 *     pipelining 1, ~5 s each): create case, append event (over ~100 cases), get case, filtered list;
 *   - the server's CPU time per HTTP request (from /proc): steady when the machine is shared, where req/s is not;
 *   - the same four operations done directly through the services in this process, one at a time;
 *   - SQLite: create case as raw better-sqlite3 — the statements one create-case request runs (captured
 *     from the app), prepared once and replayed with new ids in one transaction each — and the HTTP
 *     rate as a share of that (the yardstick: everything the product adds to the rows it writes).
 *
 * Why the direct baseline: it is the cost of the work itself (SQL, hashing the timeline, building
 * the view). HTTP/direct shows how much the web layer (parsing, validation, auth, serialisation,
 * sockets) adds on top, so a missed budget can be pinned on the layer that spends the time.
 * The direct calls run one at a time (no concurrency), so on PostgreSQL they are bound by round
 * trips and HTTP with 50 connections can beat them (ratio > 1); on SQLite they are the CPU floor.
 *
 * Run: `npm run build && npm run bench:api` (optionally with DATABASE_URL=postgres://…).
 * BENCH_CPU_PROF=<dir> makes the server child write a V8 CPU profile there (node --cpu-prof).
 * Exit code 0 even when a budget is missed (this is a report); non-zero only on errors.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../src/config/config.js';
import { buildApp } from '../src/http/app.js';
import { createToken, initWorkspace } from '../src/services/accounts.js';
import { addNote } from '../src/services/change-case.js';
import type { Actor, ServiceContext } from '../src/services/context.js';
import { createCase } from '../src/services/create-case.js';
import { getCase, listCases } from '../src/services/read-cases.js';
import { type DatabaseKind, openDatabase } from '../src/store/db.js';
import { newId } from '../src/store/ids.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { startWalCheckpointer } from '../src/store/wal-checkpointer.js';

// ---------------------------------------------------------------------------------------------
// Settings and budgets
// ---------------------------------------------------------------------------------------------

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(ROOT, 'bin', 'defuse.js');
const BUILT_ENTRY = join(ROOT, 'dist', 'cli', 'main.js');

const CONNECTIONS = 50;
const DURATION_S = 5;
const WARMUP_S = 1;
const TARGET_CASES = 100;
const DIRECT_COUNTS = { create: 5_000, append: 5_000, get: 5_000, list: 2_000 } as const;

const BUDGET = { reqPerSec: 2_000, p99Ms: 50, coldStartMs: 1_500 };
const BUDGET_LINE =
  'API, create case / append event (SQLite) ≥ 2,000 req/s at 50 connections, p99 ≤ 50 ms, on one core; cold start ≤ 1.5 s to first answered request';

const NEW_CASE = {
  title: 'Customer upset about a late refund',
  summary: 'Caller says the refund promised two weeks ago never arrived and asked for a manager.',
  channel: 'phone',
  severity: 3,
  customerState: 'frustrated',
} as const;
const NOTE_TEXT = 'Called the customer back; refund confirmed with finance, will follow up on Friday.';
const LIST_QUERY = 'status=reported&severity=3&limit=20';

const OPERATIONS = ['create case', 'append event', 'get case', 'filtered list'] as const;
type Operation = (typeof OPERATIONS)[number];

/** Throughput and latency of one operation (latencies in ms). */
type Stats = { perSec: number; p50: number; p99: number };
type HttpStats = Stats & { non2xx: number; errors: number; codes: string; cpuMsPerReq: number };
type BackendReport = {
  kind: DatabaseKind;
  coldStartMs: number;
  http: Map<Operation, HttpStats>;
  direct: Map<Operation, Stats>;
  raw: RawStats | null;
};
/** Create case written as raw better-sqlite3 statements: rate, and CPU per case. */
type RawStats = { perSec: number; cpuMsPerOp: number; statements: number };

// ---------------------------------------------------------------------------------------------
// Cleanup: everything started or created registers how to undo it, run in reverse at the end
// ---------------------------------------------------------------------------------------------

const cleanups: (() => Promise<void> | void)[] = [];

async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const undo = cleanups.pop();
    try {
      await undo?.();
    } catch (error) {
      console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `defuse-bench-${label}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a fresh database per use, dropped afterwards
// ---------------------------------------------------------------------------------------------

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates `defuse_bench_<random>` next to the database in `url`; returns a URL pointing at it. */
async function freshPgDatabase(url: string, label: string): Promise<string> {
  const name = `defuse_bench_${label}_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `create database ${name}`);
  cleanups.push(() => adminQuery(url, `drop database if exists ${name} with (force)`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

// ---------------------------------------------------------------------------------------------
// The server child
// ---------------------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** The environment of a CLI or server child: this process's, minus DATABASE_URL unless given. */
function childEnv(dataDir: string, databaseUrl: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DEFUSE_DATA_DIR: dataDir, DEFUSE_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

/** `defuse init`, returning the API token it prints once. */
async function initViaCli(env: NodeJS.ProcessEnv): Promise<string> {
  const args = [CLI, 'init', '--workspace', 'Bench', '--email', 'bench@example.com', '--password', 'benchpassword1'];
  const { stdout } = await promisify(execFile)(process.execPath, args, { env, cwd: ROOT });
  const token = /API token \(shown once\): (dfs_\S+)/.exec(stdout)?.[1];
  if (!token) throw new Error(`defuse init printed no API token:\n${stdout}`);
  return token;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** Spawns `defuse serve` and registers its shutdown; the returned time is when it was spawned. */
function spawnServer(port: number, env: NodeJS.ProcessEnv, kind: DatabaseKind): { child: ChildProcess; spawnedAt: bigint } {
  const profileDir = process.env.BENCH_CPU_PROF;
  const nodeArgs = profileDir
    ? ['--cpu-prof', '--cpu-prof-dir', resolve(profileDir), '--cpu-prof-name', `server-${kind}-${Date.now()}.cpuprofile`]
    : [];
  const spawnedAt = process.hrtime.bigint();
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'serve', '--port', String(port)], {
    env,
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  cleanups.push(() => stopChild(child));
  return { child, spawnedAt };
}

/** Polls /api/health until the first 200; returns ms since spawn. Fails if the child dies or it takes > 30 s. */
async function waitForHealth(base: string, child: ChildProcess, spawnedAt: bigint): Promise<number> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before answering /api/health`);
    try {
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      if (res.status === 200) return Number(process.hrtime.bigint() - spawnedAt) / 1e6;
    } catch {
      // not listening yet
    }
    await sleep(5);
  }
  throw new Error('the server did not answer /api/health within 30 s');
}

/**
 * autocannon stops with requests still in flight; their handlers keep running after the sockets
 * close. Let them finish before SIGTERM so shutdown does not log errors for abandoned requests.
 */
async function drain(base: string): Promise<void> {
  await sleep(250);
  await (await fetch(`${base}/api/health`)).arrayBuffer();
}

// ---------------------------------------------------------------------------------------------
// HTTP measurements (autocannon)
// ---------------------------------------------------------------------------------------------

type Load = { path: string | (() => string); method: 'GET' | 'POST'; body?: string };

function runAutocannon(base: string, token: string, load: Load, seconds: number): Promise<autocannon.Result> {
  const nextPath = load.path;
  const request: autocannon.Request = {
    method: load.method,
    ...(load.body === undefined ? {} : { body: load.body }),
    ...(typeof nextPath === 'string' ? { path: nextPath } : { setupRequest: (req) => ({ ...req, path: nextPath() }) }),
  };
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (load.body !== undefined) headers['content-type'] = 'application/json';
  return autocannon({ url: base, connections: CONNECTIONS, pipelining: 1, duration: seconds, headers, requests: [request] });
}

function toHttpStats(result: autocannon.Result): Omit<HttpStats, 'cpuMsPerReq'> {
  const codes = Object.entries(result.statusCodeStats ?? {})
    .map(([code, s]) => `${code}×${s.count ?? 0}`)
    .join(' ');
  return {
    perSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    codes,
  };
}

/**
 * CPU time (user + system, ms) the server process has used so far, from /proc (Linux). Unlike
 * req/s it hardly moves when other work shares the machine, so runs on a busy machine compare.
 */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return Number.NaN;
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14th and 15th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_S;
}
const CLOCK_TICKS_PER_S = 100; // USER_HZ, 100 on every Linux we run on

/** A short unreported run first (JIT, connection pools, SQLite page cache), then the measured one. */
async function measureHttp(base: string, token: string, load: Load, serverPid: number | undefined): Promise<HttpStats> {
  await runAutocannon(base, token, load, WARMUP_S);
  const cpuBefore = cpuMsOf(serverPid);
  const result = await runAutocannon(base, token, load, DURATION_S);
  const cpuMsPerReq = (cpuMsOf(serverPid) - cpuBefore) / Math.max(1, result.requests.total);
  return { ...toHttpStats(result), cpuMsPerReq };
}

/** Cycles through refs so appends and reads are spread over many cases. */
function roundRobin(refs: string[], toPath: (ref: string) => string): () => string {
  let i = 0;
  return () => toPath(refs[i++ % refs.length] as string);
}

async function createCasesViaHttp(base: string, token: string, count: number): Promise<string[]> {
  const refs: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${base}/api/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(NEW_CASE),
    });
    const body = (await res.json()) as { ref?: string };
    if (res.status !== 201 || !body.ref) throw new Error(`creating a case answered ${res.status}: ${JSON.stringify(body)}`);
    refs.push(body.ref);
  }
  return refs;
}

async function benchHttp(base: string, token: string, serverPid: number | undefined): Promise<Map<Operation, HttpStats>> {
  const refs = await createCasesViaHttp(base, token, TARGET_CASES);
  const loads: Record<Operation, Load> = {
    'create case': { method: 'POST', path: '/api/v1/cases', body: JSON.stringify(NEW_CASE) },
    'append event': {
      method: 'POST',
      path: roundRobin(refs, (ref) => `/api/v1/cases/${ref}/events`),
      body: JSON.stringify({ text: NOTE_TEXT }),
    },
    'get case': { method: 'GET', path: roundRobin(refs, (ref) => `/api/v1/cases/${ref}`) },
    'filtered list': { method: 'GET', path: `/api/v1/cases?${LIST_QUERY}` },
  };
  const out = new Map<Operation, HttpStats>();
  for (const op of OPERATIONS) {
    process.stdout.write(`  HTTP   ${op} …`);
    const stats = await measureHttp(base, token, loads[op], serverPid);
    process.stdout.write(` ${fmtInt(stats.perSec)} req/s\n`);
    out.set(op, stats);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Direct measurements (services in this process, sequential)
// ---------------------------------------------------------------------------------------------

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Runs op `count` times one after another (after a short warm-up), timing each with hrtime. */
async function measureDirect(count: number, op: (i: number) => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < Math.min(200, count / 10); i++) await op(i);
  const times = new Float64Array(count);
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    await op(i);
    times[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  const totalS = Number(process.hrtime.bigint() - start) / 1e9;
  times.sort();
  return { perSec: count / totalS, p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function benchDirect(kind: DatabaseKind, databaseUrl: string | undefined): Promise<Map<Operation, Stats>> {
  const dataDir = tempDir(`direct-${kind}`);
  const database = openDatabase({ dataDir, databaseUrl });
  cleanups.push(() => database.close());
  await migrateToLatest(database);
  const { workspace, user } = await initWorkspace(
    database.db,
    { workspace: 'Bench', email: 'bench@example.com', password: 'benchpassword1' },
    new Date(),
  );
  const actor: Actor = { userId: user.id, workspaceId: workspace.id, role: 'admin', teamIds: [], employeeId: null };
  const ctx = (): ServiceContext => ({ db: database.db, actor, now: new Date() });

  const refs: string[] = [];
  for (let i = 0; i < TARGET_CASES; i++) refs.push((await createCase(ctx(), { ...NEW_CASE })).ref);
  const refAt = (i: number) => refs[i % refs.length] as string;

  const ops: Record<Operation, [number, (i: number) => Promise<unknown>]> = {
    'create case': [DIRECT_COUNTS.create, () => createCase(ctx(), { ...NEW_CASE })],
    'append event': [DIRECT_COUNTS.append, (i) => addNote(ctx(), refAt(i), NOTE_TEXT)],
    'get case': [DIRECT_COUNTS.get, (i) => getCase(ctx(), refAt(i))],
    'filtered list': [DIRECT_COUNTS.list, () => listCases(ctx(), { status: ['reported'], severity: [3], limit: 20 })],
  };
  const out = new Map<Operation, Stats>();
  for (const op of OPERATIONS) {
    const [count, run] = ops[op];
    process.stdout.write(`  direct ${op} × ${count} …`);
    const stats = await measureDirect(count, run);
    process.stdout.write(` ${fmtInt(stats.perSec)} ops/s\n`);
    out.set(op, stats);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Raw better-sqlite3: the rows of one create-case request, without the product around them
// ---------------------------------------------------------------------------------------------

type Captured = { sql: string; parameters: readonly unknown[] };

/**
 * Runs one create-case request through the app in this process and records its SQL; then replays
 * those statements with better-sqlite3 directly — prepared once, one transaction per case, the new
 * case's id, reference and event id replaced by fresh ones — on the same file with the same pragmas
 * and the same background checkpoints as the server. What is left is SQLite's share of the request.
 */
async function benchRawCreate(count: number): Promise<RawStats> {
  const dataDir = tempDir('raw');
  const captured: Captured[] = [];
  let capturing = false;
  const database = openDatabase({
    dataDir,
    onQuery: (q) => {
      if (capturing) captured.push({ sql: q.sql, parameters: q.parameters });
    },
  });
  await migrateToLatest(database);
  const { workspace, user } = await initWorkspace(
    database.db,
    { workspace: 'Bench', email: 'bench@example.com', password: 'benchpassword1' },
    new Date(),
  );
  const { token } = await createToken(database.db, { workspaceId: workspace.id, userId: user.id, name: 'raw' }, new Date());
  const app = await buildApp({ config: { logLevel: 'warn' } as unknown as Config, database, logger: false });
  const post = () => app.inject({ method: 'POST', url: '/api/v1/cases', headers: { authorization: `Bearer ${token}` }, payload: NEW_CASE });
  await post(); // the first request also touches the token and fills caches
  capturing = true;
  const res = await post();
  capturing = false;
  const made = res.json() as { id: string; ref: string };
  const event = await database.db.selectFrom('case_events').select('id').where('case_id', '=', made.id).executeTakeFirstOrThrow();
  await app.close();
  await database.close();

  const statements = captured.filter((q) => !/^\s*(begin|commit|rollback)\b/i.test(q.sql));
  const sqlite = new SQLite(join(dataDir, 'defuse.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const checkpointer = startWalCheckpointer(sqlite, join(dataDir, 'defuse.db'));
  const prepared = statements.map((q) => sqlite.prepare(q.sql));
  const [refPrefix] = made.ref.split(/-(?=\d+$)/);
  let seq = Number(made.ref.slice((refPrefix?.length ?? 0) + 1));
  const writeCase = sqlite.transaction(() => {
    seq++;
    const fresh = new Map<unknown, unknown>([
      [made.id, newId()],
      [made.ref, `${refPrefix}-${String(seq).padStart(6, '0')}`],
      [event.id, newId()],
    ]);
    statements.forEach((q, i) => {
      const stmt = prepared[i] as SQLite.Statement;
      const values = q.parameters.map((p) => (fresh.has(p) ? fresh.get(p) : p));
      if (stmt.reader) stmt.all(...values);
      else stmt.run(...values);
    });
  });
  for (let i = 0; i < Math.min(500, count / 10); i++) writeCase();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < count; i++) writeCase();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  await checkpointer.stop();
  sqlite.close();
  return { perSec: count / seconds, cpuMsPerOp: (cpu.user + cpu.system) / 1000 / count, statements: statements.length };
}

// ---------------------------------------------------------------------------------------------
// One full run against one database
// ---------------------------------------------------------------------------------------------

async function benchBackend(kind: DatabaseKind, adminUrl: string | undefined): Promise<BackendReport> {
  console.log(`\n== ${kind} ==`);
  const serverDbUrl = adminUrl ? await freshPgDatabase(adminUrl, 'http') : undefined;
  const env = childEnv(tempDir(`server-${kind}`), serverDbUrl);
  const token = await initViaCli(env);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child, spawnedAt } = spawnServer(port, env, kind);
  const coldStartMs = await waitForHealth(base, child, spawnedAt);
  console.log(`  cold start: ${coldStartMs.toFixed(0)} ms to first 200 from /api/health`);

  const http = await benchHttp(base, token, child.pid);
  await drain(base);
  await stopChild(child);

  const directDbUrl = adminUrl ? await freshPgDatabase(adminUrl, 'direct') : undefined;
  const direct = await benchDirect(kind, directDbUrl);
  let raw: RawStats | null = null;
  if (kind === 'sqlite') {
    process.stdout.write(`  raw    create case × ${DIRECT_COUNTS.create} …`);
    raw = await benchRawCreate(DIRECT_COUNTS.create);
    process.stdout.write(` ${fmtInt(raw.perSec)} ops/s\n`);
  }
  return { kind, coldStartMs, http, direct, raw };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtMs = (n: number) => (n >= 10 ? n.toFixed(1) : n.toFixed(2));

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

function verdict(stats: HttpStats): string {
  const rateOk = stats.perSec >= BUDGET.reqPerSec;
  const p99Ok = stats.p99 <= BUDGET.p99Ms;
  if (rateOk && p99Ok && stats.non2xx === 0 && stats.errors === 0) return 'PASS';
  const why = [
    !rateOk && `${fmtInt(stats.perSec)} req/s < ${fmtInt(BUDGET.reqPerSec)}`,
    !p99Ok && `p99 ${fmtMs(stats.p99)} ms > ${BUDGET.p99Ms} ms`,
  ];
  if (stats.non2xx > 0 || stats.errors > 0) why.push('failed requests');
  return `MISS (${why.filter(Boolean).join(', ')})`;
}

function printReport(report: BackendReport): void {
  console.log(
    `\n### ${report.kind} — ${CONNECTIONS} connections, ${DURATION_S} s per operation, pipelining 1; direct = sequential service calls`,
  );
  const rows = OPERATIONS.map((op) => {
    const h = report.http.get(op) as HttpStats;
    const d = report.direct.get(op) as Stats;
    return [
      op,
      fmtInt(h.perSec),
      fmtMs(h.p50),
      fmtMs(h.p99),
      Number.isNaN(h.cpuMsPerReq) ? 'n/a' : h.cpuMsPerReq.toFixed(3),
      fmtInt(d.perSec),
      fmtMs(d.p50),
      fmtMs(d.p99),
      `${(h.perSec / d.perSec).toFixed(2)}×`,
    ];
  });
  printTable(
    [
      'operation',
      'HTTP req/s',
      'HTTP p50 ms',
      'HTTP p99 ms',
      'server CPU ms/req',
      'direct ops/s',
      'direct p50 ms',
      'direct p99 ms',
      'HTTP/direct',
    ],
    rows,
  );

  if (report.raw) {
    const h = report.http.get('create case') as HttpStats;
    const raw = report.raw;
    console.log(
      `\n  create case as raw better-sqlite3 (the request's ${raw.statements} statements, prepared, one transaction each): ${fmtInt(raw.perSec)} ops/s, ${raw.cpuMsPerOp.toFixed(3)} ms CPU each (the checkpoint thread's included)`,
    );
    console.log(
      `  HTTP create case is ${((100 * h.perSec) / raw.perSec).toFixed(0)}% of raw by rate, ${((100 * raw.cpuMsPerOp) / h.cpuMsPerReq).toFixed(0)}% by CPU per case (raw CPU / server CPU)`,
    );
  }
  for (const op of OPERATIONS) {
    const h = report.http.get(op) as HttpStats;
    if (h.non2xx > 0 || h.errors > 0)
      console.log(`  !! ${op}: ${h.non2xx} non-2xx responses, ${h.errors} connection errors (status codes: ${h.codes})`);
  }
  const allOk = OPERATIONS.every((op) => (report.http.get(op) as HttpStats).non2xx === 0);
  if (allOk) console.log('  non-2xx responses: 0 for every operation');

  console.log(`\n  Budget — ${BUDGET_LINE}`);
  const scope = report.kind === 'sqlite' ? '' : ' (the budget is stated for SQLite; shown for reference)';
  for (const op of ['create case', 'append event'] as const)
    console.log(`  ${op.padEnd(13)}: ${verdict(report.http.get(op) as HttpStats)}${scope}`);
  const cold = report.coldStartMs <= BUDGET.coldStartMs ? 'PASS' : 'MISS';
  console.log(`  cold start   : ${report.coldStartMs.toFixed(0)} ms (budget ≤ ${fmtInt(BUDGET.coldStartMs)} ms) ${cold}`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!existsSync(BUILT_ENTRY)) {
    console.error(`bench:api needs the built server (${BUILT_ENTRY} is missing); run \`npm run build\` first.`);
    process.exitCode = 1;
    return;
  }
  const adminUrl = process.env.DATABASE_URL || undefined;
  console.log(`Defuse API benchmark — node ${process.version}; databases: sqlite${adminUrl ? ' + postgres' : ''}`);

  const backends: [DatabaseKind, string | undefined][] = [['sqlite', undefined]];
  if (adminUrl) backends.push(['postgres', adminUrl]);
  try {
    for (const [kind, url] of backends) {
      const report = await benchBackend(kind, url);
      await runCleanups(); // stop the server and drop its data before the next database runs
      printReport(report);
    }
  } finally {
    await runCleanups();
  }
}

// `on`, not `once`: Ctrl-C reaches this process twice (from the terminal and relayed by tsx), and
// a second signal with no listener left would end the process before the cleanup is done.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping the server and removing temp data…`);
    void runCleanups().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  console.error(`bench:api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
