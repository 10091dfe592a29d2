import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldError } from '../domain/errors.js';

/** Each stable code's HTTP status and title (RFC 9457 problem details). */
const PROBLEMS: Record<ErrorCode, { status: number; title: string }> = {
  validation: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Sign-in required' },
  forbidden: { status: 403, title: 'Not allowed' },
  not_found: { status: 404, title: 'Not found' },
  gone: { status: 410, title: 'No longer available' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  illegal_transition: { status: 409, title: 'That status change is not allowed' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  unavailable: { status: 503, title: 'Not available right now' },
  internal: { status: 500, title: 'Internal error' },
};

export const problemType = (code: ErrorCode): string => `urn:defuse:problem:${code}`;

/** Fastify's own client errors, translated into our codes with a detail that tells what to do. */
const FASTIFY_CODES: Record<string, { code: ErrorCode; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', detail: 'The request body exceeds the size limit of this endpoint' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', detail: 'Send the body as application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'validation', detail: 'The Content-Length header does not match the body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'validation', detail: 'The body is empty; send a JSON object' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'validation', detail: 'The body is not valid JSON' },
  FST_ERR_CTP_INVALID_TYPE: { code: 'validation', detail: 'The Content-Type header is not valid' },
};

type Problem = { type: string; title: string; status: number; detail: string; errors?: FieldError[] };

function problemOf(code: ErrorCode, detail: string, errors?: FieldError[]): Problem {
  const { status, title } = PROBLEMS[code];
  return { type: problemType(code), title, status, detail, ...(errors?.length ? { errors } : {}) };
}

function toProblem(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof AppError) return problemOf(error.code, error.detail, error.errors);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const errors = error.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is not valid',
    }));
    return problemOf('validation', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  }
  if (isUniqueViolation(error)) {
    // Two requests raced to create the same thing (a playbook version, a name); the loser may retry.
    return problemOf('conflict', 'Someone else saved the same thing at the same moment; reload and try again');
  }
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return problemOf(known.code, known.detail);
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    return {
      type: problemType('validation'),
      title: 'The request could not be processed',
      status,
      detail: 'The request could not be processed',
    };
  }
  // Never forward an unknown error's message: it may carry SQL or internal paths.
  return problemOf('internal', `Something went wrong on our side; quote request id ${request.id} when reporting it`);
}

/** A unique constraint refused a write: PostgreSQL 23505, or SQLite's UNIQUE / PRIMARY KEY constraint. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The one place errors become responses: always application/problem+json, never a stack trace. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = toProblem(error, request);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ problem: problem.type, status: problem.status }, 'request refused');
  if (problem.status === 401) reply.header('www-authenticate', 'Bearer');
  if (error instanceof AppError && error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`), request, reply);
}
