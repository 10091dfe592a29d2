import { createWriteStream } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/config.js';
import { MAX_REPORT_DAYS } from '../contracts/dashboard.js';
import { nextBucket, startOfLocalDate } from '../domain/dashboard-metrics.js';
import { caseMetricsCsv } from '../services/case-metrics-export.js';
import type { ServiceContext } from '../services/context.js';
import { periodOf, readDashboard, workspaceTimeZone } from '../services/dashboard.js';
import { dashboardTables, peopleTables, type ReportTable, tablesCsv } from '../services/dashboard-csv.js';
import { readPeopleReport } from '../services/people-report.js';
import { openDatabase } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import { CliError } from './cli-error.js';
import { pickTeam, pickWorkspace, workspaceAdmin } from './workspace-pick.js';

export const REPORTS = ['dashboard', 'people', 'cases'] as const;
type ReportName = (typeof REPORTS)[number];

/** A day (YYYY-MM-DD) or a full ISO timestamp, checked before the database is opened. */
type Bound = { day: string } | { at: string };
const bound = (value: string): Bound => {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = Date.parse(day ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError('must be a date, e.g. 2026-03-01, or an ISO timestamp');
  return day ? { day: value } : { at: new Date(ms).toISOString() };
};
// A day is the workspace's, as on the dashboard page: it starts at the workspace's midnight, and
// --to's day is included; a full timestamp is taken as it is.
const startOf = (b: Bound, timeZone: string) => ('day' in b ? startOfLocalDate(b.day, timeZone) : b.at);
const endOf = (b: Bound, timeZone: string) => ('day' in b ? startOfLocalDate(nextBucket(b.day, 'day'), timeZone) : b.at);

/** Tables for a terminal: each titled, its columns padded to their widest cell. */
export function tablesText(tables: readonly ReportTable[]): string {
  return tables
    .map((t) => {
      const cells = [t.columns, ...t.rows.map((r) => r.map((v) => (v === null || v === undefined ? '—' : String(v))))];
      const widths = t.columns.map((_, i) => Math.max(...cells.map((row) => String(row[i] ?? '').length)));
      const lines = cells.map((row) =>
        row
          .map((c, i) => String(c ?? '').padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd(),
      );
      return `${t.name}\n${lines.join('\n')}\n`;
    })
    .join('\n');
}

type Options = { from: string; to: string; team?: string; csv?: boolean; bom?: boolean; workspace?: string; out?: string };

/** `defuse report dashboard|people|cases`: a report for a period, on the terminal or as CSV, acting as the workspace's admin. */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('a dashboard report for a period: dashboard (every figure), people (HR view), cases (one row per case with metrics)')
    .argument('<name>', REPORTS.join(' | '), (value: string): ReportName => {
      if (!(REPORTS as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${REPORTS.join(', ')}`);
      return value as ReportName;
    })
    .requiredOption('--from <date>', "first day (YYYY-MM-DD, in the workspace's time zone) or an ISO timestamp")
    .requiredOption('--to <date>', 'last day included (YYYY-MM-DD) or an ISO timestamp (excluded)')
    .option('--team <team>', 'only this team (name or id)')
    .option('--csv', 'write CSV instead of text (cases is always CSV)')
    .option('--bom', 'start the CSV with a UTF-8 byte order mark, for spreadsheets')
    .option('--workspace <slug>', 'the workspace, when there are several')
    .option('--out <file>', 'write to FILE instead of standard output')
    .action(async (name: ReportName, opts: Options) => {
      let from: Bound;
      let to: Bound;
      try {
        from = bound(opts.from);
        to = bound(opts.to);
      } catch (e) {
        throw new CliError(`--from/--to: ${(e as Error).message}`, 2);
      }
      const database = openDatabase(loadConfig());
      try {
        await migrateToLatest(database);
        const workspaceId = await pickWorkspace(database.db, opts.workspace);
        const ctx: ServiceContext = {
          db: database.db,
          actor: await workspaceAdmin(database.db, workspaceId),
          now: new Date(),
          origin: { ip: null, requestId: 'cli' },
        };
        const timeZone = await workspaceTimeZone(ctx);
        let period: { from: string; to: string };
        try {
          period = periodOf({ from: startOf(from, timeZone), to: endOf(to, timeZone) }, ctx.now, MAX_REPORT_DAYS);
        } catch (e) {
          throw new CliError(`--from/--to: ${(e as Error).message.replace(/^from: /, '')}`, 2);
        }
        const teamId = opts.team ? await pickTeam(database.db, workspaceId, opts.team) : undefined;
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        const write = (text: string) => new Promise<void>((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve())));
        if (name === 'cases') {
          for await (const chunk of await caseMetricsCsv(ctx, { ...period, teamId }, { bom: opts.bom })) await write(chunk);
        } else {
          const tables =
            name === 'dashboard'
              ? dashboardTables(await readDashboard(ctx, { ...period, teamId }))
              : peopleTables(await readPeopleReport(ctx, { ...period, teamId }));
          await write(opts.csv ? tablesCsv(tables, opts.bom) : `${name} report, ${period.from} to ${period.to}\n\n${tablesText(tables)}`);
        }
        if (opts.out) await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
      } finally {
        await database.close();
      }
    });
}
