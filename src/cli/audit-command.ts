import { readFileSync, writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/config.js';
import { ZSignedCheckpoint } from '../contracts/audit.js';
import { publicKeyOf, type SignedCheckpoint } from '../domain/audit-log.js';
import { signDueCheckpoints, toSigned } from '../services/audit-checkpoints.js';
import { type RecordReport, verifyRecord } from '../services/verify-record.js';
import { verifyTimelines } from '../services/verify-timelines.js';
import { latestCheckpoint } from '../store/audit.js';
import type { Database } from '../store/db.js';
import { CliError } from './cli-error.js';

type WithDatabase = <T>(fn: (database: Database) => Promise<T>) => Promise<T>;

const caseRef = (value: string): string => {
  if (!/^C-\d{4}-\d{6,}$/.test(value)) throw new InvalidArgumentError('must be a case reference like C-2026-000123');
  return value;
};

/** Reads an exported checkpoint (the file the API, the mail or `audit checkpoint --out` gave). */
const checkpointFile = (file: string, previous: SignedCheckpoint[] = []): SignedCheckpoint[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new InvalidArgumentError(`${file} is not a readable JSON file`);
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const checked = items.map((item) => ZSignedCheckpoint.safeParse(item));
  if (checked.some((c) => !c.success)) throw new InvalidArgumentError(`${file} is not a Defuse checkpoint`);
  return [...previous, ...checked.map((c) => c.data as SignedCheckpoint)];
};

function describe(r: RecordReport): string {
  const erased =
    r.erased.customers + r.erased.statements + r.erased.events > 0
      ? `; erased on request: ${r.erased.customers} customers' details, ${r.erased.statements} statements' words, mentions in ${r.erased.events} events`
      : '';
  const grown = r.against.length > 0 ? `; only grew since checkpoint ${r.against.map((a) => `#${a.seq}`).join(', ')}` : '';
  const latest = r.latestCheckpoint
    ? `latest signed checkpoint #${r.latestCheckpoint.seq} (${r.latestCheckpoint.at})`
    : 'no checkpoint signed yet';
  return `${r.cases} cases, ${r.events} events, ${r.customers} customers, ${r.accessLogEntries} access-log entries, ${latest}${grown}${erased}`;
}

/** `defuse audit verify` and `defuse audit checkpoint`. */
export function registerAuditCommands(program: Command, withDatabase: WithDatabase): Command {
  const audit = program.command('audit').description('tamper evidence');
  audit
    .command('verify')
    .description('check every chain, the rows beside them and the checkpoints; exit 1 naming the first problem')
    .option('--case <ref>', 'check one case only', caseRef)
    .option('--checkpoint <file>', 'a checkpoint kept outside the database: prove the record only grew since (repeatable)', checkpointFile)
    .action(async (opts: { case?: string; checkpoint?: SignedCheckpoint[] }) => {
      await withDatabase(async ({ db }) => {
        if (opts.case) {
          const report = await verifyTimelines(db, { caseRef: opts.case });
          if (report.casesChecked === 0) throw new CliError(`No case ${opts.case}`, 1);
          const b = report.firstBreak;
          if (b) throw new CliError(`BROKEN: case ${b.caseRef} event #${b.seq}${b.eventId ? ` (${b.eventId})` : ''}: ${b.problem}`, 1);
          console.log(`OK: case ${opts.case}, ${report.eventsChecked} events, its chain and the rows beside it intact`);
          return;
        }
        const external = opts.checkpoint ?? [];
        const workspaces = await db.selectFrom('workspaces').select(['id', 'name']).orderBy('name').execute();
        const unknown = external.find((c) => !workspaces.some((w) => w.id === c.checkpoint.workspaceId));
        if (unknown) throw new CliError(`BROKEN: checkpoint #${unknown.checkpoint.seq} is of a workspace this database no longer holds`, 1);
        const broken: string[] = [];
        const ours = publicKeyOf(loadConfig().signingKey);
        for (const w of workspaces) {
          const r = await verifyRecord(
            db,
            w.id,
            external.filter((c) => c.checkpoint.workspaceId === w.id),
          );
          if (r.intact) console.log(`OK: ${w.name}: every chain intact; ${describe(r)}`);
          else broken.push(...r.problems.map((p) => `${w.name}: ${p}`));
          // Not a break: after a key rotation the latest checkpoint is the old key's until the job signs again.
          const latest = await latestCheckpoint(db, w.id);
          if (latest && toSigned(latest).checkpoint.publicKey !== ours)
            console.log(
              `NOTE: ${w.name}: checkpoint #${latest.seq} was signed by another key than this server's (a rotated key, or a forgery)`,
            );
        }
        if (broken.length > 0) throw new CliError(broken.map((b) => `BROKEN: ${b}`).join('\n'), 1);
      });
    });
  audit
    .command('checkpoint')
    .description('sign a checkpoint now for every workspace whose record grew, and print (or write) the latest ones')
    .option('--out <file>', 'write the checkpoints to this file instead of printing them')
    .action(async (opts: { out?: string }) => {
      const config = loadConfig();
      await withDatabase(async ({ db }) => {
        const { signed, refused } = await signDueCheckpoints(db, config.signingKey, new Date());
        if (refused.length > 0) throw new CliError(refused.map((r) => `REFUSED: ${r}`).join('\n'), 1);
        const workspaces = await db.selectFrom('workspaces').select('id').orderBy('id').execute();
        const latest: SignedCheckpoint[] = [];
        for (const w of workspaces) {
          const row = await latestCheckpoint(db, w.id);
          if (row) latest.push(toSigned(row));
        }
        const json = `${JSON.stringify(latest.length === 1 ? latest[0] : latest, null, 2)}\n`;
        if (opts.out) {
          writeFileSync(opts.out, json);
          console.error(`Signed ${signed} new checkpoint(s); wrote ${latest.length} to ${opts.out}`);
        } else process.stdout.write(json);
      });
    });
  return audit;
}
