import type { AppError } from '../src/domain/errors.js';

/** The error code a service call fails with, or 'ok': refusals read as one word in a test. */
export const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => e.code,
  );
