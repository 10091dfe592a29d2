/** Stable error codes; the HTTP layer maps each to a status and a problem+json `type`. */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'gone'
  | 'conflict'
  | 'illegal_transition'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export type FieldError = { path: string; message: string };

/** The one error type domain and service code throws; its detail is safe to show to the caller. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** For `rate_limited`: when the caller may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
export const invalid = (path: string, message: string) => new AppError('validation', `${path}: ${message}`, [{ path, message }]);
