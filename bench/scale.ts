/**
 * Scale benchmark — "case list with filters over 1,000,000 cases: p95 ≤ 100 ms" (PRODUCT.md budgets).
 *
 * Builds a workspace of SCALE_CASES cases (default 1,000,000: ~4.4M events, ~800k statements, 3 years,
 * 16 teams) through the store's own schema (bench/scale-data.ts), checks its hash chains with the same
 * verification `defuse audit verify` runs, then serves it with the real app on 127.0.0.1 and measures
 * each entry of MEASUREMENTS (below) over HTTP:
 *   - cold: the first request of the entry after the app started (nothing prepared, caches empty
 *     but for the operating system's file cache);
 *   - warm: p50 and p95 of REPEATS more requests;
 *   - direct: the SQL that request ran (captured from Kysely's log), replayed straight on the
 *     database driver, p95 — the same queries without HTTP, auth, validation or serialisation.
 * Then the sweeps (SLA breaches, promises, follow-ups, training rules, review rules, retention) run over the whole database while get-case
 * requests keep arriving: event-loop delay p99 (budget ≤ 20 ms) and those requests' latencies.
 * SQLite is measured without planner statistics, then again after ANALYZE (warm only), because the
 * plans must be good both ways. With DATABASE_URL the same runs on a fresh PostgreSQL database, after
 * VACUUM (ANALYZE): what autovacuum does to a bulk-loaded table within minutes on a server with its
 * defaults (statistics, and the visibility map without which an index-only scan still reads the
 * table), done here because a test server may run with autovacuum off.
 *
 * Run: `npm run bench:scale` (SCALE_CASES=100000 for a quicker run; DATABASE_URL=postgres://… adds
 * PostgreSQL, built in a new database on that server; SCALE_KEEP=1 keeps the built databases and
 * prints where; SCALE_ONLY=sqlite|postgres measures one of them; SCALE_DIR=dir keeps SQLite's and
 * SCALE_PG_DATABASE=name PostgreSQL's workspace, reused by the next run with the same setting;
 * SCALE_EXPLAIN=1 prints the plans of the slowest queries of each entry that missed its budget;
 * SCALE_SKIP_SWEEPS=1 leaves the sweeps out, which change the data: a copy measured without them can
 * be measured again as it was).
 * Exit code 0 when a budget is missed (this is a report); non-zero only on errors.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../src/config/config.js';
import { localDate } from '../src/domain/dashboard-metrics.js';
import { buildApp } from '../src/http/app.js';
import { applyRetention } from '../src/services/retention.js';
import { evaluateAllReviewRules } from '../src/services/review-flags.js';
import { sendDueFollowUps } from '../src/services/send-due-follow-ups.js';
import { markSlaBreaches } from '../src/services/sla-breaches.js';
import { sweepCommitments } from '../src/services/sweep-commitments.js';
import { runTrainingRules } from '../src/services/training-rule-runs.js';
import { verifyTimelines } from '../src/services/verify-timelines.js';
import { saveRetention } from '../src/store/data-rights.js';
import { type Database, type DatabaseKind, openDatabase, postgresSessionOptions } from '../src/store/db.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { insertRuleRow } from '../src/store/review-rules.js';
import { periodOf as pagePeriod } from '../web/src/lib/dashboard-range.js';
import { DASHBOARD_BENCH, type DashboardBenchEntry } from './scale-dashboard.js';
import { buildScaleWorkspace, FULL_SIZE, type ScaleWorkspace } from './scale-data.js';

// ---------------------------------------------------------------------------------------------
// What is measured: one row per request. Add entries freely; `as` defaults to the admin.
// ---------------------------------------------------------------------------------------------

export type ScaleRange = { from: string; to: string };
export type ScaleEntry = {
  name: string;
  path: (range: ScaleRange, w: ScaleWorkspace) => string;
  as?: 'admin' | 'supervisor' | 'employee';
  /** Measure this page of the list instead of the first, reached by following nextCursor. */
  page?: number;
  /** The period `path` gets: the last 90 days (default) or the workspace's three years. */
  period?: '90 days' | '3 years';
  /** p95 budget in ms (default BUDGET_MS). */
  budgetMs?: number;
  /** The period in whole days of the workspace ending with the day of its last case, as the dashboard page asks (the default: from its last case's moment). */
  wholeDays?: boolean;
  /** A streamed CSV: report rows per second to the last byte (budget MIN_ROWS_PER_S) instead of a latency budget. */
  rowsPerSecond?: boolean;
};

const OPEN = 'status=reported,acknowledged,investigating,resolving,reopened';
const L = '/api/v1/cases?limit=50';

export const MEASUREMENTS: readonly ScaleEntry[] = [
  // The inbox's built-in views (web/src/lib/saved-views.ts), as the roles that see them first.
  { name: 'view: all cases', path: () => `${L}&sort=reported_at&order=desc` },
  { name: 'view: open, soonest due', path: () => `${L}&${OPEN}&sort=next_due_at&order=asc` },
  { name: 'view: needs attention', path: () => `${L}&attention=true&sort=updated_at&order=desc` },
  { name: 'view: recently updated', path: () => `${L}&sort=updated_at&order=desc` },
  { name: 'view: unassigned', path: () => `${L}&unassigned=true&${OPEN}&sort=next_due_at&order=asc` },
  { name: 'supervisor: home inbox', as: 'supervisor', path: () => `${L}&${OPEN}&sort=next_due_at&order=asc` },
  {
    name: 'supervisor: assigned to me',
    as: 'supervisor',
    path: (_, w) => `${L}&assigneeId=${w.supervisor.userId}&${OPEN}&sort=next_due_at&order=asc`,
  },
  { name: 'supervisor: needs attention', as: 'supervisor', path: () => `${L}&attention=true&sort=updated_at&order=desc` },
  { name: 'employee: my cases', as: 'employee', path: () => `${L}&sort=reported_at&order=desc` },
  { name: 'employee: still open', as: 'employee', path: () => `${L}&${OPEN}&sort=next_due_at&order=asc` },
  // Filters and sorts.
  { name: 'filter: status closed', path: () => `${L}&status=closed` },
  { name: 'filter: status reopened', path: () => `${L}&status=reopened` },
  { name: 'filter: severity 1', path: () => `${L}&severity=1` },
  { name: 'filter: channel phone', path: () => `${L}&channel=phone` },
  { name: 'filter: root cause policy', path: () => `${L}&rootCause=policy` },
  { name: 'filter: team', path: (_, w) => `${L}&teamId=${w.teamIds[3]}` },
  { name: 'filter: reported in range', path: (r) => `${L}&reportedFrom=${r.from}&reportedTo=${r.to}` },
  { name: 'filter: team + severity + open', path: (_, w) => `${L}&teamId=${w.teamIds[5]}&severity=2&${OPEN}` },
  { name: 'filter: repeat customer', path: () => `${L}&repeatCustomer=true` },
  { name: 'filter: threat', path: () => `${L}&threat=true` },
  { name: 'filter: abuse flagged', path: () => `${L}&abuseFlagged=true` },
  { name: 'sort: severity', path: () => `${L}&sort=severity&order=desc` },
  { name: 'sort: resolve due', path: () => `${L}&sort=resolve_due_at&order=asc` },
  { name: 'sort: updated asc', path: () => `${L}&sort=updated_at&order=asc` },
  // Deep pages.
  { name: 'page 40: all cases', page: 40, path: () => `${L}&sort=reported_at&order=desc` },
  { name: 'page 40: closed by severity', page: 40, path: () => `${L}&status=closed&sort=severity&order=desc` },
  { name: 'page 20: open, soonest due', page: 20, path: () => `${L}&${OPEN}&sort=next_due_at&order=asc` },
  // Search.
  { name: 'search: common word', path: (_, w) => `${L}&q=${w.commonWord}` },
  { name: 'search: rare word', path: (_, w) => `${L}&q=${w.rareWord}` },
  { name: 'search: two words', path: () => `${L}&q=refund+receipt` },
  { name: 'search: phrase', path: () => `${L}&q=%22late+courier%22` },
  { name: 'search: customer name', path: (_, w) => `${L}&q=${encodeURIComponent(w.customerName)}` },
  { name: 'search: case ref', path: (_, w) => `${L}&q=${w.sampleRef}` },
  { name: 'search: word + status open', path: (_, w) => `${L}&q=${w.commonWord}&${OPEN}` },
  { name: 'employee: search', as: 'employee', path: () => `${L}&q=refund` },
  // One case.
  { name: 'case: get', path: (_, w) => `/api/v1/cases/${w.sampleRef}` },
  { name: 'case: events', path: (_, w) => `/api/v1/cases/${w.sampleRef}/events` },
  // Reports.
  { name: 'report: coaching', path: () => '/api/v1/reports/coaching' },
  { name: 'report: coaching, supervisor', as: 'supervisor', path: () => '/api/v1/reports/coaching' },
  { name: 'report: commitments', path: () => '/api/v1/reports/commitments' },
  { name: 'report: commitments, since', path: (r) => `/api/v1/reports/commitments?since=${r.from}` },
];

/**
 * The dashboard's widget calls (bench/scale-dashboard.ts), as a supervisor's home would make them:
 * for the page's own periods (whole days of the workspace, as web/src/lib/dashboard-range.ts asks
 * them), and once from a moment of the day, as an API client may ask, whose partial first and last
 * days are read from the cases.
 */
const EXTENSION_ENTRIES: readonly ScaleEntry[] = [
  ...DASHBOARD_BENCH.map((e) => ({ ...e, wholeDays: true })),
  { ...(DASHBOARD_BENCH[0] as DashboardBenchEntry), name: 'dashboard from a moment of the day', wholeDays: false },
].flatMap((e) =>
  (['90 days', '3 years'] as const).map(
    (period): ScaleEntry => ({
      name: `${e.name}, ${period}`,
      path: (range) => e.path(range),
      as: 'admin',
      period,
      wholeDays: e.wholeDays,
      ...(e.name.includes('rows/s') ? { rowsPerSecond: true } : { budgetMs: period === '90 days' ? 200 : 500 }),
    }),
  ),
);

// ---------------------------------------------------------------------------------------------
// Settings and budgets
// ---------------------------------------------------------------------------------------------

const REPEATS = 20;
/** A streamed export of every case, or a request of seconds, is timed this many times. */
const ROWS_REPEATS = 3;
const BUDGET_MS = 100;
const MIN_ROWS_PER_S = 50_000;
const LOOP_DELAY_BUDGET_MS = 20;
const SIZE = { ...FULL_SIZE, cases: Number(process.env.SCALE_CASES ?? FULL_SIZE.cases) };
SIZE.customers = Math.max(100, Math.round(SIZE.cases / 4));
const NOW = new Date();

type Captured = { sql: string; parameters: readonly unknown[] };
type Figures = {
  cold: number;
  p50: number;
  p95: number;
  direct: number | null;
  queries: number;
  rowsPerS: number | null;
  captured: Captured[];
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1).padStart(7) : '      -');

/** Runs captured SELECTs straight on the driver: the database's own share of a request. */
type DirectRunner = {
  run(queries: { sql: string; parameters: readonly unknown[] }[]): Promise<void>;
  /** The plan of one query as the database ran it (PostgreSQL: EXPLAIN ANALYZE; SQLite: its query plan). */
  explain(query: { sql: string; parameters: readonly unknown[] }): Promise<string>;
  close(): Promise<void>;
};

function directRunner(database: Database, url: string | undefined): DirectRunner {
  if (database.kind === 'sqlite') {
    const sqlite = new SQLite(database.sqliteFile as string, { readonly: true });
    const cache = new Map<string, SQLite.Statement>();
    return {
      async run(queries) {
        for (const q of queries) {
          let stmt = cache.get(q.sql);
          if (!stmt) {
            stmt = sqlite.prepare(q.sql);
            cache.set(q.sql, stmt);
          }
          stmt.all(...(q.parameters as unknown[]));
        }
      },
      async explain(q) {
        const rows = sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[];
        return rows.map((r) => r.detail).join('\n');
      },
      async close() {
        sqlite.close();
      },
    };
  }
  // The app's own session settings (JIT off), so the direct figure runs what the app runs.
  const client = new pg.Client({ connectionString: url, options: postgresSessionOptions() });
  const connected = client.connect();
  return {
    async run(queries) {
      await connected;
      for (const q of queries) await client.query(q.sql, q.parameters as unknown[]);
    },
    async explain(q) {
      await connected;
      const res = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${q.sql}`, q.parameters as unknown[]);
      return res.rows.map((r) => r['QUERY PLAN']).join('\n');
    },
    async close() {
      await connected;
      await client.end();
    },
  };
}

type Served = { app: FastifyInstance; base: string; database: Database; captured: { sql: string; parameters: readonly unknown[] }[] };

async function serve(options: { dataDir: string; databaseUrl?: string | undefined }): Promise<Served> {
  const captured: Served['captured'] = [];
  const database = openDatabase({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    poolSize: 10,
    onQuery: (query) => captured.push({ sql: query.sql, parameters: query.parameters }),
    // As the server opens it (src/server.ts): SQLite's WAL is checkpointed off the request path, not
    // inside whichever commit fills it, where a sweep's commit held the event loop for 0.8 s.
    backgroundCheckpoints: true,
  });
  const config = { logLevel: process.env.SCALE_LOG_LEVEL ?? 'error' } as unknown as Config;
  const app = await buildApp({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, base: `http://127.0.0.1:${port}`, database, captured };
}

async function timedGet(base: string, path: string, token: string): Promise<{ ms: number; body: unknown; lines: number }> {
  const t0 = performance.now();
  // A keep-alive socket the server closes as the next request leaves resets it: that GET is sent again.
  const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } }).catch((error: Error) => {
    if ((error.cause as { code?: string } | undefined)?.code !== 'ECONNRESET') throw error;
    return fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
  });
  const text = await res.text();
  const took = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  const json = (res.headers.get('content-type') ?? '').includes('json');
  return { ms: took, body: json ? (JSON.parse(text) as unknown) : text, lines: json ? 0 : text.split('\n').filter(Boolean).length };
}

/**
 * A streamed export timed as a browser would take it: in another process (curl, asking for
 * compression as a browser does), so that unpacking and holding 100 MB of text does not run on the
 * server's own event loop. Returns the time to the last byte and the lines received.
 */
function timedDownload(base: string, path: string, token: string): Promise<{ ms: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('sh', ['-c', 'curl -sSf --compressed -H "$AUTH" "$URL" | wc -l'], {
      env: { ...process.env, AUTH: `authorization: Bearer ${token}`, URL: base + path },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const lines = Number(out.trim());
      if (code !== 0 || !Number.isFinite(lines)) reject(new Error(`${path}: curl | wc -l ended with ${code} (${out.trim()})`));
      else resolve({ ms, lines });
    });
  });
}

/** The three years start where the workspace's cases do. */
function periodOf(entry: ScaleEntry, w: ScaleWorkspace): ScaleRange {
  const threeYears = SIZE.years * 365 * 86_400_000 + 86_400_000;
  if (entry.wholeDays) {
    const last = new Date(w.to);
    if (entry.period !== '3 years') return pagePeriod('90d', last, w.timeZone);
    const first = localDate(new Date(Date.parse(w.to) - threeYears).toISOString(), w.timeZone);
    return pagePeriod('custom', last, w.timeZone, { from: first, to: localDate(w.to, w.timeZone) });
  }
  return entry.period === '3 years'
    ? { from: new Date(Date.parse(w.to) - threeYears).toISOString(), to: w.to }
    : { from: w.from, to: w.to };
}

/** The path of the entry's page: follows nextCursor from the first page (untimed). */
async function pathOf(served: Served, entry: ScaleEntry, w: ScaleWorkspace, token: string): Promise<string> {
  const path = entry.path(periodOf(entry, w), w);
  if (!entry.page || entry.page <= 1) return path;
  // A small workspace's list may end sooner: its last page is measured then.
  let cursor: string | null = null;
  for (let p = 1; p < entry.page; p++) {
    const { body } = await timedGet(served.base, cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path, token);
    const next = (body as { nextCursor: string | null }).nextCursor;
    if (!next) break;
    cursor = next;
  }
  return cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path;
}

/** Measures each entry and prints its row as soon as it is known; returns how many missed their budget. */
async function measureAndPrint(served: Served, direct: DirectRunner, w: ScaleWorkspace, entries: readonly ScaleEntry[], title: string) {
  console.log(`\n${title}`);
  console.log(`${'entry'.padEnd(48)}   cold ms  warm p50  warm p95  direct p95  queries  budget`);
  let missed = 0;
  for (const entry of entries) {
    const f = await measureOne(served, direct, w, entry);
    let verdict: string;
    if (entry.rowsPerSecond) {
      const ok = (f.rowsPerS ?? 0) >= MIN_ROWS_PER_S;
      verdict = `${Math.round(f.rowsPerS ?? 0).toLocaleString('en')} rows/s (≥ ${MIN_ROWS_PER_S.toLocaleString('en')}) ${ok ? 'ok' : 'MISSED'}`;
      if (!ok) missed++;
    } else {
      const budget = entry.budgetMs ?? BUDGET_MS;
      const over = f.p95 > budget || f.cold > budget;
      verdict = `≤ ${budget} ${over ? 'MISSED' : 'ok'}`;
      if (over) missed++;
    }
    console.log(
      `${entry.name.padEnd(48)}  ${ms(f.cold)}   ${ms(f.p50)}   ${ms(f.p95)}     ${ms(f.direct ?? Number.NaN)}   ${String(f.queries).padStart(6)}  ${verdict}`,
    );
    if (EXPLAIN && verdict.includes('MISSED')) await explainSlowest(direct, f.captured);
  }
  return missed;
}

async function measureOne(served: Served, direct: DirectRunner, w: ScaleWorkspace, entry: ScaleEntry): Promise<Figures> {
  const token = w[entry.as ?? 'admin'].token;
  const path = await pathOf(served, entry, w, token);
  served.captured.length = 0;
  const get = entry.rowsPerSecond ? () => timedDownload(served.base, path, token) : () => timedGet(served.base, path, token);
  const first = await get();
  // Reads only: a request may also write (the access log); the list's own cost is its SELECTs.
  const queries = served.captured.filter((q) => /^\s*(select|with)\b/i.test(q.sql));
  // A request far over its budget (over 2 s cold) is timed a few times only: its verdict is plain, and 20 runs cost minutes.
  const repeats = entry.rowsPerSecond || first.ms > 2_000 ? ROWS_REPEATS : REPEATS;
  const warm: number[] = [];
  let rows = 0;
  for (let i = 0; i < repeats; i++) {
    const got = await get();
    warm.push(got.ms);
    rows = Math.max(0, got.lines - 1);
  }
  const directTimes: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await direct.run(queries);
    directTimes.push(performance.now() - t0);
  }
  const p50 = pct(warm, 50);
  return {
    cold: first.ms,
    p50,
    p95: pct(warm, 95),
    direct: queries.length > 0 ? pct(directTimes, 95) : null,
    queries: queries.length,
    rowsPerS: entry.rowsPerSecond ? rows / (p50 / 1000) : null,
    captured: queries,
  };
}

/** SCALE_EXPLAIN=1: after an entry that missed its budget, the plans of its slowest three queries (each timed alone once). */
const EXPLAIN = process.env.SCALE_EXPLAIN !== undefined;

async function explainSlowest(direct: DirectRunner, queries: readonly Captured[]): Promise<void> {
  const timed: { q: Captured; ms: number }[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await direct.run([q]);
    timed.push({ q, ms: performance.now() - t0 });
  }
  for (const { q, ms: took } of timed.sort((a, b) => b.ms - a.ms).slice(0, 3)) {
    console.log(`  -- ${took.toFixed(1)} ms: ${q.sql}\n  -- parameters: ${JSON.stringify(q.parameters).slice(0, 400)}`);
    console.log((await direct.explain(q)).replace(/^/gm, '  | '));
  }
}

/** The sweeps over the whole database while get-case requests keep coming: loop delay and their latency. */
async function measureSweeps(served: Served, w: ScaleWorkspace): Promise<void> {
  const path = `/api/v1/cases/${w.sampleRef}`;
  // The same requests with no sweep, loop delay included: on a shared machine the process is also
  // paused by others' work, and that share of a sweep's figures is not the sweep's.
  const baseline: number[] = [];
  const idle = monitorEventLoopDelay({ resolution: 1 });
  idle.enable();
  for (let i = 0; i < 200; i++) baseline.push((await timedGet(served.base, path, w.admin.token)).ms);
  idle.disable();
  const sweeps: [string, () => Promise<unknown>][] = [
    ['SLA breaches (first run: marks the backlog)', () => markSlaBreaches(served.database.db, NOW)],
    ['SLA breaches (again: nothing to mark)', () => markSlaBreaches(served.database.db, NOW)],
    ['commitments (reminders, escalations)', () => sweepCommitments(served.database.db, NOW)],
    ['follow-ups due', () => sendDueFollowUps(served.database.db, NOW, 'http://127.0.0.1')],
    ['training rules (assign, remind, overdue)', () => runTrainingRules(served.database.db, NOW)],
    ['review rules (hourly)', () => evaluateAllReviewRules(served.database.db, NOW)],
    // The workspace's default rule weighs only losses of 500 or more, which no bench case has; a rule
    // on unhappy customer answers (about 1% of cases) gives the pass employees to weigh and flags to raise.
    [
      'review rules, an unhappy-answers rule added',
      async () => {
        const at = NOW.toISOString();
        await insertRuleRow(served.database.db, {
          workspace_id: w.workspaceId,
          kind: 'unhappy_follow_ups',
          name: 'Three unhappy answers in a year',
          threshold: 3,
          window_months: 12,
          min_loss_minor: null,
          currency: null,
          enabled: 1,
          count_exclusions: '[]',
          created_at: at,
          updated_at: at,
        });
        return evaluateAllReviewRules(served.database.db, NOW);
      },
    ],
    ['review rules (again: nothing new to raise)', () => evaluateAllReviewRules(served.database.db, NOW)],
    // A retention rule longer than the workspace's three years: nobody is due, so this is the hourly
    // walk over the customers and their cases alone, and nothing is erased.
    [
      'retention (120 months: the walk, none due)',
      async () => {
        await saveRetention(served.database.db, {
          workspace_id: w.workspaceId,
          customer_months: 120,
          updated_by: null,
          updated_at: NOW.toISOString(),
        });
        return applyRetention(served.database.db, mkdtempSync(join(tmpdir(), 'defuse-scale-files-')), NOW);
      },
    ],
  ];
  console.log(`\nsweeps at ${w.counts.cases.toLocaleString('en')} cases, with get-case requests arriving (one at a time)`);
  console.log(
    `get case without a sweep: p50 ${ms(pct(baseline, 50))} ms  p99 ${ms(pct(baseline, 99))} ms; loop delay p99 ${ms(idle.percentile(99) / 1e6)} ms  max ${ms(idle.max / 1e6)} ms`,
  );
  console.log(`${'sweep'.padEnd(44)}  took ms   result       loop p99  loop max  get p50  get p99  budget`);
  for (const [name, sweep] of sweeps) {
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    const latencies: number[] = [];
    let done = false;
    histogram.enable();
    const t0 = performance.now();
    const load = (async () => {
      while (!done) latencies.push((await timedGet(served.base, path, w.admin.token)).ms);
    })();
    const result = await sweep();
    const took = performance.now() - t0;
    done = true;
    await load;
    histogram.disable();
    const p99 = histogram.percentile(99) / 1e6;
    const summary = JSON.stringify(result).slice(0, 12);
    console.log(
      `${name.padEnd(44)} ${ms(took)}   ${summary.padEnd(12)} ${ms(p99)}   ${ms(histogram.max / 1e6)}  ${ms(pct(latencies, 50))}  ${ms(pct(latencies, 99))}  ${p99 <= LOOP_DELAY_BUDGET_MS ? 'ok' : 'MISSED'}`,
    );
  }
}

/** SCALE_DIR keeps the SQLite workspace in a directory of your choice and reuses it when it is already built there. */
const REUSE_DIR = process.env.SCALE_DIR;
const WORKSPACE_FILE = 'scale-workspace.json';
/** SCALE_MATCH=regex measures only the entries whose name matches (for a quick look at a few). */
const MATCH = process.env.SCALE_MATCH ? new RegExp(process.env.SCALE_MATCH, 'i') : null;
/** SCALE_ONLY=sqlite or postgres measures that database alone. */
const ONLY = process.env.SCALE_ONLY;
if (ONLY !== undefined && ONLY !== 'sqlite' && ONLY !== 'postgres') throw new Error('SCALE_ONLY is sqlite or postgres');
/**
 * SCALE_PG_DATABASE=name builds PostgreSQL's workspace in that database (on DATABASE_URL's server)
 * and keeps it; the next run with the same name reuses it (migrated, then VACUUM (ANALYZE)). The workspace's
 * description (tokens, sample references) is kept beside it in bench/.tmp/.
 */
const PG_DATABASE = process.env.SCALE_PG_DATABASE;
const PG_WORKSPACE_DIR = join(import.meta.dirname, '.tmp');

async function runBackend(kind: DatabaseKind): Promise<void> {
  const reuse = kind === 'sqlite' && REUSE_DIR !== undefined;
  if (reuse) mkdirSync(REUSE_DIR, { recursive: true });
  const dataDir = reuse ? REUSE_DIR : mkdtempSync(join(tmpdir(), 'defuse-scale-'));
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let pgSaved: string | undefined;
  let pgReuse = false;
  if (kind === 'postgres') {
    const url = new URL(process.env.DATABASE_URL as string);
    const name = PG_DATABASE ?? `defuse_scale_${process.pid}`;
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`SCALE_PG_DATABASE: ${name} is not a plain lower-case name`);
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (PG_DATABASE) {
      mkdirSync(PG_WORKSPACE_DIR, { recursive: true });
      pgSaved = join(PG_WORKSPACE_DIR, `${name}.${WORKSPACE_FILE}`);
      pgReuse = exists && existsSync(pgSaved);
      // A database left by a build that did not finish (no workspace file) is made again.
      if (exists && !pgReuse) await admin.query(`drop database ${name}`);
    }
    if (!pgReuse) await admin.query(`create database ${name}`);
    await admin.end();
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    if (!PG_DATABASE)
      dropDatabase = async () => {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`drop database if exists ${name}`);
        await c.end();
      };
  }
  try {
    const loader = openDatabase({ dataDir, databaseUrl });
    const saved = pgSaved ?? join(dataDir, WORKSPACE_FILE);
    if (pgReuse || (reuse && existsSync(saved))) {
      // A workspace saved before its time zone was kept was built in initWorkspace's UTC.
      const w = { timeZone: 'UTC', ...JSON.parse(readFileSync(saved, 'utf8')) } as ScaleWorkspace;
      console.log(`\n=== ${kind}: reusing ${w.counts.cases.toLocaleString('en')} cases in ${pgReuse ? databaseUrl : dataDir} ===`);
      const m0 = performance.now();
      const ran = await migrateToLatest(loader);
      if (ran.length > 0) console.log(`migrations ${ran.join(', ')} took ${((performance.now() - m0) / 1000).toFixed(1)} s`);
      if (pgReuse) {
        // As after a build: what autovacuum would soon do (statistics and the visibility map).
        const a0 = performance.now();
        await sql`vacuum (analyze)`.execute(loader.db);
        console.log(`VACUUM (ANALYZE) took ${((performance.now() - a0) / 1000).toFixed(1)} s`);
        await loader.close();
        await measureBackend(kind, dataDir, databaseUrl, w);
        return;
      }
      // The first measurement is of a database without planner statistics, as after a bulk load.
      await loader.close();
      const sqlite = new SQLite(join(dataDir, 'defuse.db'));
      for (const table of ['sqlite_stat1', 'sqlite_stat4'])
        if (sqlite.prepare('select 1 from sqlite_master where name = ?').get(table)) sqlite.exec(`delete from ${table}`);
      sqlite.close();
      await measureBackend(kind, dataDir, databaseUrl, w);
      return;
    }
    console.log(`\n=== ${kind}: building ${SIZE.cases.toLocaleString('en')} cases, ${SIZE.teams} teams, ${SIZE.years} years ===`);
    const t0 = performance.now();
    const w = await buildScaleWorkspace(loader, SIZE, {
      databaseUrl,
      now: NOW,
      progress: (n) => {
        if (n % 100_000 === 0) console.log(`  ${n.toLocaleString('en')} cases, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      },
    });
    const built = (performance.now() - t0) / 1000;
    const c = w.counts;
    console.log(
      `built in ${built.toFixed(0)} s: ${c.cases.toLocaleString('en')} cases, ${c.events.toLocaleString('en')} events, ${c.statements.toLocaleString('en')} statements, ${c.commitments.toLocaleString('en')} commitments, ${c.followUps.toLocaleString('en')} follow-ups`,
    );
    // `audit verify` over a million cases takes many minutes; a spread sample is checked unless SCALE_VERIFY=full.
    const v0 = performance.now();
    const full = process.env.SCALE_VERIFY === 'full';
    const refs = full ? [undefined] : w.sampleRefs;
    let checked = 0;
    let events = 0;
    let broken: string | null = null;
    for (const caseRef of refs) {
      const report = await verifyTimelines(loader.db, { workspaceId: w.workspaceId, caseRef });
      checked += report.casesChecked;
      events += report.eventsChecked;
      const b = report.firstBreak;
      if (b) {
        broken = `BROKEN at ${b.caseRef} #${b.seq}: ${b.problem}`;
        break;
      }
    }
    console.log(
      `audit verify (${full ? 'every case' : 'a sample spread over the years; SCALE_VERIFY=full for all'}): ${checked.toLocaleString('en')} cases, ${events.toLocaleString('en')} events in ${((performance.now() - v0) / 1000).toFixed(0)} s: ${broken ?? 'intact'}`,
    );
    await loader.close();
    if (reuse || pgSaved) writeFileSync(saved, JSON.stringify(w));
    if (process.env.SCALE_BUILD_ONLY) return;
    await measureBackend(kind, dataDir, databaseUrl, w);
  } finally {
    // A database named by SCALE_PG_DATABASE is kept (dropDatabase is unset for it).
    if (!process.env.SCALE_KEEP && !reuse) {
      rmSync(dataDir, { recursive: true, force: true });
      await dropDatabase?.();
    }
  }
}

async function measureBackend(kind: DatabaseKind, dataDir: string, databaseUrl: string | undefined, w: ScaleWorkspace): Promise<void> {
  {
    const entries = [...MEASUREMENTS, ...EXTENSION_ENTRIES].filter((e) => !MATCH || MATCH.test(e.name));
    const served = await serve({ dataDir, databaseUrl });
    const direct = directRunner(served.database, databaseUrl);
    const title =
      kind === 'sqlite' ? 'sqlite, no planner statistics (the state after migrations and a bulk load)' : 'postgres (vacuumed and analyzed)';
    let missed = await measureAndPrint(served, direct, w, entries, title);
    // SCALE_SKIP_ANALYZE=1 goes straight to the sweeps (a shorter run: the plans after ANALYZE are not measured).
    if (kind === 'sqlite' && !process.env.SCALE_SKIP_ANALYZE) {
      await direct.close();
      await served.app.close();
      await served.database.close();
      const sqlite = new SQLite(join(dataDir, 'defuse.db'));
      const a0 = performance.now();
      sqlite.exec('analyze');
      sqlite.close();
      console.log(`\nANALYZE took ${((performance.now() - a0) / 1000).toFixed(1)} s`);
      const again = await serve({ dataDir });
      const direct2 = directRunner(again.database, undefined);
      missed += await measureAndPrint(again, direct2, w, entries, 'sqlite, after ANALYZE (cold again: a new app)');
      if (!process.env.SCALE_SKIP_SWEEPS) await measureSweeps(again, w);
      await direct2.close();
      await again.app.close();
      await again.database.close();
    } else {
      if (!process.env.SCALE_SKIP_SWEEPS) await measureSweeps(served, w);
      await direct.close();
      await served.app.close();
      await served.database.close();
    }
    console.log(
      `\n${kind}: ${missed === 0 ? 'every entry' : `${missed} entries NOT`} within p95 ≤ ${BUDGET_MS} ms (budget: case list with filters over 1,000,000 cases)`,
    );
    if (process.env.SCALE_KEEP || (REUSE_DIR && kind === 'sqlite')) console.log(`kept: ${databaseUrl ?? dataDir}`);
  }
}

const load = await import('node:os').then((os) =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' '),
);
console.log(
  `bench:scale — ${SIZE.cases.toLocaleString('en')} cases; machine load average ${load} on ${(await import('node:os')).cpus().length} cores`,
);
if (ONLY !== 'postgres') await runBackend('sqlite');
if (ONLY !== 'sqlite') {
  if (process.env.DATABASE_URL) await runBackend('postgres');
  else if (ONLY === 'postgres') throw new Error('SCALE_ONLY=postgres needs DATABASE_URL');
}
