/**
 * Import benchmark — our budget: 100,000 rows of a helpdesk export imported in under a minute on the
 * embedded database (SQLite).
 *
 * It writes its own synthetic Zendesk CSV export (the real column names, custom fields, quoted
 * newlines, one customer in five writing more than once, tags, every status), then measures in this
 * one process:
 *   - the baseline: csv-parse reading the same file into records, nothing else;
 *   - reading: decoding and turning the rows into tickets (src/services/import-formats.ts);
 *   - the whole import into a fresh SQLite file: cases, hash-chained timelines, statements,
 *     customers, tags, in transactions of 500 tickets;
 *   - importing the same file again (every row skipped as imported before);
 * and verifies 200 of the timelines afterwards, spread over the import. With DATABASE_URL it also imports into that
 * PostgreSQL database (a fresh workspace), for comparison.
 *
 * Run: `npm run bench:import` (BENCH_IMPORT_ROWS to change the size). Exit code 0 even when the
 * budget is missed (this is a report).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { initWorkspace } from '../src/services/accounts.js';
import { createTeam } from '../src/services/directory.js';
import { readTickets } from '../src/services/import-formats.js';
import { decodeFile } from '../src/services/import-read.js';
import { importTickets } from '../src/services/import-tickets.js';
import { verifyTimelines } from '../src/services/verify-timelines.js';
import { type Database, openDatabase, openSqlite } from '../src/store/db.js';
import { migrateToLatest } from '../src/store/migrate.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const BUDGET_SECONDS = 60;

const HEADER = [
  'Summation column',
  'Id',
  'Requester',
  'Requester id',
  'Requester external id',
  'Requester email',
  'Requester domain',
  'Submitter',
  'Assignee',
  'Group',
  'Subject',
  'Tags',
  'Status',
  'Priority',
  'Via',
  'Ticket type',
  'Created at',
  'Updated at',
  'Assigned at',
  'Organization',
  'Due date',
  'Initially assigned at',
  'Solved at',
  'Resolution time',
  'Satisfaction Score',
  'Group stations',
  'Assignee stations',
  'Reopens',
  'Replies',
  'First reply time in minutes',
  'Order number [txt]',
  'What happened [textarea]',
];
const SUBJECTS = [
  'Charged twice',
  'Parcel never arrived',
  'Rude answer at the till',
  'Refund refused',
  'Wrong size sent',
  'Voucher not accepted',
];
const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed', 'closed', 'closed'];
const PRIORITIES = ['low', 'normal', 'normal', 'high', 'urgent', ''];
const VIA = ['Mail', 'Web form', 'Chat', 'Voice'];
const TAGS = ['refund', 'vip', 'late-delivery', 'complaint', 'damaged', 'exchange'];

/** A synthetic Zendesk CSV export of n rows, deterministic. */
function syntheticExport(n: number): Buffer {
  const pad = (x: number) => String(x).padStart(2, '0');
  const stamp = (ms: number) => {
    const d = new Date(ms);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  };
  const start = Date.UTC(2021, 0, 1);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const customer = i % 5 === 0 ? i % 1000 : i;
    const created = start + i * 900_000;
    const status = STATUSES[i % STATUSES.length] as string;
    const solved = status === 'solved' || status === 'closed' ? stamp(created + 86_400_000) : '';
    rows.push([
      '',
      String(100_000 + i),
      `Customer ${customer}`,
      String(customer),
      '',
      `customer${customer}@example.test`,
      'example.test',
      '',
      '',
      i % 3 === 0 ? 'Front Desk' : 'Online',
      SUBJECTS[i % SUBJECTS.length] as string,
      `${TAGS[i % TAGS.length]} ${TAGS[(i * 7) % TAGS.length]}`,
      status,
      PRIORITIES[i % PRIORITIES.length] as string,
      VIA[i % VIA.length] as string,
      'incident',
      stamp(created),
      stamp(created + 3_600_000),
      '',
      '',
      '',
      '',
      solved,
      '',
      '',
      '1',
      '1',
      '0',
      '2',
      '45',
      `A-${i}`,
      i % 4 === 0 ? `The card was charged twice.\nOrder ${i} is still open and nobody called back.` : 'The parcel did not come.',
    ]);
  }
  return Buffer.from(`\ufeff${stringify([HEADER, ...rows])}`, 'utf8');
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
/** This process's CPU time since `from`: on a shared machine it moves less than the clock does. */
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return ((used.user + used.system) / 1e6).toFixed(1);
};
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en');

async function importInto(database: Database, label: string, bytes: Buffer) {
  await migrateToLatest(database);
  const { workspace, user } = await initWorkspace(
    database.db,
    { workspace: `Import bench ${Date.now().toString(36)}`, email: `bench.${Date.now()}@import.test`, password: 'a-long-password' },
    new Date(),
  );
  const ctx = () => ({
    db: database.db,
    actor: { userId: user.id, workspaceId: workspace.id, role: 'admin' as const, teamIds: [], employeeId: null },
    now: new Date(),
  });
  await createTeam(ctx(), 'Front Desk');
  let started = performance.now();
  const cpu = process.cpuUsage();
  const report = await importTickets(ctx(), { source: 'zendesk', bytes, fileName: 'bench.csv', timeZone: 'Europe/Berlin' });
  const importMs = performance.now() - started;
  const importCpu = cpuSeconds(cpu);
  started = performance.now();
  const again = await importTickets(ctx(), { source: 'zendesk', bytes, fileName: 'bench.csv', timeZone: 'Europe/Berlin' });
  const againMs = performance.now() - started;
  // Verifying every chain reads each case on its own (minutes at this size); a spread of them tells as much.
  started = performance.now();
  const refs = await database.db.selectFrom('cases').select('ref').where('workspace_id', '=', workspace.id).orderBy('ref').execute();
  const verified = { casesChecked: 0, eventsChecked: 0, broken: [] as string[] };
  for (let i = 0; i < refs.length; i += Math.max(1, Math.floor(refs.length / 200))) {
    const ref = (refs[i] as { ref: string }).ref;
    const r = await verifyTimelines(database.db, { workspaceId: workspace.id, caseRef: ref });
    verified.casesChecked += r.casesChecked;
    verified.eventsChecked += r.eventsChecked;
    if (r.firstBreak) verified.broken.push(`${ref}: ${r.firstBreak.problem}`);
  }
  const verifyMs = performance.now() - started;
  const ok = importMs / 1000 <= BUDGET_SECONDS;
  console.log(
    `${label.padEnd(28)} ${seconds(importMs).padStart(6)} s  ${perSecond(ROWS, importMs).padStart(9)} rows/s  ` +
      `(${report.created} cases, ${report.customersCreated} customers, ${report.failed} refused, ${importCpu} s CPU) ${label.startsWith('SQLite') ? (ok ? '✓ within 60 s' : '✗ over budget') : ''}`,
  );
  console.log(
    `${'  the same file again'.padEnd(28)} ${seconds(againMs).padStart(6)} s  ${perSecond(ROWS, againMs).padStart(9)} rows/s  (${again.skipped} skipped, ${again.created} created)`,
  );
  console.log(
    `${'  audit verify, a spread'.padEnd(28)} ${seconds(verifyMs).padStart(6)} s  ${verified.casesChecked} cases, ${verified.eventsChecked} events, ${verified.broken.length ? `BROKEN: ${verified.broken[0]}` : 'no break'}`,
  );
}

async function main() {
  console.log(`Import benchmark: ${ROWS.toLocaleString('en')} rows of a synthetic Zendesk CSV export (Node ${process.version})`);
  let started = performance.now();
  const bytes = syntheticExport(ROWS);
  console.log(
    `${'generate the file'.padEnd(28)} ${seconds(performance.now() - started).padStart(6)} s  ${(bytes.length / 1048576).toFixed(1)} MB`,
  );

  started = performance.now();
  const raw = parse(bytes.toString('utf8'), { bom: true }) as string[][];
  const baselineMs = performance.now() - started;
  console.log(
    `${'baseline: csv-parse alone'.padEnd(28)} ${seconds(baselineMs).padStart(6)} s  ${perSecond(raw.length - 1, baselineMs).padStart(9)} rows/s`,
  );

  started = performance.now();
  const readCpu = process.cpuUsage();
  const read = readTickets('zendesk', decodeFile(bytes).text, 'Europe/Berlin');
  const readMs = performance.now() - started;
  console.log(
    `${'read into tickets'.padEnd(28)} ${seconds(readMs).padStart(6)} s  ${perSecond(read.rows, readMs).padStart(9)} rows/s  (${read.tickets.length} tickets, ${cpuSeconds(readCpu)} s CPU)`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'defuse-bench-import-'));
  const sqlite = openSqlite(join(dir, 'bench.db'));
  try {
    await importInto(sqlite, 'SQLite: import (budget 60 s)', bytes);
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.DATABASE_URL) {
    const pg = openDatabase({ dataDir: tmpdir(), databaseUrl: process.env.DATABASE_URL });
    try {
      await importInto(pg, 'PostgreSQL: import', bytes);
    } finally {
      await pg.close();
    }
  } else console.log('PostgreSQL: skipped (set DATABASE_URL to compare)');
}

await main();
