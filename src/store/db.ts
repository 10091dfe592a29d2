import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type KyselyConfig,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import { pgTimestampToIso } from './pg-timestamps.js';
import type { Db, Tables } from './schema.js';
import { startWalCheckpointer } from './wal-checkpointer.js';

export type DatabaseKind = 'sqlite' | 'postgres';
export type Database = { db: Kysely<Tables>; kind: DatabaseKind; sqliteFile?: string; close(): Promise<void> };

/** Called after each query with its SQL, parameters and duration (benchmarks use it to replay what a request ran). */
export type QueryObserver = (query: { sql: string; parameters: readonly unknown[] }, ms: number) => void;

export type DatabaseOptions = {
  dataDir: string;
  databaseUrl?: string | undefined;
  pgSchema?: string;
  poolSize?: number;
  onQuery?: QueryObserver | undefined;
  /** SQLite: checkpoint the WAL from a worker thread rather than in whichever commit fills it (the server). */
  backgroundCheckpoints?: boolean;
};

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;

/** Opens the embedded SQLite file under dataDir, or PostgreSQL when a URL is given. */
export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.pgSchema, options.poolSize, options.onQuery);
  mkdirSync(options.dataDir, { recursive: true });
  return openSqlite(join(options.dataDir, 'defuse.db'), options.onQuery, options.backgroundCheckpoints);
}

/** Kysely's log option forwarding executed queries to an observer (none without one: logging costs a little per query). */
function observe(onQuery: QueryObserver | undefined): Pick<KyselyConfig, 'log'> {
  if (!onQuery) return {};
  return {
    log: (event) => {
      if (event.level === 'query') onQuery(event.query, event.queryDurationMillis);
    },
  };
}

/**
 * SQLite transactions that take the write lock as they begin. A deferred one that reads, then writes,
 * is refused at once (SQLITE_BUSY, the busy timeout never waited) when another process committed in
 * between: the CLI beside a running server. An immediate one waits its turn under busy_timeout.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

export function openSqlite(file: string, onQuery?: QueryObserver, backgroundCheckpoints = false): Database {
  const sqlite = new SQLite(file);
  // WAL lets readers run beside the writer; NORMAL sync in WAL survives a killed process
  // (only an OS crash can lose the last commits), and foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const checkpointer = backgroundCheckpoints ? startWalCheckpointer(sqlite, file) : undefined;
  const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }), ...observe(onQuery) });
  const close = async () => {
    await checkpointer?.stop();
    await db.destroy();
  };
  return { db, kind: 'sqlite', sqliteFile: file, close };
}

/**
 * Kysely prepares every query anew; preparing is a large share of a small SQLite query's cost, and
 * our queries repeat, so prepared statements are kept per SQL text (better-sqlite3 runs them synchronously,
 * one at a time, so sharing is safe). Bounded, because IN-lists of varying length make new texts.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (!stmt) {
        stmt = sqlite.prepare(sqlText);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

/**
 * Each connection's settings. JIT off: a list query over a million cases is priced far above
 * jit_above_cost (a LIMIT over a large estimated set), and compiling it took 1.6 to 1.8 s of a
 * query that ran in a fraction of that; our queries are short, where JIT never pays back.
 */
export function postgresSessionOptions(schema?: string): string {
  return ['-c jit=off', ...(schema ? [`-c search_path=${schema}`] : [])].join(' ');
}

function openPostgres(url: string, schema: string | undefined, poolSize = 10, onQuery?: QueryObserver): Database {
  // Normalise values so rows read the same on both databases: timestamps as ISO strings, bigints as numbers.
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === TIMESTAMPTZ_OID) return pgTimestampToIso;
      if (oid === INT8_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    options: postgresSessionOptions(schema),
  });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), ...observe(onQuery) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** Tells which SQL dialect a connection or transaction speaks. */
export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
