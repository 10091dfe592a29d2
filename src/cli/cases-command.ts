import { type Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config/config.js';
import { isCaseRef } from '../domain/case.js';
import { findUserByEmail, loadActor } from '../services/accounts.js';
import type { ServiceContext } from '../services/context.js';
import { mergeCase } from '../services/merge-cases.js';
import { splitCase } from '../services/split-case.js';
import { openDatabase } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import { CliError } from './cli-error.js';

const caseRef = (value: string): string => {
  if (!isCaseRef(value.toUpperCase())) throw new InvalidArgumentError('must be a case reference like C-2026-000123');
  return value.toUpperCase();
};
const email = (value: string): string => {
  if (!z.email().safeParse(value).success) throw new InvalidArgumentError('must be an email address');
  return value;
};

type Acting = { by: string; workspace?: string; json?: boolean };

/** Runs a use case as the named person, so the permission table and the timelines say who did it as in the app. */
async function asPerson<T>(opts: Acting, run: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const database = openDatabase(loadConfig());
  try {
    await migrateToLatest(database);
    const db = database.db;
    const user = await findUserByEmail(db, opts.by, opts.workspace);
    const actor = await loadActor(db, user.id);
    if (!actor) throw new CliError(`${user.email} is deactivated`, 1);
    return await run({ db, actor, now: new Date() });
  } finally {
    await database.close();
  }
}

/** `defuse cases merge|split`: the same incident reported twice, and a second incident taken out of a case. */
export function registerCasesCommand(program: Command): void {
  const cases = program.command('cases').description('case work: merging duplicates, splitting');
  cases
    .command('merge')
    .description('merge a duplicate case into the case to keep (it closes as merged; both timelines say so)')
    .argument('<duplicate>', 'reference of the duplicate case', caseRef)
    .argument('<kept>', 'reference of the case to keep', caseRef)
    .requiredOption('--by <email>', 'the supervisor or admin doing the merge', email)
    .option('--reason <text>', 'why they are the same incident')
    .option('--different-customers', 'merge even though the two cases name different customers')
    .option('--workspace <slug>', 'the workspace, when the email has accounts in several')
    .option('--json', 'print both cases as JSON')
    .action(async (duplicate: string, kept: string, opts: Acting & { reason?: string; differentCustomers?: boolean }) => {
      const result = await asPerson(opts, (ctx) =>
        mergeCase(ctx, duplicate, { intoRef: kept, reason: opts.reason, confirmDifferentCustomers: opts.differentCustomers === true }),
      );
      if (opts.json) console.log(JSON.stringify(result));
      else console.log(`Merged ${result.duplicate.ref} into ${result.kept.ref}; ${result.duplicate.ref} is closed as merged`);
    });
  cases
    .command('split')
    .description('take part of a case into a new case with the same customer, team and people')
    .argument('<ref>', 'reference of the case to split', caseRef)
    .requiredOption('--title <text>', 'the new case’s title')
    .requiredOption('--summary <text>', 'what the new incident is about')
    .requiredOption('--by <email>', 'the person doing the split', email)
    .option('--message <id...>', 'customer messages that move to the new case')
    .option('--workspace <slug>', 'the workspace, when the email has accounts in several')
    .option('--json', 'print both cases as JSON')
    .action(async (ref: string, opts: Acting & { title: string; summary: string; message?: string[] }) => {
      if (!opts.title.trim() || !opts.summary.trim()) throw new CliError('--title and --summary must not be empty', 2);
      const result = await asPerson(opts, (ctx) =>
        splitCase(ctx, ref, { title: opts.title.trim(), summary: opts.summary.trim(), messageIds: opts.message }),
      );
      if (opts.json) console.log(JSON.stringify(result));
      else console.log(`Split ${result.created.ref} (“${result.created.title}”) off ${result.original.ref}`);
    });
}
