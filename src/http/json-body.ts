import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { AppError } from '../domain/errors.js';

const MAX_DEPTH = 32;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Replaces Fastify's JSON parser: the default one silently turns bad UTF-8 into U+FFFD and accepts
 * any nesting depth; we refuse both with a clear 400, so a bad client learns why and a deeply nested body
 * cannot exhaust the stack. Prototype poisoning is refused too.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    const buffer = body;
    let text: string;
    try {
      text = utf8.decode(buffer);
    } catch {
      return done(new AppError('validation', 'The body is not valid UTF-8'));
    }
    if (text.trim() === '') return done(new AppError('validation', 'The body is empty; send a JSON object'));
    let value: unknown;
    try {
      value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch {
      return done(new AppError('validation', 'The body is not valid JSON'));
    }
    const problem = inspect(value, 0);
    if (problem) return done(new AppError('validation', problem));
    done(null, value);
  });
}

/** Finds what no route accepts anywhere in a body: deep nesting, and NUL characters (PostgreSQL text cannot hold them). */
function inspect(value: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH) return `The body is nested deeper than ${MAX_DEPTH} levels`;
  if (typeof value === 'string') return value.includes('\u0000') ? 'The body contains a NUL character, which no field accepts' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const problem =
      (key.includes('\u0000') ? 'The body contains a NUL character, which no field accepts' : null) ?? inspect(child, depth + 1);
    if (problem) return problem;
  }
  return null;
}
