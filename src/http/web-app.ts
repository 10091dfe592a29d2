import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { workspaceAbilities } from '../presenters/workspace-abilities.js';
import { authenticateSession } from '../services/sessions.js';
import { SESSION_COOKIE, SIGNED_IN_HINT_COOKIE } from './authenticate.js';
import { sendNotFound } from './problem.js';

/**
 * dist/web relative to this file: src/http and dist/http are both two levels below the project
 * root, so the same path works under tsx and from the compiled server.
 */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export type WebAppOptions = { root?: string | undefined };

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Defuse: web app not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2933}code{background:#f1f3f5;padding:.1rem .3rem;border-radius:4px}</style>
</head><body><h1>The web app has not been built yet</h1>
<p>The API is running (see <a href="/api/docs">/api/docs</a>), but there is no built web app to serve.</p>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload this page.</p>
</body></html>`;

const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/** Paths the single-page app must never answer: the API and the public customer pages own them. */
const isServerPath = (path: string) => /^\/(api|public)(\/|$)/.test(path);

/** Written by the build (scripts/web-build/route-preloads.ts): per path, the page's script files. */
type RoutePreloads = Record<string, string[]>;

function readRoutePreloads(root: string): RoutePreloads {
  const file = join(root, 'route-preloads.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RoutePreloads) : {};
}

/** The page's files: by exact path, then one segment under a prefix, then any other page. */
const preloadsFor = (path: string, table: RoutePreloads) => table[path] ?? table[path.replace(/\/[^/]+$/, '/*')] ?? table['*'] ?? [];

const hasSignedInHint = (request: FastifyRequest) => (request.headers.cookie ?? '').split(/;\s*/).includes(`${SIGNED_IN_HINT_COOKIE}=1`);

const OPEN_STATUSES = 'reported,acknowledged,investigating,resolving,reopened';

/**
 * The first page of the inbox's default view, exactly as the web app asks for it (its first
 * built-in view: web/src/lib/saved-views.ts, at PAGE_SIZE 50): open cases soonest due for those
 * who work an inbox, else their own cases, newest first. e2e/pages.test.ts checks the app then
 * asks for it once, so the two cannot drift apart unnoticed.
 */
export function defaultInboxPage(workCaseInbox: boolean): string {
  const query = new URLSearchParams(
    workCaseInbox
      ? { status: OPEN_STATUSES, sort: 'next_due_at', order: 'asc', limit: '50' }
      : { sort: 'reported_at', order: 'desc', limit: '50' },
  );
  return `/api/v1/cases?${query.toString()}`;
}

const preloadFetch = (url: string) => `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`;

/**
 * A signed-in page's first load needs the account and the page's code, which the app would ask
 * for only once its entry has run: named in the response, the browser fetches them beside the
 * entry. The inbox's own first page is named too when the session is valid, so its rows arrive
 * while the code is still being read. Signed out, nothing is named (the account would answer 401,
 * printed as an error).
 */
async function linkHeader(request: FastifyRequest, path: string, table: RoutePreloads): Promise<string | null> {
  const files = preloadsFor(path, table);
  if (files.length === 0 || !hasSignedInHint(request)) return null;
  const links = [preloadFetch('/api/v1/me'), ...files.map((f) => `<${f}>; rel=modulepreload`)];
  const token = request.cookies?.[SESSION_COOKIE];
  if (path === '/cases' && !request.url.includes('?') && token) {
    const session = await authenticateSession(request.server.db, token, new Date());
    if (session) links.push(preloadFetch(defaultInboxPage(workspaceAbilities(session.actor).workCaseInbox)));
  }
  return links.join(', ');
}

/**
 * Serves the built web app at `/`: hashed assets with a year-long immutable cache, and index.html
 * (never cached) for any other GET that is not an API or public path, so deep links survive a
 * reload. Without a build it answers a 503 page saying how to make one.
 */
export async function webApp(app: FastifyInstance, options: WebAppOptions = {}): Promise<void> {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  const built = existsSync(join(root, 'index.html'));
  const routePreloads = built ? readRoutePreloads(root) : {};

  if (built) {
    // Hashed bundles: served from disk per request (a rebuild while running is picked up) and
    // cached for a year, since a new build gives them new names.
    await app.register(fastifyStatic, {
      root: join(root, 'assets'),
      prefix: '/assets/',
      index: false,
      // The build writes a .br and a .gz beside each file; the client gets the best it accepts.
      preCompressed: true,
      cacheControl: false,
      // sendFile of index.html and top-level files passes through here too: only assets are immutable.
      setHeaders: (reply, path) => {
        const isAsset = path.startsWith(join(root, 'assets'));
        reply.header('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
        // Policies that govern a document mean nothing on a script or a stylesheet, yet would cost
        // about 600 bytes on each of them; nosniff and the resource policy stay.
        if (isAsset) for (const name of DOCUMENT_ONLY_HEADERS) reply.removeHeader(name);
      },
    });
  }

  const serveApp = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (isServerPath(path) || path.startsWith('/assets/')) return sendNotFound(request, reply);
    if (!built) return reply.status(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
    // Top-level files of the build (favicon…) by exact name; every other path is a page of the app.
    const file = /^\/[\w.-]+\.[a-z0-9]+$/i.test(path) ? path.slice(1) : null;
    if (file && file !== 'index.html' && existsSync(join(root, file))) {
      return reply.sendFile(file, root);
    }
    if (file) return sendNotFound(request, reply);
    const link = await linkHeader(request, path, routePreloads);
    if (link) reply.header('link', link);
    return reply.header('vary', 'cookie').sendFile('index.html', root);
  };
  app.get('/', { schema: { hide: true } }, serveApp);
  app.get('/*', { schema: { hide: true } }, serveApp);
}
