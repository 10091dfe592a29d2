import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Db } from '../store/schema.js';
import { hitCounter, pruneCounters } from '../store/shared-counters.js';

type Hit = { current: number; ttl: number };
type ChildOptions = Parameters<FastifyRateLimitStore['child']>[0];

const PRUNE_EVERY_MS = 60_000;

/**
 * A store for @fastify/rate-limit that counts in the database (`shared_counters`), so a limit of
 * N a minute is N for the whole deployment, not N per instance. The plugin constructs the class
 * itself, hence a class made per database; each route gets its own key space, as with the
 * plugin's own stores.
 */
export function sharedRateLimitStore(db: Db) {
  let prunedAt = 0;
  return class SharedRateLimitStore implements FastifyRateLimitStore {
    readonly prefix: string;

    constructor(_options?: unknown, prefix = 'rate:') {
      this.prefix = prefix;
    }

    incr(key: string, callback: (error: Error | null, hit?: Hit) => void, timeWindow: number): void {
      const now = new Date();
      hitCounter(db, `${this.prefix}${key}`, timeWindow, now)
        .then(async ({ hits, resetsAt }) => {
          if (now.getTime() - prunedAt > PRUNE_EVERY_MS) {
            prunedAt = now.getTime();
            await pruneCounters(db, now);
          }
          callback(null, { current: hits, ttl: Math.max(0, Date.parse(resetsAt) - now.getTime()) });
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    }

    child(routeOptions: ChildOptions): SharedRateLimitStore {
      // The plugin passes the route's merged limit options with the route under `routeInfo`
      // (its typings describe the route itself).
      const { method, url } = (routeOptions as unknown as { routeInfo: { method?: string | string[]; url?: string } }).routeInfo;
      return new SharedRateLimitStore(undefined, `rate:${[method].flat().join(',')} ${url ?? ''}:`);
    }
  };
}
