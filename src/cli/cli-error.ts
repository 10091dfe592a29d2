import { ConfigError } from '../config/config.js';
import { AppError } from '../domain/errors.js';

/** A failure the CLI reports as one line; exit code 2 for bad arguments, 1 for everything else. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

const BUSY =
  'the database file is locked by another process (a running server?): the command waited 5 s for it and stopped at that write, which was not made. Try again, or make the change through the server';

/** The one line and exit code the CLI ends with for an error a command threw. */
export function failureOf(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof ConfigError) return { message: error.message, exitCode: 2 };
  if (error instanceof AppError) return { message: error.detail, exitCode: error.code === 'validation' ? 2 : 1 };
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return { message: BUSY, exitCode: 1 };
  const message = error instanceof Error ? error.message : String(error);
  return { message: message.includes('ECONNREFUSED') ? `cannot reach the database (${message})` : message, exitCode: 1 };
}
