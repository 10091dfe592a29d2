import type { Page } from './types.js';

/** A field-level problem from the API: `path` is like `body.title`. */
export type FieldProblem = { path: string; message: string };

/** An RFC 9457 problem the API answered with, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldProblem[];

  constructor(status: number, title: string, detail: string, errors: FieldProblem[] = []) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }

  /** The message for one field (`title`, `customer.name`…), wherever the server put it. */
  fieldError(field: string): string | undefined {
    return fieldMessage(this.errors, field);
  }
}

/** Finds a field's message in a problem's `errors`, accepting `body.` and `querystring.` prefixes. */
export function fieldMessage(errors: readonly FieldProblem[], field: string): string | undefined {
  const hit = errors.find((e) => e.path.replace(/^(body|querystring|params)\./, '') === field);
  return hit?.message;
}

/** The first problem of an API error at a field or under it (a list's items report as `path.N`), for forms that edit nested data. */
export function problemUnder(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.errors.find((e) => {
    const p = e.path.replace(/^body\./, '');
    return p === path || p.startsWith(`${path}.`);
  })?.message;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls the API on the same origin with the session cookie; throws ApiError for anything but 2xx. */
export async function api<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      signal: signal ?? null,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'Cannot reach Defuse', 'The server did not answer. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const p = (data ?? {}) as { title?: string; detail?: string; errors?: FieldProblem[] };
    throw new ApiError(
      response.status,
      p.title ?? `Request failed (${response.status})`,
      p.detail ?? 'The server could not complete this request.',
      Array.isArray(p.errors) ? p.errors : [],
    );
  }
  return data as T;
}

/** Builds a query string from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** GETs a list the API wraps as `{ items }` and returns the items. */
export async function apiItems<T>(path: string): Promise<T[]> {
  return (await api<{ items: T[] }>('GET', path)).items;
}

/** How many rows a cursor-paginated list asks for at a time. */
export const PAGE_SIZE = 50;

/** What every cursor-paginated infinite query shares: start without a cursor, go on with the last page's. */
export const cursorPages = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: Page<unknown>) => last.nextCursor ?? undefined,
};
