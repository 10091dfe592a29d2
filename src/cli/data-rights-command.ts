import { writeFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config/config.js';
import type { HoldScope } from '../domain/data-rights.js';
import { findUserByEmail, loadActor } from '../services/accounts.js';
import type { ServiceContext } from '../services/context.js';
import { eraseCustomer } from '../services/erase-customer.js';
import { createLegalHold, listLegalHolds, releaseLegalHold } from '../services/legal-holds.js';
import { exportCustomer, renderExportHtml } from '../services/subject-export.js';
import { openDatabase } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import type { Db } from '../store/schema.js';
import { CliError } from './cli-error.js';
import { pickWorkspace, workspaceAdmin } from './workspace-pick.js';

const uuid = (what: string) => (value: string) => {
  if (!z.uuid().safeParse(value).success) throw new InvalidArgumentError(`must be ${what} id (a UUID)`);
  return value;
};
const many =
  (what: string) =>
  (value: string, previous: string[] = []) => [...previous, uuid(what)(value)];
const caseRefs = (value: string, previous: string[] = []) => [...previous, value];

type Acting = { by?: string; workspace?: string };

/** Runs fn as the named admin (--by) or the workspace's first admin, through the services and their rules. */
async function asAdmin<T>(opts: Acting, fn: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const database = openDatabase(loadConfig());
  try {
    await migrateToLatest(database);
    const db: Db = database.db;
    let actor: Awaited<ReturnType<typeof workspaceAdmin>> | null;
    if (opts.by) {
      const user = await findUserByEmail(db, opts.by, opts.workspace);
      actor = await loadActor(db, user.id);
      if (!actor) throw new CliError(`${user.email} is deactivated`, 1);
    } else actor = await workspaceAdmin(db, await pickWorkspace(db, opts.workspace));
    return await fn({ db, actor, now: new Date() });
  } finally {
    await database.close();
  }
}

const acting = (c: Command) =>
  c
    .option('--by <email>', 'the admin acting (default: the workspace’s first admin)')
    .option('--workspace <slug>', 'the workspace, when there are several');

/**
 * `defuse customers export|erase` and `defuse holds list|create|release`: the data-rights work of the
 * Privacy page on the terminal, audited in the access log like the app.
 */
export function registerDataRightsCommands(program: Command): void {
  const customers = program.commands.find((c) => c.name() === 'customers') ?? program.command('customers').description('customer records');
  acting(
    customers
      .command('export')
      .description('everything held about a customer, as JSON or a readable HTML page (access-logged)')
      .argument('<customer>', 'id of the customer', uuid('a customer'))
      .addOption(new Option('--format <format>', 'json or html').choices(['json', 'html']).default('json'))
      .option('--out <file>', 'write to this file instead of stdout'),
  ).action(async (id: string, opts: Acting & { format: 'json' | 'html'; out?: string }) => {
    const x = await asAdmin(opts, (ctx) => exportCustomer(ctx, id));
    const { sections: _s, ...json } = x;
    const text = opts.format === 'html' ? renderExportHtml(x) : `${JSON.stringify(json, null, 2)}\n`;
    if (opts.out) {
      await writeFile(opts.out, text);
      console.log(`Wrote the ${opts.format.toUpperCase()} export of customer ${id} to ${opts.out}`);
    } else process.stdout.write(text);
  });
  acting(
    customers
      .command('erase')
      .description("erase a customer's personal data (refused while a legal hold or an open review holds them)")
      .argument('<customer>', 'id of the customer', uuid('a customer'))
      .requiredOption('--reason <text>', 'why (e.g. the request it answers); kept in the access log')
      .option('--json', 'print the result as JSON'),
  ).action(async (id: string, opts: Acting & { reason: string; json?: boolean }) => {
    const r = await asAdmin(opts, (ctx) => eraseCustomer(ctx, loadConfig().attachmentsDir, id, opts.reason));
    if (opts.json) console.log(JSON.stringify(r));
    else
      console.log(
        `Erased customer ${id}: ${r.cases} case(s), ${r.eventsScrubbed} timeline event(s) and ${r.rowsScrubbed} other record(s) scrubbed, ${r.statementsErased} of their statement(s) and ${r.filesErased} of their file(s) erased; \`defuse audit verify\` still passes`,
      );
  });

  const holds = program.command('holds').description('legal holds: they block erasure and retention until released');
  acting(holds.command('list').description('holds in force first, and the cases open reviews hold').option('--json', 'as JSON')).action(
    async (opts: Acting & { json?: boolean }) => {
      const all = await asAdmin(opts, listLegalHolds);
      if (opts.json) return void console.log(JSON.stringify(all));
      for (const h of all.items)
        console.log(
          `${h.id}  ${h.released ? 'released' : 'in force'}  ${h.matter}: ${h.subjects.map((s) => `${s.kind} ${s.label}`).join(', ')}`,
        );
      for (const r of all.reviewHolds) console.log(`review ${r.reviewId}  in force  counts case ${r.caseRef}`);
      if (all.items.length + all.reviewHolds.length === 0) console.log('No holds');
    },
  );
  acting(
    holds
      .command('create')
      .description('hold cases, customers or employees for a legal matter')
      .requiredOption('--matter <text>', 'the legal matter')
      .requiredOption('--reason <text>', 'why the records are held')
      .option('--case <ref>', 'a case reference (repeatable)', caseRefs)
      .option('--customer <id>', 'a customer id (repeatable)', many('a customer'))
      .option('--employee <id>', 'an employee id (repeatable)', many('an employee')),
  ).action(async (opts: Acting & { matter: string; reason: string; case?: string[]; customer?: string[]; employee?: string[] }) => {
    const hold = await asAdmin(opts, async (ctx) => {
      const refs = opts.case ?? [];
      const cases = refs.length
        ? await ctx.db
            .selectFrom('cases')
            .select(['id', 'ref'])
            .where('workspace_id', '=', ctx.actor.workspaceId)
            .where('ref', 'in', refs)
            .execute()
        : [];
      const missing = refs.filter((r) => !cases.some((c) => c.ref === r));
      if (missing.length) throw new CliError(`No case ${missing.join(', ')} in this workspace`, 2);
      const subjects = [
        ...cases.map((c) => ({ kind: 'case' as HoldScope, id: c.id })),
        ...(opts.customer ?? []).map((id) => ({ kind: 'customer' as HoldScope, id })),
        ...(opts.employee ?? []).map((id) => ({ kind: 'employee' as HoldScope, id })),
      ];
      if (subjects.length === 0) throw new CliError('Name at least one --case, --customer or --employee to hold', 2);
      return createLegalHold(ctx, { matter: opts.matter, reason: opts.reason, subjects });
    });
    console.log(`Hold ${hold.id} on ${hold.subjects.map((s) => `${s.kind} ${s.label}`).join(', ')} for "${hold.matter}"`);
  });
  acting(
    holds
      .command('release')
      .description('release a hold, with the reason')
      .argument('<hold>', 'id of the hold', uuid('a hold'))
      .requiredOption('--reason <text>', 'why the hold is released'),
  ).action(async (id: string, opts: Acting & { reason: string }) => {
    const hold = await asAdmin(opts, (ctx) => releaseLegalHold(ctx, id, opts.reason));
    console.log(`Released the hold "${hold.matter}"`);
  });
}
