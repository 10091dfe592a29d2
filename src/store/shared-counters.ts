import { sql } from 'kysely';
import type { Db } from './schema.js';

/**
 * Counts one hit on a fixed-window counter and returns the count including it. A single upsert
 * both starts a window (first hit, or the old window over) and bumps a running one, so concurrent
 * hits from any number of instances each get a distinct count and none is lost.
 */
export async function hitCounter(db: Db, key: string, windowMs: number, now: Date): Promise<{ hits: number; resetsAt: string }> {
  const at = now.toISOString();
  const expired = sql<boolean>`shared_counters.resets_at <= ${at}`;
  const row = await db
    .insertInto('shared_counters')
    .values({ key, hits: 1, resets_at: new Date(now.getTime() + windowMs).toISOString() })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when ${expired} then 1 else shared_counters.hits + 1 end`,
        resets_at: sql<string>`case when ${expired} then excluded.resets_at else shared_counters.resets_at end`,
      }),
    )
    .returning(['hits', 'resets_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), resetsAt: row.resets_at };
}

export async function clearCounter(db: Db, key: string): Promise<void> {
  await db.deleteFrom('shared_counters').where('key', '=', key).execute();
}

/** Drops counters whose window is over; they would start afresh on their next hit anyway. */
export async function pruneCounters(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('shared_counters').where('resets_at', '<=', now.toISOString()).execute();
}
