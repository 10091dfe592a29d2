import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { CliError, failureOf } from './cli-error.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('names a locked database file and what to do, instead of SQLite\'s bare "database is locked"', () => {
  dir = mkdtempSync(join(tmpdir(), 'defuse-cli-'));
  const file = join(dir, 'defuse.db');
  const server = new SQLite(file);
  server.pragma('journal_mode = WAL');
  server.exec('create table t (x integer)');
  const cli = new SQLite(file);
  cli.pragma('busy_timeout = 0');
  server.exec('begin immediate');
  let error: unknown;
  try {
    cli.exec('begin immediate');
  } catch (e) {
    error = e;
  }
  server.exec('rollback');
  cli.close();
  server.close();
  expect(failureOf(error)).toEqual({
    message:
      'the database file is locked by another process (a running server?): the command waited 5 s for it and stopped at that write, which was not made. Try again, or make the change through the server',
    exitCode: 1,
  });
});

it('keeps the exit codes: 2 for bad arguments and invalid input, 1 for the rest', () => {
  expect(failureOf(new CliError('--from must be a date', 2))).toEqual({ message: '--from must be a date', exitCode: 2 });
  expect(failureOf(new AppError('validation', 'The title is empty.'))).toEqual({ message: 'The title is empty.', exitCode: 2 });
  expect(failureOf(new AppError('not_found', 'The case was not found.'))).toEqual({ message: 'The case was not found.', exitCode: 1 });
  expect(failureOf(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toEqual({
    message: 'cannot reach the database (connect ECONNREFUSED 127.0.0.1:5432)',
    exitCode: 1,
  });
});
