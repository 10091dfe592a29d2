import type { RouteOptions } from 'fastify';

/**
 * What the OpenAPI document says about every operation beyond its schemas, decided in one place so
 * that routes added later follow the same rules: a stable operationId derived from the method and
 * path (generated clients name their methods after it), and a tag when a route gave none.
 */

const VERB: Record<string, string> = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete' };

/**
 * The operationId of a route: the method, then each path segment after /api/v1 in camel case, a
 * parameter as `By<Name>`. `GET /api/v1/cases/{ref}/statements` → `getCasesByRefStatements`. It
 * changes only when the method or path does, which would be a new operation anyway.
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/(v1\/)?/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^[:{](\w+)}?$/.exec(segment)?.[1];
      return param
        ? `By${capital(param)}`
        : segment
            .split(/[^A-Za-z0-9]+/)
            .filter(Boolean)
            .map(capital)
            .join('');
    });
  return `${VERB[method] ?? method.toLowerCase()}${words.join('')}`;
}

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** The onRoute hook: names each documented operation and tags it by its first path segment when untagged. */
export function nameOperation(route: RouteOptions): void {
  if (!route.schema || route.schema.hide || typeof route.method !== 'string' || route.method === 'HEAD') return;
  const schema = route.schema as { operationId?: string; tags?: string[] };
  schema.operationId ??= operationIdOf(route.method, route.url);
  if (!schema.tags || schema.tags.length === 0) schema.tags = [route.url.replace(/^\/api\/(v1\/)?/, '').split('/')[0] || 'operations'];
}

type Doc = { paths?: Record<string, Record<string, { parameters?: { in?: string; schema?: Record<string, unknown> }[] }>> };

/**
 * Tidies the generated document: a query parameter whose schema came out as an empty `anyOf` (a
 * zod union of transforms, which JSON Schema cannot state) is described as what it is on the wire,
 * a string.
 */
export function tidyDocument<T>(document: T): T {
  for (const operations of Object.values((document as Doc).paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const parameter of operation.parameters ?? []) {
        const anyOf = parameter.schema?.anyOf;
        if (parameter.in === 'query' && Array.isArray(anyOf) && anyOf.length === 0) parameter.schema = { type: 'string' };
      }
    }
  }
  return document;
}
