import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { AppError } from '../domain/errors.js';

const MAX_DEPTH = 32;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Replaces Fastify's JSON parser: the default one silently turns bad UTF-8 into U+FFFD and accepts
 * any nesting depth; PRODUCT.md §6 wants both refused with a clear 400. Prototype poisoning is refused too.
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
    if (depthOf(value, 0) > MAX_DEPTH) return done(new AppError('validation', `The body is nested deeper than ${MAX_DEPTH} levels`));
    done(null, value);
  });
}

function depthOf(value: unknown, depth: number): number {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return depth;
  let max = depth + 1;
  for (const child of Object.values(value)) {
    max = Math.max(max, depthOf(child, depth + 1));
    if (max > MAX_DEPTH) break;
  }
  return max;
}
