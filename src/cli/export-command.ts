import { writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/config.js';
import { ROOT_CAUSE_CATEGORIES } from '../domain/root-cause.js';
import { findUserByEmail, loadActor } from '../services/accounts.js';
import { casesCsv, exportCases } from '../services/export-cases.js';
import { openDatabase } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import { CliError } from './cli-error.js';

const rootCauses = (value: string): string[] => {
  const list = value.split(',').map((v) => v.trim());
  const bad = list.find((v) => !(ROOT_CAUSE_CATEGORIES as readonly string[]).includes(v));
  if (bad !== undefined) throw new InvalidArgumentError(`unknown root cause "${bad}"; one of ${ROOT_CAUSE_CATEGORIES.join(', ')}`);
  return list;
};
const format = (value: string): 'csv' | 'json' => {
  if (value !== 'csv' && value !== 'json') throw new InvalidArgumentError('must be csv or json');
  return value;
};

/**
 * `defuse export cases`: the cases a user may see, with outcome and root cause, as CSV or JSON, the
 * same export as the inbox's button (it acts as that user, so the permission table applies).
 */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('export records')
    .command('cases')
    .description('every case a user may see (optionally by root cause), with outcome and root cause, as CSV or JSON')
    .requiredOption('--email <email>', 'export as this user (only the cases they may see)')
    .option('--workspace <slug>', 'the workspace, when the email has accounts in several')
    .option('--root-cause <list>', `comma-separated root-cause categories (${ROOT_CAUSE_CATEGORIES.join(', ')})`, rootCauses)
    .option('--format <format>', 'csv or json', format, 'csv' as const)
    .option('--out <file>', 'write to FILE instead of standard output')
    .action(async (opts: { email: string; workspace?: string; rootCause?: string[]; format: 'csv' | 'json'; out?: string }) => {
      const database = openDatabase(loadConfig());
      try {
        await migrateToLatest(database);
        const user = await findUserByEmail(database.db, opts.email, opts.workspace);
        const actor = user.deactivated_at === null ? await loadActor(database.db, user.id) : null;
        if (!actor) throw new CliError(`${opts.email} cannot sign in, so it cannot export`, 1);
        const ctx = { db: database.db, actor, now: new Date(), origin: { ip: null, requestId: 'cli' } };
        const { rows, truncated } = await exportCases(ctx, opts.rootCause ? { rootCause: opts.rootCause } : {});
        const text = opts.format === 'json' ? `${JSON.stringify({ items: rows, truncated }, null, 2)}\n` : casesCsv(rows);
        if (opts.out) writeFileSync(opts.out, text);
        else process.stdout.write(text);
        if (truncated) console.error(`Only the first ${rows.length} cases were exported; narrow the filters for the rest.`);
      } finally {
        await database.close();
      }
    });
}
