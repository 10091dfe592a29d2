import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import { loadConfig } from '../config/config.js';
import { IMPORT_ENCODINGS, IMPORT_SOURCES, type ImportEncoding, type ImportSource, SOURCE_LABEL } from '../domain/ticket-import.js';
import { isTimeZone } from '../domain/time-zone.js';
import { type ImportReport, prepareImport, runImport } from '../services/import-tickets.js';
import { openDatabase } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import { CliError } from './cli-error.js';
import { pickWorkspace, workspaceAdmin } from './workspace-pick.js';

type ImportOptions = {
  format: ImportSource;
  dryRun?: boolean;
  timezone?: string;
  encoding: ImportEncoding;
  workspace?: string;
  json?: boolean;
};

/** `defuse import FILE --format …`: past tickets from a helpdesk's export, with a progress bar on the terminal. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import past tickets from a Zendesk or Freshdesk export, or our own CSV, as cases (history: no clocks, no notices)')
    .argument('<file>', 'the export: Zendesk CSV or JSON lines, Freshdesk CSV, or our own CSV')
    .addOption(new Option('--format <format>', 'where the file comes from').choices([...IMPORT_SOURCES]).makeOptionMandatory())
    .option('--dry-run', 'read the file and report what would be created, changing nothing')
    .option('--timezone <zone>', "the time zone the file's dates are written in (default: the workspace's)")
    .addOption(
      new Option('--encoding <encoding>', 'how the file is encoded; auto takes valid UTF-8, else Windows-1252')
        .choices([...IMPORT_ENCODINGS])
        .default('auto'),
    )
    .option('--workspace <slug>', 'the workspace, when there are several')
    .option('--json', 'print the report as one JSON object')
    .action(async (file: string, opts: ImportOptions) => {
      if (opts.timezone !== undefined && !isTimeZone(opts.timezone))
        throw new CliError(`--timezone "${opts.timezone}" is not a time zone (use a name such as Europe/Berlin)`, 2);
      const bytes = await readFile(file).catch(() => {
        throw new CliError(`Cannot read ${file}`, 2);
      });
      const database = openDatabase(loadConfig());
      try {
        await migrateToLatest(database);
        const actor = await workspaceAdmin(database.db, await pickWorkspace(database.db, opts.workspace));
        const ctx = { db: database.db, actor, now: new Date() };
        const prepared = await prepareImport(ctx, {
          source: opts.format,
          bytes,
          fileName: basename(file),
          dryRun: Boolean(opts.dryRun),
          timeZone: opts.timezone,
          encoding: opts.encoding,
        });
        const bar = new SingleBar({
          format: `${opts.dryRun ? 'Checking' : 'Importing'} {bar} {percentage}% | {value}/{total} rows`,
          stream: process.stderr,
          hideCursor: true,
        });
        bar.start(prepared.report.rows, 0);
        let report: ImportReport;
        try {
          report = await runImport(ctx, prepared, (p) => bar.update(p.processed));
        } finally {
          bar.stop();
        }
        if (opts.json) console.log(JSON.stringify(report));
        else printReport(report);
      } finally {
        await database.close();
      }
    });
}

function printReport(r: ImportReport): void {
  const would = r.dryRun ? 'Would create' : 'Created';
  console.log(
    `${r.dryRun ? 'Dry run of' : 'Imported'} ${r.rows} rows from ${SOURCE_LABEL[r.source]} (${r.encoding}, dates in ${r.timeZone}): ` +
      `${would.toLowerCase()} ${r.created} cases and ${r.customersCreated} customers, skipped ${r.skipped} imported before, refused ${r.failed}`,
  );
  for (const s of r.sample.slice(0, 5)) console.log(`  line ${s.line}: ticket ${s.externalId}${s.ref ? ` → ${s.ref}` : ''} ${s.title}`);
  for (const e of r.errors) console.log(`  line ${e.line}: ${e.reason}`);
  if (r.failed > r.errors.length) console.log(`  … and ${r.failed - r.errors.length} more refused rows`);
  if (r.dryRun) console.log('Nothing was changed.');
}
