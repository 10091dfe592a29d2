import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config/config.js';
import { type DemoResult, seedDemo } from '../demo/seed-demo.js';
import { isCurrency } from '../domain/money.js';
import { isTimeZone } from '../domain/time-zone.js';
import { startServer } from '../server.js';
import { createToken, findUserByEmail, initWorkspace } from '../services/accounts.js';
import { runTrainingRules } from '../services/training-rule-runs.js';
import { type Database, openDatabase } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import { registerAuditCommands } from './audit-command.js';
import { backupDatabase, restoreDatabase } from './backup.js';
import { registerCasesCommand } from './cases-command.js';
import { CliError, failureOf } from './cli-error.js';
import { registerCoachCommand } from './coach-command.js';
import { registerCustomersCommand } from './customers-command.js';
import { registerDataRightsCommands } from './data-rights-command.js';
import { registerDigestCommands } from './digest-command.js';
import { registerDossierCommand } from './dossier-command.js';
import { registerExportCommand } from './export-command.js';
import { registerImportCommand } from './import-command.js';
import { registerInsightsCommands } from './insights-command.js';
import { registerMailCommand } from './mail-command.js';
import { registerReportCommand } from './report-command.js';

/** Opens the configured database, migrated, runs fn, and always closes it. */
async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = openDatabase(loadConfig());
  try {
    await migrateToLatest(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('must be a port number between 1 and 65535');
  return n;
};
const email = (value: string): string => {
  if (!z.email().safeParse(value).success) throw new InvalidArgumentError('must be an email address');
  return value;
};

const program = new Command('defuse')
  .description('Defuse: resolve customer–employee conflicts, learn from them, and keep a record that holds.')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

program
  .command('serve')
  .description('run the server (web app and API) — what `npm start` runs')
  .option('--port <n>', 'port to listen on (default: $PORT or 3000)', port)
  .option('--host <host>', 'address to listen on (default: $HOST or 127.0.0.1)')
  .action(async (opts: { port?: number; host?: string }) => {
    const env = { ...process.env, ...(opts.port ? { PORT: String(opts.port) } : {}), ...(opts.host ? { HOST: opts.host } : {}) };
    await startServer(loadConfig(env));
  });

program
  .command('migrate')
  .description('bring the database schema up to date and exit')
  .action(async () => {
    const database = openDatabase(loadConfig());
    try {
      const applied = await migrateToLatest(database);
      console.log(applied.length ? `Applied ${applied.join(', ')} on ${database.kind}` : `Schema is up to date on ${database.kind}`);
    } finally {
      await database.close();
    }
  });

program
  .command('init')
  .description('create a workspace and its first admin')
  .requiredOption('--workspace <name>', 'workspace name, e.g. "Harbor Outfitters"')
  .requiredOption('--email <email>', "the admin's email", email)
  .requiredOption('--password <password>', "the admin's password (at least 10 characters)")
  .option('--currency <code>', 'ISO 4217 currency money fields start from', 'EUR')
  .option('--time-zone <zone>', 'IANA time zone of the business, e.g. America/Los_Angeles', 'UTC')
  .action(async (opts: { workspace: string; email: string; password: string; currency: string; timeZone: string }) => {
    if (opts.password.length < 10) throw new CliError('--password must be at least 10 characters', 2);
    if (!opts.workspace.trim()) throw new CliError('--workspace must not be empty', 2);
    if (!/^[A-Z]{3}$/.test(opts.currency) || !isCurrency(opts.currency))
      throw new CliError(`--currency must be an ISO 4217 code in capitals, such as USD; got "${opts.currency}"`, 2);
    if (!isTimeZone(opts.timeZone)) throw new CliError(`--time-zone must be an IANA zone such as Europe/London; got "${opts.timeZone}"`, 2);
    await withDatabase(async ({ db }) => {
      const { workspace, user } = await initWorkspace(db, opts, new Date());
      const { token } = await createToken(db, { workspaceId: workspace.id, userId: user.id, name: 'init' }, new Date());
      console.log(`Created workspace "${workspace.name}" (${workspace.slug}) with admin ${user.email}`);
      console.log(`API token (shown once): ${token}`);
    });
  });

const token = program.command('token').description('API tokens');
token
  .command('create')
  .description('print a new API token for a user')
  .requiredOption('--email <email>', "the user's email", email)
  .option('--name <name>', 'a label for the token', 'cli')
  .option('--workspace <slug>', 'the workspace, when the email has accounts in several')
  .action(async (opts: { email: string; name: string; workspace?: string }) => {
    await withDatabase(async ({ db }) => {
      const user = await findUserByEmail(db, opts.email, opts.workspace);
      if (user.deactivated_at !== null)
        throw new CliError(`${user.email} is deactivated; reactivate the account before giving it a token`, 1);
      // The token acts with its user's role: the permission table applies to it like to a session.
      const { token } = await createToken(db, { workspaceId: user.workspace_id, userId: user.id, name: opts.name }, new Date());
      console.log(token);
    });
  });

const audit = registerAuditCommands(program, withDatabase);
registerDossierCommand(audit, withDatabase);

const training = program.command('training').description('training assignments');
training
  .command('run-rules')
  .description('apply the training rules now (as the server does every minute): assign, remind, tell supervisors of overdue ones')
  .action(async () => {
    await withDatabase(async ({ db }) => {
      const r = await runTrainingRules(db, new Date());
      console.log(`Training rules applied: assigned ${r.assigned}, reminded ${r.reminded}, overdue ${r.overdue}`);
    });
  });

program
  .command('backup')
  .description('write a consistent copy of the embedded database to FILE')
  .argument('<file>', 'where to write the backup')
  .action(async (file: string) => {
    await backupDatabase(loadConfig(), file);
    console.log(`Backed up to ${file}`);
  });

program
  .command('restore')
  .description('replace the embedded database with a backup (stop the server first)')
  .argument('<file>', 'a file written by `defuse backup`')
  .action(async (file: string) => {
    await restoreDatabase(loadConfig(), file);
    console.log(`Restored from ${file}`);
  });

program
  .command('demo')
  .description('create (once) a demo workspace with users, teams and cases; print logins and tokens')
  .option('--json', 'print one JSON object')
  .action(async (opts: { json?: boolean }) => {
    await withDatabase(async ({ db }) => {
      const result = await seedDemo(db, new Date(), loadConfig().attachmentsDir);
      if (opts.json) {
        console.log(JSON.stringify(result));
        return;
      }
      const verb = result.created ? 'Created' : 'Already present:';
      const second = result.secondWorkspace;
      const width = Math.max(...[...result.logins, ...second.logins].map((l) => l.email.length));
      const print = (l: DemoResult['logins'][number]) =>
        console.log(`  ${l.role.padEnd(10)} ${l.email.padEnd(width)}  password ${l.password}  token ${l.token}`);
      console.log(`${verb} demo workspace "${result.workspace.name}" with ${result.cases} cases`);
      result.logins.forEach(print);
      console.log(`\nA second workspace, "${second.workspace.name}" (${second.cases} cases), to check that workspaces never meet:`);
      second.logins.forEach(print);
      console.log('\nSign in at http://localhost:3000 with an email and password, or send a token as "Authorization: Bearer <token>".');
    });
  });

registerCoachCommand(program);
registerExportCommand(program);
registerImportCommand(program);
registerInsightsCommands(program);
registerDigestCommands(program);
registerCasesCommand(program);
registerCustomersCommand(program);
registerDataRightsCommands(program);
registerMailCommand(program);
registerReportCommand(program);

function fail(message: string, code: number): never {
  process.stderr.write(`defuse: ${message}\n`);
  process.exit(code);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') process.exit(0);
    process.exit(error.exitCode === 0 ? 0 : 2); // commander already printed its one line
  }
  const { message, exitCode } = failureOf(error);
  fail(message, exitCode);
}
