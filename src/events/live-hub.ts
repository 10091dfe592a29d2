import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import pg from 'pg';
import type { DomainEvent } from '../domain/domain-events.js';
import type { JobLog } from '../jobs/job-runner.js';
import type { Db } from '../store/schema.js';

/** What live updates carry: which event, where, for whom; never its content (readers fetch what they may see). */
export type LiveMessage = Omit<DomainEvent, 'data'>;

/**
 * Fans events out to the browsers connected to every instance. The live processor publishes each
 * event once; every instance's stream route subscribes.
 */
export type LiveHub = {
  /** Publishes in the processor's transaction (on PostgreSQL the NOTIFY is delivered on commit). */
  publish(db: Db, message: LiveMessage): Promise<void>;
  subscribe(listener: (message: LiveMessage) => void): () => void;
  close(): Promise<void>;
};

/** One process (SQLite): publishing is an in-memory emit. */
export function createLocalHub(): LiveHub & { emit(message: LiveMessage): void } {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const emit = (message: LiveMessage) => emitter.emit('message', message);
  return {
    emit,
    async publish(_db, message) {
      emit(message);
    },
    subscribe(listener) {
      emitter.on('message', listener);
      return () => emitter.off('message', listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Several instances on PostgreSQL: NOTIFY on publish, and one LISTEN connection per instance that
 * passes what arrives to local subscribers. The channel is per schema, so databases sharing a
 * server (tests) do not hear each other. A dropped connection is re-opened after a second.
 */
export function createPostgresHub(options: {
  connectionString: string;
  schema?: string | undefined;
  log: JobLog;
}): LiveHub & { ready: Promise<void> } {
  const channel = `defuse_live_${(options.schema ?? 'public').replace(/[^a-z0-9_]/gi, '_')}`.slice(0, 63).toLowerCase();
  const local = createLocalHub();
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const c = new pg.Client({ connectionString: options.connectionString });
    c.on('notification', (n) => {
      if (n.channel !== channel || !n.payload) return;
      local.emit(JSON.parse(n.payload) as LiveMessage);
    });
    c.on('error', (error) => {
      options.log.warn({ err: error.message }, 'live updates connection lost; reconnecting');
      void c.end().catch(() => {});
      if (client === c) client = undefined;
      if (!closed) retry = setTimeout(() => void connect().catch(() => {}), 1000);
    });
    await c.connect();
    await c.query(`listen ${channel}`);
    client = c;
  };
  const ready = connect();

  return {
    async publish(db, message) {
      await sql`select pg_notify(${channel}, ${JSON.stringify(message)})`.execute(db);
    },
    subscribe(listener) {
      return local.subscribe(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await ready.catch(() => {});
      await client?.end().catch(() => {});
      await local.close();
    },
    /** Settles once the LISTEN is in place. */
    ready,
  };
}
