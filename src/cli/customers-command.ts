import { type Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config/config.js';
import { findUserByEmail, loadActor } from '../services/accounts.js';
import { mergeCustomers } from '../services/merge-customers.js';
import { openDatabase } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import { CliError } from './cli-error.js';

const customerId = (value: string): string => {
  if (!z.uuid().safeParse(value).success)
    throw new InvalidArgumentError('must be a customer id (a UUID: the end of the customer page’s address)');
  return value;
};
const email = (value: string): string => {
  if (!z.email().safeParse(value).success) throw new InvalidArgumentError('must be an email address');
  return value;
};

type MergeOptions = { by: string; workspace?: string; json?: boolean };

/**
 * `defuse customers merge DUPLICATE KEPT --by EMAIL`: merges a duplicate customer into the record
 * kept, acting as the named supervisor or admin, so the permission table and the timelines say who
 * did it exactly as they would in the app.
 */
export function registerCustomersCommand(program: Command): void {
  const customers = program.command('customers').description('customer records');
  customers
    .command('merge')
    .description('merge a duplicate customer into the record to keep (its cases move; it stays as a tombstone)')
    .argument('<duplicate>', 'id of the duplicate customer', customerId)
    .argument('<kept>', 'id of the customer to keep', customerId)
    .requiredOption('--by <email>', 'the supervisor or admin doing the merge', email)
    .option('--workspace <slug>', 'the workspace, when the email has accounts in several')
    .option('--json', 'print the kept customer as JSON')
    .action(async (duplicate: string, kept: string, opts: MergeOptions) => {
      const database = openDatabase(loadConfig());
      try {
        await migrateToLatest(database);
        const db = database.db;
        const user = await findUserByEmail(db, opts.by, opts.workspace);
        const actor = await loadActor(db, user.id);
        if (!actor) throw new CliError(`${user.email} is deactivated`, 1);
        const profile = await mergeCustomers({ db, actor, now: new Date() }, duplicate, kept);
        if (opts.json) {
          console.log(JSON.stringify(profile));
          return;
        }
        const merge = profile.merges.at(-1);
        console.log(
          `Merged ${merge?.from.name ?? duplicate} into ${profile.name}: ${merge?.caseCount ?? 0} case(s) moved; ${profile.signals.cases.total} case(s) in all`,
        );
      } finally {
        await database.close();
      }
    });
}
