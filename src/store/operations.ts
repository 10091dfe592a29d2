import { sql } from 'kysely';
import { isPostgres } from './db.js';
import type { Db } from './schema.js';

/** Work waiting in the background queues, for the metrics endpoint: one row per job name and state. */
export type QueueDepth = { job: string; state: string; count: number };

/**
 * Jobs not yet done, by name and state. The embedded runner keeps them in `jobs`; pg-boss in its own
 * schema, which does not exist until pg-boss has started once (then there is nothing to count).
 */
export async function jobQueueDepths(db: Db, bossSchema = 'pgboss'): Promise<QueueDepth[]> {
  if (isPostgres(db)) {
    const exists = await sql<{ found: string | null }>`select to_regclass(${`${bossSchema}.job`})::text as found`.execute(db);
    if (!exists.rows[0]?.found) return [];
    const rows = await sql<{ name: string; state: string; count: string }>`
      select name, state::text as state, count(*) as count from ${sql.table(`${bossSchema}.job`)}
      where state in ('created', 'retry', 'active', 'failed') group by name, state`.execute(db);
    return rows.rows.map((r) => ({ job: r.name, state: r.state, count: Number(r.count) }));
  }
  const rows = await db
    .selectFrom('jobs')
    .select(['name', 'state', (eb) => eb.fn.countAll<number>().as('count')])
    .where('state', 'in', ['pending', 'failed'])
    .groupBy(['name', 'state'])
    .execute();
  return rows.map((r) => ({ job: r.name, state: r.state, count: Number(r.count) }));
}

/** Mail waiting to go out (neither sent nor given up on) and when the oldest of it was queued. */
export async function emailBacklog(db: Db): Promise<{ waiting: number; oldestQueuedAt: string | null }> {
  const row = await db
    .selectFrom('outbox_emails')
    .select([(eb) => eb.fn.countAll<number>().as('waiting'), (eb) => eb.fn.min('created_at').as('oldest')])
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { waiting: Number(row.waiting), oldestQueuedAt: row.oldest ?? null };
}

/** How far each event processor is behind: events after its cursor (counted up to a cap) and the oldest one's time. */
export type ProcessorLag = { processor: string; behind: number; oldestAt: string | null; failures: number };

const LAG_COUNT_CAP = 100_000;

export async function eventProcessorLag(db: Db): Promise<ProcessorLag[]> {
  const processors = await db.selectFrom('event_processors').select(['name', 'cursor_tx', 'cursor_position']).orderBy('name').execute();
  const failures = await db
    .selectFrom('event_processor_failures')
    .select(['processor', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('processor')
    .execute();
  const lags: ProcessorLag[] = [];
  for (const p of processors) {
    const after = isPostgres(db)
      ? sql<boolean>`(tx, position) > (${p.cursor_tx}, ${p.cursor_position})`
      : sql<boolean>`position > ${p.cursor_position}`;
    // Counting stops at the cap, so a processor stuck far behind costs a bounded scan per scrape.
    const pending = db.selectFrom('event_outbox').select(['at']).where(after).limit(LAG_COUNT_CAP).as('pending');
    const row = await db
      .selectFrom(pending)
      .select([(eb) => eb.fn.countAll<number>().as('behind'), (eb) => eb.fn.min('pending.at').as('oldest')])
      .executeTakeFirstOrThrow();
    lags.push({
      processor: p.name,
      behind: Number(row.behind),
      oldestAt: row.oldest ?? null,
      failures: Number(failures.find((f) => f.processor === p.name)?.count ?? 0),
    });
  }
  return lags;
}
