import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import { isPostgres } from './db.js';
import type { Db } from './schema.js';

/**
 * A hot statement built and compiled by Kysely once per dialect and shape, then run with new values.
 * Building and compiling a query costs more JavaScript than SQLite spends running a small insert,
 * so the statements every write makes (a case, its first event, its outbox row) skip that step.
 *
 * `build` receives a stand-in for the values: each of its properties is a unique marker, and the
 * compiled query's parameters are matched back to the markers. The shape (which properties are
 * given) is part of the cache key, so values that leave a column out compile a statement of their
 * own, as Kysely would. A marker that does not come back as a parameter (a value that built SQL
 * text) is refused when compiling, so a query whose text depends on its values cannot slip in.
 */
export function prepared<V extends Record<string, unknown>, R = unknown>(
  build: (db: Db, values: V) => Compilable<R>,
): (db: Db, values: V) => Promise<QueryResult<R>> {
  const templates = new Map<string, Template<R>>();
  return async (db, values) => {
    const names = Object.keys(values).filter((k) => values[k] !== undefined);
    const key = `${isPostgres(db) ? 'pg' : 'sqlite'}:${names.join(',')}`;
    let template = templates.get(key);
    if (!template) {
      template = compileTemplate(db, names, build);
      templates.set(key, template);
    }
    const parameters = template.slots.map((slot) => (typeof slot === 'string' ? values[slot] : slot.value));
    return db.executeQuery<R>({ ...template.query, parameters });
  };
}

type Slot = string | { value: unknown };
type Template<R> = { query: CompiledQuery<R>; slots: Slot[] };

const MARK = '\u0000defuse-slot:';

function compileTemplate<V extends Record<string, unknown>, R>(
  db: Db,
  names: string[],
  build: (db: Db, values: V) => Compilable<R>,
): Template<R> {
  const markers = Object.fromEntries(names.map((n) => [n, `${MARK}${n}`])) as V;
  const query = build(db, markers).compile();
  const used = new Set<string>();
  const slots = query.parameters.map((p): Slot => {
    if (typeof p === 'string' && p.startsWith(MARK)) {
      const name = p.slice(MARK.length);
      used.add(name);
      return name;
    }
    return { value: p };
  });
  const lost = names.filter((n) => !used.has(n));
  if (lost.length > 0 || query.sql.includes(MARK))
    throw new Error(`prepared statement: ${lost.join(', ') || 'a value'} did not compile to a parameter`);
  return { query, slots };
}
