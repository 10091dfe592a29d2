import { type ExpressionBuilder, sql } from 'kysely';
import { caseRefIn, caseRefLikeNumber, formatCaseRef } from '../domain/case.js';
import type { CaseStatus } from '../domain/case-status.js';
import { UNHAPPY_AT_MOST } from '../domain/follow-through.js';
import { isEmptySearch, parseSearchQuery, type SearchQuery } from '../domain/search-query.js';
import { type CaseDimensionFilter, caseDimensionConditions } from './case-dimension-filters.js';
import { type TagFilter, tagConditions } from './case-tag-filter.js';
import { type CustomerSignalFilter, customerSignalConditions } from './customer-signal-filters.js';
import { isPostgres } from './db.js';
import { prepared } from './prepared.js';
import type { CaseEventRow, CasePartyRow, CaseRow, Db, StatementRow, Tables } from './schema.js';

/** Hands out the next case number of the year for a workspace; atomic on both databases. */
export async function nextCaseRef(db: Db, workspaceId: string, year: number): Promise<string> {
  const { rows } = await bumpCaseCounter(db, { workspaceId, year });
  const row = rows[0];
  if (!row) throw new Error('the case counter returned no row');
  return formatCaseRef(year, row.last_seq);
}

// Every new case runs these two: compiled once (src/store/prepared.ts).
const bumpCaseCounter = prepared((db: Db, v: { workspaceId: string; year: number }) =>
  db
    .insertInto('case_counters')
    .values({ workspace_id: v.workspaceId, year: v.year, last_seq: 1 })
    .onConflict((oc) => oc.columns(['workspace_id', 'year']).doUpdateSet({ last_seq: sql`case_counters.last_seq + 1` }))
    .returning('last_seq'),
);
const insertCaseRow = prepared((db: Db, row: CaseRow) => db.insertInto('cases').values(row));

export async function insertCase(db: Db, row: CaseRow): Promise<void> {
  await insertCaseRow(db, row);
}

/** Reads a case; `forUpdate` locks its row on PostgreSQL so timeline appends are serialised per case. */
export function findCaseByRef(db: Db, workspaceId: string, ref: string, forUpdate = false): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('ref', '=', ref)
    .$if(forUpdate && isPostgres(db), (q) => q.forUpdate())
    .executeTakeFirst();
}

/** next_due_at: the earlier open clock, breached first (the most urgent first). */
export type CaseSort = 'reported_at' | 'updated_at' | 'severity' | 'resolve_due_at' | 'next_due_at';
/** Restricts a list to the cases of some teams and the cases a user is involved in. */
export type CaseListScope = { teamIds: readonly string[]; involvedUserId: string | null };

export type CaseQuery = CustomerSignalFilter &
  CaseDimensionFilter &
  TagFilter & {
    workspaceId: string;
    scope?: CaseListScope | undefined;
    status?: CaseStatus[] | undefined;
    severity?: number[] | undefined;
    channel?: string[] | undefined;
    rootCause?: string[] | undefined;
    teamId?: string | undefined;
    assigneeId?: string | null | undefined;
    reportedFrom?: string | undefined;
    reportedTo?: string | undefined;
    q?: string | undefined;
    /** Only cases that need a supervisor's attention (see attentionFilter). */
    attention?: boolean | undefined;
    /** Leave out cases merged into another. */
    hideMerged?: boolean | undefined;
    sort: CaseSort;
    order: 'asc' | 'desc';
    limit: number;
    after?: { value: string | number; id: string } | undefined;
  };

/**
 * Keyset-paginated case list; asks for limit + 1 rows so the caller knows whether a next page exists.
 * The page is found by its keys alone (id and sort column), then only its rows are read whole:
 * sorting a few thousand candidates with every column of each row cost most of a list's time.
 */
export async function listCaseRows(db: Db, query: CaseQuery, plan?: ListPlan): Promise<CaseRow[]> {
  const cmp = query.order === 'asc' ? '>' : '<';
  const { search, candidates, team } = plan ?? (await planList(db, query));
  let qb = filteredCases(db, query, search, candidates, team).select('cases.id');
  if (query.after) {
    const { value, id } = query.after;
    qb = qb.where((eb) => eb(eb.refTuple(`cases.${query.sort}`, 'cases.id'), cmp, eb.tuple(value, id)));
  }
  // A small team's cases are read from the team's index and sorted: an expression to sort by keeps the planner off the sort index.
  const keys = await qb
    .orderBy(team === 'drive' ? sql.raw(`+cases.${query.sort}`) : sql.ref(`cases.${query.sort}`), query.order)
    .orderBy('cases.id', query.order)
    .limit(query.limit + 1)
    .execute();
  const rows = await casesByIds(
    db,
    query.workspaceId,
    keys.map((k) => k.id),
  );
  return keys.flatMap((k) => rows.get(k.id) ?? []);
}

/**
 * Some cases of a workspace by id. On SQLite the unary plus keeps the planner on the primary key:
 * without statistics it took a workspace index for the likelier way in and walked every case.
 */
async function casesByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, CaseRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('cases').selectAll().where(inWorkspace(db, workspaceId)).where('cases.id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The references of some cases of a workspace, by id. */
export async function caseRefsByIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // A thousand ids a query, well inside both databases' limits on bound parameters.
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('cases')
      .select(['cases.id', 'cases.ref'])
      .where(inWorkspace(db, workspaceId))
      .where('cases.id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) out.set(r.id, r.ref);
  }
  return out;
}

/** `cases.workspace_id = ?`, on SQLite as a check on the row found rather than a way into an index. */
const inWorkspace = (db: Db, workspaceId: string) =>
  isPostgres(db) ? sql<boolean>`cases.workspace_id = ${workspaceId}` : sql<boolean>`+cases.workspace_id = ${workspaceId}`;

/** How many cases the list's filters match, over all its pages. */
export async function countCaseRows(
  db: Db,
  query: Omit<CaseQuery, 'sort' | 'order' | 'limit' | 'after'>,
  upTo: number,
  plan?: ListPlan,
): Promise<{ count: number; capped: boolean }> {
  // Counting stops past `upTo`: an exact count reads every matching row, and a big inbox only needs "1,000+".
  // A count needs no order: it always reads the candidates' set.
  // A constant, not the id: an index that holds the filter's columns then answers alone.
  const planned = plan ?? (await planList(db, query));
  const found = planned.search;
  if (found === 'probe' && (await fullTextMatchesPast(db, query, upTo))) return { count: upTo, capped: true };
  // A walked search's hits lead its count, unless a small set of candidates does: then each is looked up in them.
  const search = found === 'walk' && candidateSet(query) === null ? 'drive' : found;
  // PostgreSQL: a large set of one person's cases is a hashed check on the status index's entries
  // (`cases_ws_status_ids`; an employee's open cases: 15 ms, where reading their 10,000 cases by id took
  // 0.13 s); Needs attention's candidates, fewer once scoped, lead its count.
  const candidates = isPostgres(db) && !query.attention ? planned.candidates : 'drive';
  const matches = filteredCases(db, query, search, candidates)
    .select(sql<number>`1`.as('one'))
    .limit(upTo + 1)
    .as('matches');
  const row = await db
    .selectFrom(matches)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > upTo ? { count: upTo, capped: true } : { count: n, capped: false };
}

/**
 * SQLite, a search with many hits: whether more than `upTo` cases match the words alone (the
 * full-text hits in the index's order, each case looked up by rowid and checked by the other
 * filters), in which case the count is "more" whatever the customers' names add. Probing the index
 * once per case of the list's order to count them took half a second at a million cases.
 */
async function fullTextMatchesPast(db: Db, query: Omit<CaseQuery, 'sort' | 'order' | 'limit' | 'after'>, upTo: number): Promise<boolean> {
  const search = parseSearchQuery(query.q ?? '');
  if (isEmptySearch(search)) return false;
  const others = filteredCases(db, { ...query, q: undefined }, 'planner', 'drive').select(sql<number>`cases.rowid`.as('rowid'));
  const row = await sql<{ n: number }>`select count(*) as n from (select 1 from cases_fts cross join (${others}) as matched
    on matched.rowid = cases_fts.rowid where cases_fts match ${toFtsQuery(search)} limit ${upTo + 1})`.execute(db);
  return Number(row.rows[0]?.n ?? 0) > upTo;
}

/**
 * How SQLite should use the full-text index for a search: `drive` reads the cases from its hit list
 * (few hits: look them up and sort them); `walk` walks the list's sort index and looks each entry up
 * in the hit list, read once (more hits); `probe` walks it and asks the index about each case (hits
 * in most cases: the first page is found after a few rows, and reading a million hits into a set
 * would cost more). Probing costs a search of every segment of the index per case, so a search
 * with hits in one case of eight took 0.1 s at a million cases that way and 0.02 s walked. Left to
 * the planner, its choice depends on whether ANALYZE has run: with statistics it drove from a hit
 * list of 476k rows and sorted them all. The hit count decides instead, so the plan is the same with
 * or without them.
 */
type SearchPlan = 'drive' | 'walk' | 'probe' | 'planner';

async function searchPlan(db: Db, query: Pick<CaseQuery, 'workspaceId' | 'q'>, limits: ListPlanLimits): Promise<SearchPlan> {
  const q = query.q;
  if (!q || caseRefIn(q)) return 'planner';
  const search = parseSearchQuery(q);
  if (isEmptySearch(search)) return isPostgres(db) ? 'planner' : 'drive';
  if (isPostgres(db)) return (await postgresHitsPast(db, query.workspaceId, search, limits.driveFromHits)) ? 'planner' : 'drive';
  const row = await sql<{
    n: number;
  }>`select count(*) as n from (select rowid from cases_fts where cases_fts match ${toFtsQuery(search)} limit ${limits.probeFromHits + 1})`.execute(
    db,
  );
  const hits = Number(row.rows[0]?.n ?? 0);
  return hits <= limits.driveFromHits ? 'drive' : hits <= limits.probeFromHits ? 'walk' : 'probe';
}

/**
 * How SQLite reads the candidates of Needs attention or of one person's cases (their rowids, from
 * covering indexes): `drive` sorts the set (up to LIST_PLAN_LIMITS.walkFrom), `walk` walks the list's
 * sort index and keeps the rows in the set, which is a lookup in the set per index entry and finds a
 * page of a large set early; sorting 12,000 candidates of Needs attention read each one's row.
 * PostgreSQL takes the same two plans for the same sets (postgresCandidateSet).
 */
type CandidatePlan = 'drive' | 'walk';

/**
 * Over `walkFrom` candidates a list walks its sort index; over `driveFromHits` full-text hits a search
 * walks it too, and over `probeFromHits` it probes the index per case (searchPlan). Tests pass lower
 * ones to take those plans over a few cases.
 */
export type ListPlanLimits = { readonly walkFrom: number; readonly driveFromHits: number; readonly probeFromHits: number };
export const LIST_PLAN_LIMITS: ListPlanLimits = Object.freeze({ walkFrom: 2_000, driveFromHits: 5_000, probeFromHits: 200_000 });

type CandidateFilter = Pick<CaseQuery, 'workspaceId' | 'attention' | 'scope' | 'q'>;

/** How SQLite reads a list (PostgreSQL plans from its statistics, but for a search's few hits and a large set of candidates): decided once, for its page and its count alike. */
export type ListPlan = { readonly search: SearchPlan; readonly candidates: CandidatePlan; readonly team: TeamPlan };

/**
 * PostgreSQL prices a word missing from its statistics' common words at some thousands of hits, so
 * for a rare word it walked the sort index over every case of a million looking for a page (6 s for
 * 13 hits). Up to driveFromHits hits, the list reads them from the full-text index instead; over it,
 * the planner's walk finds a page early.
 */
async function postgresHitsPast(db: Db, workspaceId: string, search: SearchQuery, upTo: number): Promise<boolean> {
  const row = await sql<{ n: number | string }>`select count(*) as n from (select 1 from cases where workspace_id = ${workspaceId}
    and search_vector @@ (${toTsQuery(search)}) limit ${upTo + 1}) as hits`.execute(db);
  return Number(row.rows[0]?.n ?? 0) > upTo;
}

/** Sizes the list's sets (hits of its search, its candidates, its team's cases) to choose its plan. */
export async function planList(
  db: Db,
  query: CandidateFilter & Pick<CaseQuery, 'q' | 'teamId'>,
  limits: ListPlanLimits = LIST_PLAN_LIMITS,
): Promise<ListPlan> {
  return {
    search: await searchPlan(db, query, limits),
    candidates: await candidatePlan(db, query, limits),
    team: await teamPlan(db, query, limits),
  };
}

/**
 * How SQLite reads a list filtered by team: `walk` walks the list's sort index and checks the team
 * (a large team: a page is found after a few entries), `drive` reads the team's cases from its
 * index and sorts them (up to walkFrom). After ANALYZE the planner took the team's index for a
 * team of 62,000 cases and sorted them all (0.3 s at a million); without statistics it walked
 * the sort index, which for a team of a few cases would read the whole workspace.
 */
type TeamPlan = 'drive' | 'walk' | 'planner';

async function teamPlan(db: Db, query: Pick<CaseQuery, 'workspaceId' | 'teamId'>, limits: ListPlanLimits): Promise<TeamPlan> {
  if (!query.teamId || isPostgres(db)) return 'planner';
  const row = await sql<{ n: number }>`select count(*) as n from (select 1 from cases where workspace_id = ${query.workspaceId}
    and team_id = ${query.teamId} limit ${limits.walkFrom + 1})`.execute(db);
  return Number(row.rows[0]?.n ?? 0) > limits.walkFrom ? 'walk' : 'drive';
}

async function candidatePlan(db: Db, query: CandidateFilter, limits: ListPlanLimits): Promise<CandidatePlan> {
  const set = isPostgres(db) ? postgresCandidateSet(db, query) : candidateSet(query);
  if (!set) return 'drive';
  const row = await sql<{ n: number | string }>`select count(*) as n from (${set} limit ${limits.walkFrom + 1}) as candidates`.execute(db);
  return Number(row.rows[0]?.n ?? 0) > limits.walkFrom ? 'walk' : 'drive';
}

/**
 * PostgreSQL, for sizing as on SQLite: the cases that may need attention (the reopened ones within
 * the list's scope), else one person's cases. Left to itself the planner took either set for a few
 * hundred rows and read each of its cases by id to sort them: 12,000 for Needs attention, 10,000 for
 * an employee's cases, 0.14 to 0.2 s at a million cases. Over walkFrom the list walks its sort index
 * instead, each entry checked by the rules or looked up in the set (hashed), and finds a page early.
 * A search keeps the sets as they were: its hits are the rarer condition, and a count of an
 * employee's hits walked with the set as a check read 800,000 cases for a thousand.
 */
function postgresCandidateSet(db: Db, query: CandidateFilter) {
  if (query.q) return null;
  if (query.attention) return attentionCandidates(db, query.workspaceId, query.scope);
  const scope = query.scope;
  if (scope && scope.teamIds.length === 0 && scope.involvedUserId) return personalIds(db, query.workspaceId, scope.involvedUserId);
  return null;
}

/** The set that leads a list on SQLite, for sizing it: the cases that may need attention, else one person's cases. */
function candidateSet(query: CandidateFilter) {
  if (query.attention) return attentionRowids(query.workspaceId);
  const scope = query.scope;
  if (scope && scope.teamIds.length === 0 && scope.involvedUserId) return personalCandidates(query.workspaceId, scope.involvedUserId);
  return null;
}

/** The cases of a workspace that a list's filters match (no order, no page). */
function filteredCases(
  db: Db,
  query: Omit<CaseQuery, 'sort' | 'order' | 'limit' | 'after'>,
  plan: SearchPlan,
  candidates: CandidatePlan,
  team: TeamPlan = 'planner',
) {
  const pg = isPostgres(db);
  // Some filters name a small set of cases: the search's hits, the cases that may need attention,
  // the flagged cases and their customers' (threat), the flagged customers' cases (abuse), the cases
  // of one person (a scope with no team).
  // On SQLite the set is then the only way in: the unary plus keeps the planner off the workspace's
  // sort indexes (walking one of them to find a few rows among a million took seconds), with or
  // without statistics; the workspace is still checked. A large set of candidates is walked instead
  // (candidatePlan): the plus then keeps the planner off the set.
  const ledBySet = candidateSet(query) !== null;
  const walk = !pg && ledBySet && candidates === 'walk';
  const fromSmallSet =
    !pg && !walk && ((plan === 'drive' && query.q !== undefined) || query.threat === true || query.abuseFlagged === true || ledBySet);
  const inSet = (set: ReturnType<typeof attentionRowids>) =>
    walk ? sql<boolean>`+cases.rowid in (${set})` : sql<boolean>`cases.rowid in (${set})`;
  let qb = db
    .selectFrom('cases')
    .where(fromSmallSet ? inWorkspace(db, query.workspaceId) : sql<boolean>`cases.workspace_id = ${query.workspaceId}`);
  if (query.scope) {
    const scope = query.scope;
    const user = scope.involvedUserId;
    if (pg || !user) qb = qb.where((eb) => caseInScope(eb, query.workspaceId, scope, pg && candidates === 'walk'));
    else {
      // Beside teams, the user's cases stay rowids: the status index then holds all a count of open cases checks.
      qb = qb.where((eb) =>
        scope.teamIds.length > 0
          ? eb.or([eb('cases.team_id', 'in', scope.teamIds), sql<boolean>`cases.rowid in (${personalRowids(query.workspaceId, user)})`])
          : personalCases(query.workspaceId, user, walk),
      );
    }
  }
  // A search probing the full-text index per case walks the sort index: from the status index (the
  // planner's pick after ANALYZE) it probed every open case and sorted them, 3.4 s at a million.
  if (query.status?.length) qb = qb.where(plan === 'probe' ? sql`+cases.status` : sql.ref('cases.status'), 'in', query.status);
  if (query.severity?.length) qb = qb.where('cases.severity', 'in', query.severity);
  if (query.channel?.length) qb = qb.where('cases.channel', 'in', query.channel);
  if (query.rootCause?.length) qb = qb.where('cases.root_cause_category', 'in', query.rootCause);
  if (query.teamId) qb = qb.where(team === 'walk' ? sql`+cases.team_id` : sql.ref('cases.team_id'), '=', query.teamId);
  if (query.hideMerged) qb = qb.where('cases.merged_into_id', 'is', null);
  if (query.assigneeId === null) qb = qb.where('cases.assignee_id', 'is', null);
  else if (query.assigneeId) qb = qb.where('cases.assignee_id', '=', query.assigneeId);
  if (query.reportedFrom) qb = qb.where('cases.reported_at', '>=', query.reportedFrom);
  if (query.reportedTo) qb = qb.where('cases.reported_at', '<', query.reportedTo);
  if (query.attention)
    qb = qb.where((eb) =>
      pg
        ? // Walked, the sort index's entries are checked by the rules alone: the first page is found early.
          candidates === 'walk'
          ? attentionChecks(eb)
          : needsAttention(eb, query.workspaceId, query.scope)
        : eb.and([inSet(attentionRowids(query.workspaceId)), attentionChecks(eb)]),
    );
  if (query.repeatSince || query.threat || query.abuseFlagged)
    qb = qb.where((eb) => eb.and(customerSignalConditions(eb, query.workspaceId, query, pg)));
  if (query.caseTypeId || query.employeeId || query.breached || query.satisfaction?.length || query.supported?.length)
    qb = qb.where((eb) => eb.and(caseDimensionConditions(eb, query.workspaceId, query, pg)));
  if (query.tags?.length) qb = qb.where((eb) => eb.and(tagConditions(eb, query.workspaceId, query)));
  if (query.q) {
    const q = query.q;
    const search = parseSearchQuery(q);
    const byRef = caseRefIn(q);
    // LIKE's wildcards are dropped rather than escaped: SQLite has no default escape character.
    const words = q
      .toLowerCase()
      .replace(/[%_\\]/g, '')
      .split(/\s+/)
      .filter((w) => w.length > 0);
    qb = qb.where((eb) => {
      // A case number (whole, or the number alone) means that case, not words that happen to match.
      if (byRef) return 'ref' in byRef ? eb('cases.ref', '=', byRef.ref) : eb('cases.ref', 'like', caseRefLikeNumber(byRef.number));
      const fts = isEmptySearch(search) ? null : toFtsQuery(search);
      // The customer by name or by email (whole); the list's scope still decides what is seen.
      const customers = words.length > 0 ? customersNamed(eb, query.workspaceId, q, words, pg) : null;
      if (plan === 'drive' && pg) {
        // The few hits as an array read once from the full-text index, beside the named customers' cases.
        const parts = [];
        if (!isEmptySearch(search))
          parts.push(
            sql<boolean>`cases.id = any(array(select hit.id from cases as hit where hit.workspace_id = ${query.workspaceId}
              and hit.search_vector @@ (${toTsQuery(search)})))`,
          );
        if (customers) parts.push(sql<boolean>`cases.customer_id = any(array(${customers}))`);
        return parts.length > 0 ? eb.or(parts) : sql<boolean>`1 = 0`;
      }
      if (plan === 'drive') {
        // One set of rows from both indexes: the full-text hits and the named customers' cases.
        const parts = [];
        if (fts) parts.push(sql`select rowid from cases_fts where cases_fts match ${fts}`);
        if (customers)
          parts.push(
            sql`select found.rowid from cases as found where found.workspace_id = ${query.workspaceId} and found.customer_id in ${customers}`,
          );
        return parts.length > 0 ? sql<boolean>`cases.rowid in (${sql.join(parts, sql` union all `)})` : sql<boolean>`1 = 0`;
      }
      const any = [];
      if (!isEmptySearch(search))
        any.push(
          pg
            ? sql<boolean>`cases.search_vector @@ (${toTsQuery(search)})`
            : plan === 'walk'
              ? sql<boolean>`+cases.rowid in (select rowid from cases_fts where cases_fts match ${fts})`
              : sql<boolean>`exists (select 1 from cases_fts where cases_fts match ${fts} and cases_fts.rowid = cases.rowid)`,
        );
      // PostgreSQL: the named customers as an array, read once, keep the OR indexable (a BitmapOr of
      // the full-text and customer indexes, or the sort index walked when hits are many); beside
      // `in (subquery)` the match was a filter on every case (2.7 s at 100,000 for a word no case has).
      if (customers) any.push(pg ? sql<boolean>`cases.customer_id = any(array(${customers}))` : eb('cases.customer_id', 'in', customers));
      return any.length > 0 ? eb.or(any) : sql<boolean>`1 = 0`;
    });
  }
  return qb;
}

/** The workspace's customers a search names: each word starts a part of the name, or the whole text is an address of theirs. */
function customersNamed(eb: ExpressionBuilder<Tables, 'cases'>, workspaceId: string, q: string, words: string[], pg: boolean) {
  const email = q.trim().toLowerCase();
  // On SQLite the trigram index (migration 0038) names the customers whose name holds every word of
  // three letters or more, and the rule is checked on those alone; shorter words it cannot look up.
  const indexed = pg ? [] : words.filter((w) => [...w].length >= 3);
  return (
    eb
      .selectFrom('customers')
      .select('customers.id')
      .where(
        indexed.length > 0 ? sql<boolean>`+customers.workspace_id = ${workspaceId}` : sql<boolean>`customers.workspace_id = ${workspaceId}`,
      )
      .$if(indexed.length > 0, (c) =>
        c.where(
          sql<boolean>`customers.rowid in (select rowid from customers_names where ${sql.join(
            indexed.map((w) => sql`customers_names.name like ${`%${w}%`}`),
            sql` and `,
          )})`,
        ),
      )
      // Each word starts one of the name's parts ("hel" finds Helen, "the" does not find Heather).
      .where((c) =>
        c.and(
          words.map((w) =>
            c.or([c(sql<string>`lower(customers.name)`, 'like', `${w}%`), c(sql<string>`lower(customers.name)`, 'like', `% ${w}%`)]),
          ),
        ),
      )
      .unionAll(
        eb
          .selectFrom('customers')
          .select('customers.id')
          .where('customers.workspace_id', '=', workspaceId)
          .where(sql<string>`lower(customers.email)`, '=', email),
      )
      // An address carried over from a merged duplicate still finds the customer.
      .unionAll(
        eb
          .selectFrom('customer_contacts')
          .select('customer_contacts.customer_id as id')
          .where('customer_contacts.workspace_id', '=', workspaceId)
          .where(sql<string>`lower(customer_contacts.value)`, '=', email),
      )
  );
}

/**
 * The case belongs to one of the scope's teams or involves its user (reporter, handler or named party).
 * The user's cases are one set read from three small indexes; an OR of the three columns beside the
 * others made the planner walk every case of the workspace. `asFilter` (PostgreSQL, a set of more
 * than LIST_PLAN_LIMITS.walkFrom cases): `(… in set) is true` is a hashed check on each entry of the
 * index walked, never a join from the set, which read every case of the set by id to sort them
 * (10,000 rows, 140 ms, for an employee at a million cases).
 */
export function caseInScope(eb: ExpressionBuilder<Tables, 'cases'>, workspaceId: string, scope: CaseListScope, asFilter = false) {
  const any = [];
  if (scope.teamIds.length > 0) any.push(eb('cases.team_id', 'in', scope.teamIds));
  const user = scope.involvedUserId;
  if (user) {
    const mine = eb('cases.id', 'in', personalIds(eb, workspaceId, user));
    any.push(asFilter ? sql<boolean>`(${mine}) is true` : mine);
  }
  return any.length > 0 ? eb.or(any) : eb.val(false);
}

/** The ids of the cases a user reported, handles or is named in (a case twice when it is both), each from an index that holds them. */
function personalIds(qc: Pick<ExpressionBuilder<Tables, never>, 'selectFrom'>, workspaceId: string, userId: string) {
  return qc
    .selectFrom('cases as reported')
    .select('reported.id')
    .where('reported.workspace_id', '=', workspaceId)
    .where('reported.reporter_id', '=', userId)
    .unionAll(
      qc
        .selectFrom('cases as handled')
        .select('handled.id')
        .where('handled.workspace_id', '=', workspaceId)
        .where('handled.assignee_id', '=', userId),
    )
    .unionAll(
      qc
        .selectFrom('case_parties')
        .innerJoin('employees', 'employees.id', 'case_parties.employee_id')
        .select('case_parties.case_id as id')
        .where('employees.user_id', '=', userId)
        .where('case_parties.workspace_id', '=', workspaceId),
    );
}

/** Why a case is in the supervisors' "needs attention" view. */
export type AttentionReason = 'help_requested' | 'escalated_promise' | 'approval_pending' | 'asked_for_help' | 'unhappy_customer';

type CaseEb = ExpressionBuilder<Tables & { cases: CaseRow }, 'cases'>;

/** The case has an answered follow-up of this party that meets the condition on its answer's columns. */
function answeredFollowUp(eb: CaseEb, party: 'customer' | 'employee', answer: 'unhappy' | 'wants_help') {
  return eb.exists(
    eb
      .selectFrom('follow_ups')
      .select('follow_ups.id')
      .whereRef('follow_ups.case_id', '=', 'cases.id')
      .where('follow_ups.party', '=', party)
      .where('follow_ups.status', '=', 'answered')
      .where((w) => (answer === 'unhappy' ? w('follow_ups.satisfaction', '<=', UNHAPPY_AT_MOST) : w('follow_ups.wants_help', '=', 1))),
  );
}

/**
 * A case needs attention when it has an escalated promise still open, a resolution waiting for
 * approval, an employee who asked for help after it, or a customer whose unhappy answer reopened it.
 */
const ATTENTION: Record<AttentionReason, (eb: CaseEb) => ReturnType<CaseEb['exists']>> = {
  help_requested: (eb) => eb('cases.help_requested_at', 'is not', null),
  escalated_promise: (eb) =>
    eb.exists(
      eb
        .selectFrom('commitments')
        .select('commitments.id')
        .whereRef('commitments.case_id', '=', 'cases.id')
        .where('commitments.status', '=', 'open')
        .where('commitments.escalated_at', 'is not', null),
    ),
  approval_pending: (eb) =>
    eb.exists(
      eb
        .selectFrom('resolutions')
        .select('resolutions.case_id')
        .whereRef('resolutions.case_id', '=', 'cases.id')
        .where('resolutions.approval_state', '=', 'pending'),
    ),
  asked_for_help: (eb) => eb.and([eb('cases.status', '!=', 'closed'), answeredFollowUp(eb, 'employee', 'wants_help')]),
  unhappy_customer: (eb) => eb.and([eb('cases.status', '=', 'reopened'), answeredFollowUp(eb, 'customer', 'unhappy')]),
};

const ATTENTION_REASONS = Object.keys(ATTENTION) as AttentionReason[];

/**
 * The order the filter tries the reasons in: a column first, then the reason most candidates have
 * (a reopened case's unhappy answer), so a candidate usually costs one lookup rather than four.
 */
const ATTENTION_CHECK_ORDER: readonly AttentionReason[] = [
  'help_requested',
  'unhappy_customer',
  'asked_for_help',
  'escalated_promise',
  'approval_pending',
];

/**
 * The cases that may need attention are read first from one small index per reason (the literals
 * match the partial indexes of migration 0022), then each is checked by the exact rules; probing
 * every case of the workspace for open escalated promises took seconds at a million cases.
 */
function needsAttention(eb: CaseEb, workspaceId: string, scope: CaseListScope | undefined) {
  return eb.and([eb('cases.id', 'in', attentionCandidates(eb, workspaceId, scope)), attentionChecks(eb)]);
}

/**
 * PostgreSQL: the ids of the cases that may need attention, one branch per reason. The reopened
 * cases, most of the set (10,000 of 12,000 at a million cases), are read from `cases_ws_status_ids`
 * (migration 0055) with their team, so a list's scope leaves out those it will not show before
 * each remaining case is read by id (a supervisor's count read 12,000 cases for 700).
 */
function attentionCandidates(
  qc: Pick<ExpressionBuilder<Tables, never>, 'selectFrom'>,
  workspaceId: string,
  scope: CaseListScope | undefined,
) {
  const user = scope?.involvedUserId;
  return qc
    .selectFrom('cases as helped')
    .select('helped.id')
    .where('helped.workspace_id', '=', workspaceId)
    .where('helped.help_requested_at', 'is not', null)
    .unionAll(
      qc
        .selectFrom('commitments')
        .select('commitments.case_id as id')
        .where('commitments.workspace_id', '=', workspaceId)
        .where('commitments.status', '=', sql.lit('open'))
        .where('commitments.escalated_at', 'is not', null),
    )
    .unionAll(
      qc
        .selectFrom('resolutions')
        .select('resolutions.case_id as id')
        .where('resolutions.workspace_id', '=', workspaceId)
        .where('resolutions.approval_state', '=', 'pending'),
    )
    .unionAll(
      qc
        .selectFrom('follow_ups')
        .select('follow_ups.case_id as id')
        .where('follow_ups.workspace_id', '=', workspaceId)
        .where('follow_ups.wants_help', '=', sql.lit(1)),
    )
    .unionAll(
      qc
        .selectFrom('cases as reopened')
        .select('reopened.id')
        .where('reopened.workspace_id', '=', workspaceId)
        .where('reopened.status', '=', 'reopened')
        .$if(scope !== undefined, (r) =>
          r.where((w) => {
            const any = [];
            if (scope && scope.teamIds.length > 0) any.push(w('reopened.team_id', 'in', scope.teamIds));
            if (user) any.push(sql<boolean>`(${w('reopened.id', 'in', personalIds(qc, workspaceId, user))}) is true`);
            return any.length > 0 ? w.or(any) : w.val(false);
          }),
        ),
    );
}

const attentionChecks = (eb: CaseEb) => eb.or(ATTENTION_CHECK_ORDER.map((reason) => ATTENTION[reason](eb)));

/**
 * SQLite: the rowids of the cases that may need attention, each reason's read from its own small
 * index (covering, so no case row is read), as needsAttention's candidates. The escalated promises'
 * index is named: the planner would take the wider one of all open promises (commitments_open_ws_due).
 */
function attentionRowids(workspaceId: string) {
  return sql`select helped.rowid from cases as helped where helped.workspace_id = ${workspaceId} and helped.help_requested_at is not null
    union all select reopened.rowid from cases as reopened where reopened.workspace_id = ${workspaceId} and reopened.status = 'reopened'
    union all select linked.rowid from cases as linked where linked.id in (
      select commitments.case_id from commitments indexed by commitments_escalated_open where commitments.workspace_id = ${workspaceId} and commitments.status = 'open' and commitments.escalated_at is not null
      union all select resolutions.case_id from resolutions where resolutions.workspace_id = ${workspaceId} and resolutions.approval_state = 'pending'
      union all select follow_ups.case_id from follow_ups where follow_ups.workspace_id = ${workspaceId} and follow_ups.wants_help = 1)`;
}

/**
 * SQLite: one row per case a user reported, handles or is named in (a case twice when it is both),
 * each read from its own covering index, for sizing the set (candidatePlan).
 */
function personalCandidates(workspaceId: string, userId: string) {
  return sql`select 1 from cases as reported where reported.workspace_id = ${workspaceId} and reported.reporter_id = ${userId}
    union all select 1 from cases as handled where handled.workspace_id = ${workspaceId} and handled.assignee_id = ${userId}
    union all select 1 from case_parties inner join employees on employees.id = case_parties.employee_id
      where employees.user_id = ${userId} and case_parties.workspace_id = ${workspaceId}`;
}

/** SQLite: the rowids of the cases a user reported, handles or is named in, each from its own covering index. */
function personalRowids(workspaceId: string, userId: string) {
  return sql`select reported.rowid from cases as reported where reported.workspace_id = ${workspaceId} and reported.reporter_id = ${userId}
    union all select handled.rowid from cases as handled where handled.workspace_id = ${workspaceId} and handled.assignee_id = ${userId}
    union all select named.rowid from cases as named where named.id in (
      select case_parties.case_id from case_parties inner join employees on employees.id = case_parties.employee_id
      where employees.user_id = ${userId} and case_parties.workspace_id = ${workspaceId})`;
}

/**
 * SQLite: the case is one a user reported or handles (rowids from `cases_ws_reporter` and
 * `cases_ws_assignee_due`) or is named in (case ids from `case_parties_employee`). The named cases
 * stay ids: turning each into a rowid was a lookup in the ids' index per case, most of the set's
 * cost at a million cases, and every sort index holds the id. `walk` checks both on the sort
 * index's entries (the plus keeps the planner off the sets); otherwise the sets lead.
 */
function personalCases(workspaceId: string, userId: string, walk: boolean) {
  const plus = walk ? sql`+` : sql``;
  return sql<boolean>`(${plus}cases.rowid in (select reported.rowid from cases as reported
      where reported.workspace_id = ${workspaceId} and reported.reporter_id = ${userId}
    union all select handled.rowid from cases as handled where handled.workspace_id = ${workspaceId} and handled.assignee_id = ${userId})
    or ${plus}cases.id in (select case_parties.case_id from case_parties inner join employees on employees.id = case_parties.employee_id
      where employees.user_id = ${userId} and case_parties.workspace_id = ${workspaceId}))`;
}

/** For each of these cases, why it needs attention (empty when it does not), by the same rules as the attention filter. */
export async function attentionReasons(db: Db, workspaceId: string, caseIds: readonly string[]): Promise<Map<string, AttentionReason[]>> {
  const out = new Map<string, AttentionReason[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return out;
  const rows = await db
    .selectFrom('cases')
    .select((eb) => [
      'cases.id',
      ...ATTENTION_REASONS.map((reason) => eb.case().when(ATTENTION[reason](eb)).then(1).else(0).end().as(reason)),
    ])
    .where(inWorkspace(db, workspaceId))
    .where('cases.id', 'in', caseIds)
    .execute();
  for (const row of rows as unknown as Array<{ id: string } & Record<AttentionReason, number | string>>) {
    out.set(
      row.id,
      ATTENTION_REASONS.filter((reason) => Number(row[reason]) === 1),
    );
  }
  return out;
}

/** Reads a case by id for a change made by the system (no actor), locking its row on PostgreSQL. */
export function lockCaseById(db: Db, workspaceId: string, id: string): Promise<CaseRow | undefined> {
  return findCaseById(db, workspaceId, id, true);
}

/** Reads a case by id (for the system: no permission is checked here). */
export function findCaseById(db: Db, workspaceId: string, id: string, forUpdate = false): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .$if(forUpdate && isPostgres(db), (q) => q.forUpdate())
    .executeTakeFirst();
}

/**
 * The search as an FTS5 query: every word and phrase quoted (so no user text is FTS5 syntax) and
 * all required; the porter tokenizer stems them as it stemmed the text.
 */
export function toFtsQuery(search: SearchQuery): string {
  return [...search.words.map((w) => `"${w}"`), ...search.phrases.map((p) => `"${p.join(' ')}"`)].join(' ');
}

/** The search as a PostgreSQL tsquery built by the english configuration, from words only (no tsquery syntax). */
export function toTsQuery(search: SearchQuery) {
  const parts = [
    ...(search.words.length > 0 ? [sql`plainto_tsquery('english', ${search.words.join(' ')})`] : []),
    ...search.phrases.map((p) => sql`phraseto_tsquery('english', ${p.join(' ')})`),
  ];
  return sql.join(parts, sql` && `);
}

export async function insertParties(db: Db, rows: CasePartyRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('case_parties').values(rows).execute();
}

export function listParties(db: Db, workspaceId: string, caseId: string) {
  return db
    .selectFrom('case_parties')
    .innerJoin('employees', 'employees.id', 'case_parties.employee_id')
    .select(['employees.id as employeeId', 'employees.name as name', 'case_parties.role as role', 'employees.team_id as teamId'])
    .where('case_parties.workspace_id', '=', workspaceId)
    .where('case_parties.case_id', '=', caseId)
    .orderBy('case_parties.created_at')
    .execute();
}

/** The logins among the employees named on a case, with each one's part in it. */
export async function partyAccounts(db: Db, workspaceId: string, caseId: string): Promise<{ userId: string; role: string }[]> {
  const rows = await db
    .selectFrom('case_parties')
    .innerJoin('employees', 'employees.id', 'case_parties.employee_id')
    .select(['employees.user_id', 'case_parties.role'])
    .where('case_parties.workspace_id', '=', workspaceId)
    .where('case_parties.case_id', '=', caseId)
    .where('employees.user_id', 'is not', null)
    .execute();
  return rows.map((r) => ({ userId: r.user_id as string, role: r.role }));
}

export async function insertStatement(db: Db, row: StatementRow): Promise<void> {
  await db.insertInto('statements').values(row).execute();
}

export function listStatements(db: Db, workspaceId: string, caseId: string): Promise<StatementRow[]> {
  return db
    .selectFrom('statements')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .orderBy('taken_at')
    .orderBy('id')
    .execute();
}

export function findStatement(db: Db, workspaceId: string, caseId: string, id: string): Promise<StatementRow | undefined> {
  return db
    .selectFrom('statements')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function countCases(db: Db, workspaceId?: string): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll().as('n'))
    .$if(workspaceId !== undefined, (q) => q.where('workspace_id', '=', workspaceId as string))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many other cases this customer had before the given moment. */
export async function countEarlierCasesOfCustomer(db: Db, workspaceId: string, customerId: string, before: string): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .where('reported_at', '<', before)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The employees named on a case. */
export async function partyEmployeeIds(db: Db, workspaceId: string, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_parties')
    .select('employee_id')
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .execute();
  return rows.map((r) => r.employee_id);
}

/** A case's timeline head as stored now, for appending after earlier appends in the same transaction. */
export function caseChainHead(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'workspace_id', 'event_count', 'last_event_hash', 'customer_id', 'ref', 'team_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** The role an employee already has on a case, if any. */
export async function partyRole(db: Db, caseId: string, employeeId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('case_parties')
    .select('role')
    .where('case_id', '=', caseId)
    .where('employee_id', '=', employeeId)
    .executeTakeFirst();
  return row?.role;
}

/** The chain heads of the cases to verify: one case, one workspace, or all, in a stable order. */
export function listChainHeads(db: Db, only: { caseRef?: string | undefined; workspaceId?: string | undefined }) {
  let query = db
    .selectFrom('cases')
    .select([
      'id',
      'ref',
      'workspace_id',
      'event_count',
      'last_event_hash',
      'title',
      'status',
      'severity',
      'assignee_id',
      'team_id',
      'customer_id',
      'tags',
      'merged_into_id',
    ])
    .orderBy('workspace_id')
    .orderBy('ref');
  if (only.caseRef) query = query.where('ref', '=', only.caseRef);
  if (only.workspaceId) query = query.where('workspace_id', '=', only.workspaceId);
  return query.execute();
}

/** Every event of a case, oldest first, for verification (no paging: the chain is checked whole). */
export function listAllEventRows(db: Db, caseId: string): Promise<CaseEventRow[]> {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

/** A case's statements by id, to check them against what their events recorded. */
export async function statementsById(db: Db, caseId: string): Promise<Map<string, StatementRow>> {
  const rows = await db.selectFrom('statements').selectAll().where('case_id', '=', caseId).execute();
  return new Map(rows.map((s) => [s.id, s]));
}
