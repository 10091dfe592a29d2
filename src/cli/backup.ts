import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Config } from '../config/config.js';
import { runningServerPid } from '../server.js';
import { CliError } from './cli-error.js';

const dbFile = (config: Config) => join(config.dataDir, 'defuse.db');

function requireEmbedded(config: Config, what: string): void {
  if (config.databaseUrl) throw new CliError(`${what} works on the embedded database; for PostgreSQL use pg_dump / pg_restore`, 1);
}

/** Consistent copy of the live embedded database through SQLite's online backup API. */
export async function backupDatabase(config: Config, target: string): Promise<void> {
  requireEmbedded(config, 'backup');
  if (!existsSync(dbFile(config))) throw new CliError(`There is no database at ${dbFile(config)} to back up`, 1);
  if (existsSync(target)) throw new CliError(`${target} already exists; choose a new file name`, 2);
  const source = new SQLite(dbFile(config), { readonly: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
}

/** Replaces the embedded database with a backup after checking it is a sound Defuse database. */
export async function restoreDatabase(config: Config, from: string): Promise<void> {
  requireEmbedded(config, 'restore');
  if (!existsSync(from)) throw new CliError(`${from} does not exist`, 2);
  const pid = runningServerPid(config.dataDir);
  if (pid !== null) throw new CliError(`A Defuse server (pid ${pid}) is using ${config.dataDir}; stop it before restoring`, 1);
  let backup: SQLite.Database;
  try {
    backup = new SQLite(from, { readonly: true, fileMustExist: true });
    const ok = backup.pragma('integrity_check', { simple: true });
    const isDefuse = backup.prepare("select 1 from sqlite_master where type = 'table' and name = 'case_events'").get();
    if (ok !== 'ok' || !isDefuse) throw new Error('not a Defuse database');
  } catch {
    throw new CliError(`${from} is not a sound Defuse backup`, 1);
  }
  const staging = `${dbFile(config)}.restoring`;
  rmSync(staging, { force: true });
  try {
    await backup.backup(staging);
  } finally {
    backup.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${dbFile(config)}${suffix}`, { force: true });
  renameSync(staging, dbFile(config));
}
