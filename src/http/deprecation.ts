import type { RouteOptions } from 'fastify';

/**
 * An operation on its way out: since when it is deprecated, the first day it may be removed, and
 * where to read what replaces it. Declared in a route's config beside its permission.
 */
export type Deprecation = { since: string; sunset: string; link?: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    deprecation?: Deprecation;
  }
}

/** The shortest notice a client gets between an operation's deprecation and its removal, in months. */
export const MIN_NOTICE_MONTHS = 6;

function dayOf(value: string, what: string, route: string): Date {
  const at = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(at.getTime())) throw new Error(`${route}: deprecation ${what} must be YYYY-MM-DD`);
  return at;
}

/**
 * The headers a deprecated operation answers with: `Deprecation` as an RFC 9745 date (`@` and Unix
 * seconds), `Sunset` as an RFC 8594 HTTP-date, and a `Link` with `rel="deprecation"` when there is
 * something to read.
 */
export function deprecationHeaders(deprecation: Deprecation, route = 'route'): Record<string, string> {
  const since = dayOf(deprecation.since, 'since', route);
  const sunset = dayOf(deprecation.sunset, 'sunset', route);
  const earliest = new Date(since);
  earliest.setUTCMonth(earliest.getUTCMonth() + MIN_NOTICE_MONTHS);
  if (sunset < earliest)
    throw new Error(`${route}: a deprecated operation keeps working at least ${MIN_NOTICE_MONTHS} months (sunset ${deprecation.sunset})`);
  return {
    deprecation: `@${Math.floor(since.getTime() / 1000)}`,
    sunset: sunset.toUTCString(),
    ...(deprecation.link ? { link: `<${deprecation.link}>; rel="deprecation"; type="text/html"` } : {}),
  };
}

/**
 * The onRoute hook: a route whose config declares a deprecation is marked `deprecated` in the
 * OpenAPI document and answers with the deprecation headers. A sunset less than six months after
 * the deprecation refuses to build the app, so the promised notice cannot be cut short by mistake.
 */
export function markDeprecation(route: RouteOptions): void {
  const deprecation = (route.config as { deprecation?: Deprecation } | undefined)?.deprecation;
  if (!deprecation) return;
  const headers = deprecationHeaders(deprecation, `${String(route.method)} ${route.url}`);
  if (route.schema) (route.schema as { deprecated?: boolean }).deprecated = true;
  const existing = route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend];
  route.onSend = [
    ...existing,
    async (_request, reply, payload) => {
      reply.headers(headers);
      return payload;
    },
  ];
}
