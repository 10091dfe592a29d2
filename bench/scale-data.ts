/**
 * Builds a large workspace for bench:scale through the store's own schema: migrations create the
 * tables, the people (teams, supervisors, employees, tokens) are made by the services, and the
 * cases, their timelines, statements, parties, promises, follow-ups and resolutions are written
 * as rows in bulk. Every timeline is chained with the store's own `chainEvents`, and every row a
 * timeline projects (status, handler, team, parties, statements, resolution) matches its events,
 * so `defuse audit verify` passes on the result. Deterministic for a given seed and size.
 *
 * What it leaves out on purpose: outbox rows for the historic events (processors starting on the
 * loaded database would otherwise replay millions of events before serving), and timeline events
 * for commitments and follow-ups (rows only; `audit verify` does not project them).
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CHANNELS as CHANNEL_LIST, CUSTOMER_STATES, formatCaseRef } from '../src/domain/case.js';
import { SCORE_PARTS } from '../src/domain/coach.js';
import { ROOT_CAUSE_CATEGORIES } from '../src/domain/root-cause.js';
import { dueAt } from '../src/domain/sla.js';
import { GENESIS_HASH, sha256 } from '../src/domain/timeline.js';
import { createToken, initWorkspace } from '../src/services/accounts.js';
import { nextDeadlineOf } from '../src/services/case-change.js';
import type { Actor, ServiceContext } from '../src/services/context.js';
import { createTeam } from '../src/services/directory.js';
import { inviteUser } from '../src/services/users.js';
import { rebuildCustomerChain } from '../src/store/customer-chain.js';
import { refreshDashboardDays, resetDashboardDays } from '../src/store/dashboard-days.js';
import type { Database } from '../src/store/db.js';
import { chainEvents, type NewEvent } from '../src/store/events.js';
import { newId } from '../src/store/ids.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { rebuildPeopleDays } from '../src/store/people-days.js';
import type { CaseRow } from '../src/store/schema.js';
import { seededRandom } from '../src/training/seeded-random.js';

export type ScaleSize = { cases: number; teams: number; years: number; employeesPerTeam: number; customers: number };

/** The workspace the issue describes: 1,000,000 cases over 3 years in 16 teams. */
export const FULL_SIZE: ScaleSize = { cases: 1_000_000, teams: 16, years: 3, employeesPerTeam: 12, customers: 250_000 };

export type Login = { userId: string; token: string; teamId: string | null };

/** What the measurements need to know about the data: who to sign in as, and a few values to filter by. */
export type ScaleWorkspace = {
  workspaceId: string;
  admin: Login;
  supervisor: Login;
  employee: Login;
  teamIds: string[];
  /** A case reference deep in the middle, and words that are rare and common in the texts. */
  sampleRef: string;
  /** About a thousand references spread evenly over the cases, for checking chains by sample. */
  sampleRefs: string[];
  rareWord: string;
  commonWord: string;
  customerName: string;
  /** The workspace's time zone: the dashboard page's days are its days. */
  timeZone: string;
  from: string;
  to: string;
  counts: { cases: number; events: number; statements: number; commitments: number; followUps: number };
};

type Row = Record<string, string | number | null>;

/** Rows buffered per table and written in one transaction per flush. */
type Sink = { add(table: string, row: Row): void; flush(): Promise<void>; close(): Promise<void> };

const OPEN_STATUSES = ['reported', 'acknowledged', 'investigating', 'resolving'] as const;
const CHANNELS = CHANNEL_LIST;
const STATES = CUSTOMER_STATES;
const ROOT_CAUSES = ROOT_CAUSE_CATEGORIES;
const TOPICS = [
  ['refund', 'receipt', 'till', 'manager'],
  ['delivery', 'late', 'courier', 'tracking'],
  ['billing', 'charged', 'twice', 'invoice'],
  ['queue', 'waiting', 'hour', 'staff'],
  ['rude', 'tone', 'shouted', 'colleague'],
  ['broken', 'warranty', 'repair', 'replacement'],
  ['booking', 'cancelled', 'appointment', 'reschedule'],
  ['parking', 'fine', 'car', 'entrance'],
];
/** In one case of about 50,000: a search that finds few cases among many. */
const RARE_WORD = 'zeppelin';
const FIRST = ['Helen', 'Omar', 'Priya', 'Jonas', 'Mei', 'Tomasz', 'Aisha', 'Lucas', 'Ines', 'Kwame', 'Sofia', 'Ravi'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Silva', 'Novak', 'Haddad', 'Byrne', 'Kowalski', 'Ferreira'];

/** The same seed builds the same workspace. */
function random(seed: number) {
  const r = seededRandom(seed);
  return { next: r.next, pick: r.pick, int: (n: number) => Math.floor(r.next() * n) };
}

/** Migrates, makes the people through the services, then writes `size.cases` cases in bulk. */
export async function buildScaleWorkspace(
  database: Database,
  size: ScaleSize,
  options: { databaseUrl?: string | undefined; now: Date; seed?: number; progress?: (done: number) => void },
): Promise<ScaleWorkspace> {
  await migrateToLatest(database);
  const now = options.now;
  const rnd = random(options.seed ?? 15);
  const { workspace, user } = await initWorkspace(
    database.db,
    { workspace: 'Scale Retail', email: 'admin@scale.test', password: 'correct horse battery' },
    now,
  );
  const actor: Actor = { userId: user.id, workspaceId: workspace.id, role: 'admin', teamIds: [], employeeId: null };
  const admin: ServiceContext = { db: database.db, actor, now };
  const ws = workspace.id;
  const login = async (userId: string, teamId: string | null): Promise<Login> => ({
    userId,
    teamId,
    token: (await createToken(database.db, { workspaceId: ws, userId, name: 'bench' }, now)).token,
  });

  type Member = { userId: string; employeeId: string; name: string };
  const teams: { id: string; supervisor: Member; staff: Member[] }[] = [];
  for (let t = 0; t < size.teams; t++) {
    const team = await createTeam(admin, `Store ${t + 1}`);
    const member = async (role: 'supervisor' | 'employee', i: number): Promise<Member> => {
      const name = `${FIRST[(t + i) % FIRST.length]} ${LAST[(t * 7 + i) % LAST.length]} ${t}-${i}`;
      const { user: u } = await inviteUser(admin, { email: `${role}.${t}.${i}@scale.test`, name, role, teamIds: [team.id] });
      const employee = await database.db.selectFrom('employees').select('id').where('user_id', '=', u.id).executeTakeFirstOrThrow();
      return { userId: u.id, employeeId: employee.id, name };
    };
    const supervisor = await member('supervisor', 0);
    const staff: Member[] = [];
    for (let i = 1; i <= size.employeesPerTeam; i++) staff.push(await member('employee', i));
    teams.push({ id: team.id, supervisor, staff });
  }
  const firstTeam = teams[0] as (typeof teams)[number];
  const sampleEmployee = firstTeam.staff[0] as Member;

  const sink = database.kind === 'postgres' ? await postgresSink(options.databaseUrl as string) : sqliteSink(database.sqliteFile as string);
  const customerIds: string[] = [];
  const customerName = `${FIRST[0]} ${LAST[0]}`;
  for (let i = 0; i < size.customers; i++) {
    const id = newId();
    customerIds.push(id);
    const name = i === 0 ? customerName : `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`;
    sink.add('customers', {
      id,
      workspace_id: ws,
      name,
      email: `customer${i}@mail.test`,
      phone: null,
      created_at: now.toISOString(),
    });
  }
  await sink.flush();

  const spanMs = size.years * 365 * 86_400_000;
  const start = now.getTime() - spanMs;
  const seqByYear = new Map<number, number>();
  const counts = { cases: 0, events: 0, statements: 0, commitments: 0, followUps: 0 };
  let sampleRef = '';
  const sampleRefs: string[] = [];
  for (let n = 0; n < size.cases; n++) {
    // Cases come in time order; the open ones are the last few weeks' (and a few older ones left open).
    const reportedMs = Math.floor(start + (spanMs * (n + rnd.next())) / size.cases);
    const reportedAt = new Date(reportedMs).toISOString();
    const year = new Date(reportedMs).getUTCFullYear();
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const ref = formatCaseRef(year, seq);
    if (n === Math.floor(size.cases / 2)) sampleRef = ref;
    if (n % Math.max(1, Math.floor(size.cases / 1000)) === 0) sampleRefs.push(ref);
    const ageDays = (now.getTime() - reportedMs) / 86_400_000;
    const team = rnd.pick(teams);
    // The sample employee is involved in about one case in a thousand of their team's, as a real person would be.
    const reporter = team === firstTeam && rnd.int(40) === 0 ? sampleEmployee : rnd.pick(team.staff);
    const handler = rnd.int(5) === 0 ? team.supervisor : rnd.pick(team.staff);
    const open = ageDays < 21 ? rnd.int(10) < 7 : rnd.int(400) === 0;
    const status = open ? rnd.pick(OPEN_STATUSES) : rnd.int(100) === 0 ? 'reopened' : rnd.int(50) === 0 ? 'following_up' : 'closed';
    const assigned = status !== 'reported' || rnd.int(2) === 0;
    const topic = rnd.pick(TOPICS);
    const severity = 1 + rnd.int(4);
    const title = `Customer ${rnd.pick(['upset', 'angry', 'unhappy', 'worried'])} about ${topic[0]} ${rnd.pick(topic)}`;
    const summary = `The customer said the ${topic[1]} was ${rnd.pick(topic)} and asked about the ${topic[2]}${
      rnd.int(50_000) === 0 ? ` and a ${RARE_WORD}` : ''
    }.`;
    const customerId = rnd.int(10) < 8 ? rnd.pick(customerIds) : null;
    const id = newId();
    const ackMinutes = [15, 60, 240, 1440][4 - severity] as number;
    const resolveMinutes = ackMinutes * 12;
    const row: CaseRow = {
      id,
      workspace_id: ws,
      ref,
      title,
      summary,
      channel: rnd.pick(CHANNELS),
      team_id: team.id,
      customer_id: customerId,
      reporter_id: reporter.userId,
      assignee_id: assigned ? handler.userId : null,
      severity,
      customer_state: rnd.pick(STATES),
      impact_amount_minor: null,
      impact_currency: null,
      impact_kind: null,
      risk_flags: '[]',
      status,
      occurred_at: reportedAt,
      reported_at: reportedAt,
      acknowledge_due_at: dueAt(reportedAt, ackMinutes),
      resolve_due_at: dueAt(reportedAt, resolveMinutes),
      acknowledged_at: null,
      resolved_at: null,
      updated_at: reportedAt,
      search_text: `${title}\n${summary}`,
      event_count: 0,
      last_event_hash: GENESIS_HASH,
      case_type_id: null,
      playbook_key: null,
      playbook_version: null,
      strategy: null,
      outcome: null,
      root_cause_category: status === 'closed' ? rnd.pick(ROOT_CAUSES) : null,
      root_cause: null,
      acknowledge_breached_at: null,
      resolve_breached_at: null,
      help_requested_at: null,
      help_requested_by: null,
      next_due_at: '',
      tags: '[]',
      clock_basis: 'calendar',
      clock_paused_at: null,
      clock_pauses: '[]',
      merged_into_id: null,
      merged_into_ref: null,
    };
    const parties = rnd.int(2) === 0 ? [{ employeeId: reporter.employeeId, role: 'primary' }] : [];
    const events: NewEvent[] = [];
    let t = reportedMs;
    const step = (minutes: number) => {
      t = Math.min(t + Math.floor(minutes * 60_000 * (0.5 + rnd.next())), now.getTime() - 1000);
      return new Date(Math.max(t, reportedMs)).toISOString();
    };
    events.push({
      kind: 'case_created',
      actorId: reporter.userId,
      at: reportedAt,
      data: {
        title,
        summary,
        channel: row.channel,
        teamId: team.id,
        customerId,
        severity,
        customerState: row.customer_state,
        financialImpact: null,
        riskFlags: [],
        occurredAt: reportedAt,
        parties,
        assigneeId: row.assignee_id,
      },
    });
    const statements: Row[] = [];
    const statementCount = rnd.int(10) < 6 ? 1 : rnd.int(4) === 0 ? 2 : 0;
    for (let s = 0; s < statementCount; s++) {
      const at = step(30);
      const customerSide = s === 0;
      const body = customerSide
        ? `I came about the ${topic[0]} and was told the ${rnd.pick(topic)} could not be done today.`
        : `I explained the ${topic[2]} policy and offered to call the ${rnd.pick(topic)} team.`;
      const statementId = newId();
      const authorName = customerSide ? 'Customer' : handler.name;
      statements.push({
        id: statementId,
        workspace_id: ws,
        case_id: id,
        party: customerSide ? 'customer' : 'employee',
        employee_id: customerSide ? null : handler.employeeId,
        author_name: authorName,
        body,
        taken_by: handler.userId,
        taken_at: at,
        corrects_id: null,
      });
      events.push({
        kind: 'statement_added',
        actorId: handler.userId,
        at,
        data: {
          statementId,
          party: customerSide ? 'customer' : 'employee',
          employeeId: customerSide ? null : handler.employeeId,
          correctsId: null,
          authorName,
          bodySha256: sha256(body),
        },
      });
      row.search_text += `\n${body}`;
    }
    const moveTo = (to: string, from: string, minutes: number) => {
      const at = step(minutes);
      events.push({ kind: 'status_changed', actorId: handler.userId, at, data: { from, to } });
      return at;
    };
    if (status !== 'reported') {
      row.acknowledged_at = moveTo('acknowledged', 'reported', ackMinutes / 2);
      if (rnd.int(8) === 0) {
        const score = Object.fromEntries(SCORE_PARTS.map((p) => [p, 30 + rnd.int(70)]));
        const total = Math.round(Object.values(score).reduce((a, b) => a + b, 0) / SCORE_PARTS.length);
        events.push({
          kind: 'reply',
          actorId: handler.userId,
          at: step(60),
          data: { body: `Thank you for telling us about the ${topic[0]}; I will call you tomorrow.`, score: { total, parts: score } },
        });
      }
      if (status === 'investigating' || status === 'resolving') moveTo('investigating', 'acknowledged', 60);
      if (status === 'resolving') moveTo('resolving', 'investigating', 60);
      if (status === 'closed' || status === 'reopened' || status === 'following_up') {
        const viaResolved = rnd.int(10) < 4 || status !== 'closed';
        if (viaResolved) row.resolved_at = moveTo('resolved', 'acknowledged', resolveMinutes / 2);
        if (status === 'following_up') moveTo('following_up', 'resolved', 60);
        if (status === 'closed') {
          const at = moveTo('closed', viaResolved ? 'resolved' : 'acknowledged', 120);
          row.resolved_at ??= at;
        }
        if (status === 'reopened') {
          moveTo('reopened', 'resolved', 1440);
          row.resolved_at = null;
        }
      }
    }
    // A few open cases wait for a supervisor: an approval, or a call for help.
    let resolution: Row | undefined;
    if (open && rnd.int(40) === 0) {
      const at = step(30);
      events.push({
        kind: 'resolution_proposed',
        actorId: handler.userId,
        at,
        data: { cost: { amount: 25, currency: 'EUR' }, approvalState: 'pending' },
      });
      resolution = {
        case_id: id,
        workspace_id: ws,
        problem: 'Refund refused',
        options: '[]',
        solution: 'Refund in full',
        policy_refs: '[]',
        cost_minor: 2500,
        currency: 'EUR',
        proposed_by: handler.userId,
        proposed_at: at,
        approval_state: 'pending',
        approver_id: null,
        decided_at: null,
        decision_note: null,
      };
    }
    if (open && rnd.int(60) === 0) {
      row.help_requested_at = step(10);
      row.help_requested_by = handler.userId;
    }
    // Breaches of finished cases were marked long ago; the recent open ones are left for the sweep.
    const nowIso = now.toISOString();
    if (!open) {
      if (row.acknowledged_at && row.acknowledged_at > row.acknowledge_due_at) row.acknowledge_breached_at = row.acknowledge_due_at;
      if (row.resolved_at && row.resolved_at > row.resolve_due_at) row.resolve_breached_at = row.resolve_due_at;
      if (status === 'reopened' && row.resolve_due_at < nowIso) row.resolve_breached_at = row.resolve_due_at;
    } else if (ageDays > 2) {
      if (!row.acknowledged_at && row.acknowledge_due_at < nowIso) row.acknowledge_breached_at = row.acknowledge_due_at;
      if (row.resolve_due_at < nowIso) row.resolve_breached_at = row.resolve_due_at;
    }
    row.updated_at = events.reduce((latest, e) => (e.at > latest ? e.at : latest), reportedAt);
    if (row.help_requested_at && row.help_requested_at > row.updated_at) row.updated_at = row.help_requested_at;
    row.next_due_at = nextDeadlineOf(row);
    const { rows: eventRows, head } = chainEvents(row, events);
    Object.assign(row, head);

    sink.add('cases', row as unknown as Row);
    for (const p of parties)
      sink.add('case_parties', { workspace_id: ws, case_id: id, employee_id: p.employeeId, role: p.role, created_at: reportedAt });
    for (const e of eventRows) sink.add('case_events', e as unknown as Row);
    for (const s of statements) sink.add('statements', s);
    if (resolution) sink.add('resolutions', resolution);
    counts.cases++;
    counts.events += eventRows.length;
    counts.statements += statements.length;

    // Promises: one case in ten made one; open cases' promises are open, a few past due and escalated.
    if (rnd.int(10) === 0) {
      const due = dueAt(reportedAt, 2 * 1440);
      const overdue = due < nowIso;
      const stillOpen = open;
      sink.add('commitments', {
        id: newId(),
        workspace_id: ws,
        case_id: id,
        text: 'Call the customer back with the outcome',
        owner_id: handler.userId,
        due_at: due,
        status: stillOpen ? 'open' : 'kept',
        source: 'manual',
        created_by: handler.userId,
        created_at: reportedAt,
        remind_at: dueAt(reportedAt, 1440),
        reminded_at: overdue && (!stillOpen || rnd.int(2) === 0) ? dueAt(reportedAt, 1440) : null,
        escalated_at: overdue && stillOpen && rnd.int(2) === 0 ? due : null,
        escalated_to: null,
        closed_at: stillOpen ? null : row.updated_at,
        closed_by: stillOpen ? null : handler.userId,
        note: null,
      });
      counts.commitments++;
    }
    // Follow-ups: the customer is asked after most closings; a few employees ask for help, some customers are unhappy.
    if (status === 'closed' || status === 'reopened' || status === 'following_up') {
      const answered = status !== 'following_up';
      const unhappy = status === 'reopened';
      sink.add('follow_ups', {
        id: newId(),
        workspace_id: ws,
        case_id: id,
        party: 'customer',
        employee_id: null,
        user_id: null,
        due_at: row.updated_at,
        status: answered ? 'answered' : 'sent',
        token_hash: null,
        sent_at: row.updated_at,
        expires_at: null,
        answered_at: answered ? row.updated_at : null,
        answer: answered ? JSON.stringify({ satisfaction: unhappy ? 1 : 4 }) : null,
        satisfaction: answered ? (unhappy ? 1 : 3 + rnd.int(3)) : null,
        wants_help: null,
        created_at: row.updated_at,
      });
      counts.followUps++;
      if (rnd.int(20) === 0) {
        const wantsHelp = rnd.int(100) === 0 ? 1 : 0;
        sink.add('follow_ups', {
          id: newId(),
          workspace_id: ws,
          case_id: id,
          party: 'employee',
          employee_id: handler.employeeId,
          user_id: handler.userId,
          due_at: row.updated_at,
          status: 'answered',
          token_hash: null,
          sent_at: row.updated_at,
          expires_at: null,
          answered_at: row.updated_at,
          answer: JSON.stringify({ wantsHelp: wantsHelp === 1 }),
          satisfaction: null,
          wants_help: wantsHelp,
          created_at: row.updated_at,
        });
        counts.followUps++;
      }
    }
    if ((n + 1) % 20_000 === 0) {
      await sink.flush();
      options.progress?.(n + 1);
    }
  }
  for (const [year, last] of seqByYear) sink.add('case_counters', { workspace_id: ws, year, last_seq: last });
  await sink.flush();
  // The load set the triggers aside: the customer chain and the dashboard's rollups are made here,
  // as migrations 0042 and 0043 make them for cases already there. On PostgreSQL the chain is set
  // before the indexes are made again: updating a million rows under every index took over 7 minutes.
  if (database.kind === 'postgres') await rebuildCustomerChain(database.db, ws);
  await sink.close();
  // The load set the triggers aside: SQLite's customer chain (PostgreSQL's was set above, before its
  // indexes) and the dashboard's and HR's people rollups are made here, as migrations 0042, 0043 and
  // 0050 make them for cases already there.
  if (database.kind === 'sqlite') await rebuildCustomerChain(database.db, ws);
  await resetDashboardDays(database.db, ws);
  await refreshDashboardDays(database.db, ws, workspace.time_zone, rebuildPeopleDays);
  return {
    workspaceId: ws,
    admin: await login(user.id, null),
    supervisor: await login(firstTeam.supervisor.userId, firstTeam.id),
    employee: await login(sampleEmployee.userId, firstTeam.id),
    teamIds: teams.map((t) => t.id),
    sampleRef,
    sampleRefs,
    rareWord: RARE_WORD,
    commonWord: 'customer',
    customerName,
    timeZone: workspace.time_zone,
    from: new Date(now.getTime() - 90 * 86_400_000).toISOString(),
    to: now.toISOString(),
    counts,
  };
}

/** The tables bulk-loaded; their secondary indexes and triggers are set aside during the load. */
const LOADED_TABLES = ['customers', 'cases', 'case_parties', 'case_events', 'statements', 'resolutions', 'commitments', 'follow_ups'];

/**
 * Bulk rows into SQLite through a second connection to the same file, one transaction per flush.
 * The loaded tables' indexes and triggers are dropped first and made again at the end from their
 * own stored definitions, and the full-text indexes are rebuilt once: the same schema, built in a
 * fraction of the time row-by-row index upkeep takes.
 */
function sqliteSink(file: string): Sink {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -400000');
  const marks = LOADED_TABLES.map(() => '?').join(', ');
  const setAside = sqlite
    .prepare(`select type, name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null and tbl_name in (${marks})`)
    .all(...LOADED_TABLES) as { type: string; name: string; sql: string }[];
  for (const o of setAside) sqlite.exec(`drop ${o.type} ${o.name}`);
  const buffers = new Map<string, Row[]>();
  const statements = new Map<string, SQLite.Statement>();
  const insert = (table: string, columns: string[]) => {
    const key = `${table}:${columns.join(',')}`;
    let stmt = statements.get(key);
    if (!stmt) {
      stmt = sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
      statements.set(key, stmt);
    }
    return stmt;
  };
  const write = sqlite.transaction(() => {
    for (const [table, rows] of buffers) {
      const first = rows[0];
      if (!first) continue;
      const stmt = insert(table, Object.keys(first));
      for (const row of rows) stmt.run(row);
    }
  });
  return {
    add(table, row) {
      const list = buffers.get(table) ?? [];
      list.push(row);
      buffers.set(table, list);
    },
    async flush() {
      write();
      buffers.clear();
    },
    async close() {
      for (const o of setAside.filter((x) => x.type === 'index')) sqlite.exec(o.sql);
      sqlite.exec("insert into cases_fts(cases_fts) values ('rebuild')");
      sqlite.exec("insert into customers_names(customers_names) values ('rebuild')");
      for (const o of setAside.filter((x) => x.type === 'trigger')) sqlite.exec(o.sql);
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    },
  };
}

/**
 * Bulk rows into PostgreSQL: one `insert … select from unnest(…)` per table and flush, typed from the catalogue.
 * As on SQLite, the loaded tables' secondary indexes (those backing no constraint) are dropped first
 * and made again at the end from their own definitions, and their row triggers (the customer chain,
 * the dashboard's stale marks) are disabled during the load: the caller rebuilds what they keep.
 */
async function postgresSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const setAside = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
    [LOADED_TABLES],
  );
  for (const o of setAside.rows) await client.query(`drop index ${o.name}`);
  for (const table of LOADED_TABLES) await client.query(`alter table ${table} disable trigger user`);
  const types = new Map<string, Map<string, string>>();
  const typesOf = async (table: string) => {
    let map = types.get(table);
    if (!map) {
      const res = await client.query<{ column_name: string; udt_name: string }>(
        'select column_name, udt_name from information_schema.columns where table_name = $1 and table_schema = current_schema()',
        [table],
      );
      map = new Map(res.rows.map((r) => [r.column_name, r.udt_name]));
      types.set(table, map);
    }
    return map;
  };
  const buffers = new Map<string, Row[]>();
  return {
    add(table, row) {
      const list = buffers.get(table) ?? [];
      list.push(row);
      buffers.set(table, list);
    },
    async flush() {
      await client.query('begin');
      for (const [table, rows] of buffers) {
        const first = rows[0];
        if (!first) continue;
        const columns = Object.keys(first);
        const udt = await typesOf(table);
        const casts = columns.map((c, i) => `$${i + 1}::${udt.get(c) ?? 'text'}[]`);
        await client.query(
          `insert into ${table} (${columns.join(', ')}) select * from unnest(${casts.join(', ')})`,
          columns.map((c) => rows.map((r) => r[c] ?? null)),
        );
      }
      await client.query('commit');
      buffers.clear();
    },
    async close() {
      await client.query("set maintenance_work_mem = '512MB'");
      for (const o of setAside.rows) await client.query(o.def);
      for (const table of LOADED_TABLES) await client.query(`alter table ${table} enable trigger user`);
      // What autovacuum does to a freshly loaded table on its own (PostgreSQL 13 on vacuums after
      // inserts too): statistics, and the visibility map that lets a covering index answer alone.
      await client.query('vacuum (analyze)');
      await client.end();
    },
  };
}
