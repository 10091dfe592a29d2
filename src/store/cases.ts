import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { caseRefIn, caseRefLikeNumber, formatCaseRef } from '../domain/case.js';
import type { CaseStatus } from '../domain/case-status.js';
import { UNHAPPY_AT_MOST } from '../domain/follow-through.js';
import { isEmptySearch, parseSearchQuery, type SearchQuery } from '../domain/search-query.js';
import { type TagFilter, tagConditions } from './case-tag-filter.js';
import { type CustomerSignalFilter, customerSignalConditions } from './customer-signal-filters.js';
import { isPostgres } from './db.js';
import type { CaseEventRow, CasePartyRow, CaseRow, Db, StatementRow, Tables } from './schema.js';

/** Hands out the next case number of the year for a workspace; atomic on both databases. */
export async function nextCaseRef(db: Db, workspaceId: string, year: number): Promise<string> {
  const row = await db
    .insertInto('case_counters')
    .values({ workspace_id: workspaceId, year, last_seq: 1 })
    .onConflict((oc) => oc.columns(['workspace_id', 'year']).doUpdateSet({ last_seq: sql`case_counters.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return formatCaseRef(year, row.last_seq);
}

export async function insertCase(db: Db, row: CaseRow): Promise<void> {
  await db.insertInto('cases').values(row).execute();
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
    sort: CaseSort;
    order: 'asc' | 'desc';
    limit: number;
    after?: { value: string | number; id: string } | undefined;
  };

/** Indexes the cases created since the last search (SQLite only; PostgreSQL keeps a generated tsvector). */
export async function syncSearchIndex(db: Db): Promise<void> {
  const sync = async (trx: Db) => {
    await sql`insert into cases_fts (rowid, search_text)
      select rowid, search_text from cases where rowid > (select last_rowid from cases_fts_state) order by rowid`.execute(trx);
    await sql`update cases_fts_state set last_rowid = coalesce((select max(rowid) from cases), 0) where id = 1`.execute(trx);
  };
  // Both statements in one transaction, so two processes on one file never index a row twice.
  if (db.isTransaction) await sync(db);
  else await (db as Kysely<Tables>).transaction().execute(sync);
}

/** Keyset-paginated case list; asks for limit + 1 rows so the caller knows whether a next page exists. */
export async function listCaseRows(db: Db, query: CaseQuery): Promise<CaseRow[]> {
  if (query.q && !isPostgres(db)) await syncSearchIndex(db);
  const cmp = query.order === 'asc' ? '>' : '<';
  let qb = filteredCases(db, query).selectAll('cases');
  if (query.after) {
    const { value, id } = query.after;
    qb = qb.where((eb) => eb(eb.refTuple(`cases.${query.sort}`, 'cases.id'), cmp, eb.tuple(value, id)));
  }
  return qb
    .orderBy(`cases.${query.sort}`, query.order)
    .orderBy('cases.id', query.order)
    .limit(query.limit + 1)
    .execute();
}

/** How many cases the list's filters match, over all its pages. */
export async function countCaseRows(
  db: Db,
  query: Omit<CaseQuery, 'sort' | 'order' | 'limit' | 'after'>,
  upTo: number,
): Promise<{ count: number; capped: boolean }> {
  if (query.q && !isPostgres(db)) await syncSearchIndex(db);
  // Counting stops past `upTo`: an exact count reads every matching row, and a big inbox only needs "1,000+".
  const matches = filteredCases(db, query)
    .select('cases.id')
    .limit(upTo + 1)
    .as('matches');
  const row = await db
    .selectFrom(matches)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > upTo ? { count: upTo, capped: true } : { count: n, capped: false };
}

/** The cases of a workspace that a list's filters match (no order, no page). */
function filteredCases(db: Db, query: Omit<CaseQuery, 'sort' | 'order' | 'limit' | 'after'>) {
  const pg = isPostgres(db);
  let qb = db.selectFrom('cases').where('cases.workspace_id', '=', query.workspaceId);
  if (query.scope) {
    const scope = query.scope;
    qb = qb.where((eb) => caseInScope(eb, scope));
  }
  if (query.status?.length) qb = qb.where('cases.status', 'in', query.status);
  if (query.severity?.length) qb = qb.where('cases.severity', 'in', query.severity);
  if (query.channel?.length) qb = qb.where('cases.channel', 'in', query.channel);
  if (query.rootCause?.length) qb = qb.where('cases.root_cause_category', 'in', query.rootCause);
  if (query.teamId) qb = qb.where('cases.team_id', '=', query.teamId);
  if (query.assigneeId === null) qb = qb.where('cases.assignee_id', 'is', null);
  else if (query.assigneeId) qb = qb.where('cases.assignee_id', '=', query.assigneeId);
  if (query.reportedFrom) qb = qb.where('cases.reported_at', '>=', query.reportedFrom);
  if (query.reportedTo) qb = qb.where('cases.reported_at', '<', query.reportedTo);
  if (query.attention) qb = qb.where(needsAttention);
  if (query.repeatSince || query.threat || query.abuseFlagged)
    qb = qb.where((eb) => eb.and(customerSignalConditions(eb, query.workspaceId, query)));
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
      const any = [];
      if (!isEmptySearch(search))
        any.push(
          pg
            ? sql<boolean>`cases.search_vector @@ (${toTsQuery(search)})`
            : sql<boolean>`cases.rowid in (select rowid from cases_fts where cases_fts match ${toFtsQuery(search)})`,
        );
      // The customer by name or by email (whole); the list's scope still decides what is seen.
      if (words.length > 0)
        any.push(
          eb.exists(
            eb
              .selectFrom('customers')
              .select('customers.id')
              .whereRef('customers.id', '=', 'cases.customer_id')
              .where((c) =>
                c.or([
                  // Each word starts one of the name's parts ("hel" finds Helen, "the" does not find Heather).
                  c.and(
                    words.map((w) =>
                      c.or([
                        c(sql<string>`lower(customers.name)`, 'like', `${w}%`),
                        c(sql<string>`lower(customers.name)`, 'like', `% ${w}%`),
                      ]),
                    ),
                  ),
                  c(sql<string>`lower(customers.email)`, '=', q.trim().toLowerCase()),
                  // An address carried over from a merged duplicate still finds the customer.
                  c.exists(
                    c
                      .selectFrom('customer_contacts')
                      .select('customer_contacts.id')
                      .whereRef('customer_contacts.customer_id', '=', 'customers.id')
                      .where(sql<string>`lower(customer_contacts.value)`, '=', q.trim().toLowerCase()),
                  ),
                ]),
              ),
          ),
        );
      return any.length > 0 ? eb.or(any) : sql<boolean>`1 = 0`;
    });
  }
  return qb;
}

/** The case belongs to one of the scope's teams or involves its user (reporter, handler or named party). */
export function caseInScope(eb: ExpressionBuilder<Tables, 'cases'>, scope: CaseListScope) {
  const any = [];
  if (scope.teamIds.length > 0) any.push(eb('cases.team_id', 'in', scope.teamIds));
  if (scope.involvedUserId) {
    any.push(eb('cases.reporter_id', '=', scope.involvedUserId), eb('cases.assignee_id', '=', scope.involvedUserId));
    any.push(
      eb(
        'cases.id',
        'in',
        eb
          .selectFrom('case_parties')
          .innerJoin('employees', 'employees.id', 'case_parties.employee_id')
          .select('case_parties.case_id')
          .where('employees.user_id', '=', scope.involvedUserId),
      ),
    );
  }
  return any.length > 0 ? eb.or(any) : eb.val(false);
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

function needsAttention(eb: CaseEb) {
  return eb.or(ATTENTION_REASONS.map((reason) => ATTENTION[reason](eb)));
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
    .where('cases.workspace_id', '=', workspaceId)
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
