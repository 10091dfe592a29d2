import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildResolvedCase, keepEverythingOpen } from '../../test/follow-through.js';
import { buildCast, type Person } from '../../test/people.js';
import { TEST_SIGNING_KEY } from '../../test/signing-key.js';
import { type Action, authorize, type Resource, type Subject } from '../domain/permissions.js';
import { DEFAULT_TRAINING_RULES } from '../domain/training-rules.js';
import { createToken } from '../services/accounts.js';
import { signDueCheckpoints, toSigned } from '../services/audit-checkpoints.js';
import { tagCase } from '../services/case-tags.js';
import { transitionCase } from '../services/change-case.js';
import { pauseCaseClocks } from '../services/clock-pause.js';
import { addCommitment } from '../services/commitments.js';
import type { Actor } from '../services/context.js';
import { createCase } from '../services/create-case.js';
import { createDataRequest } from '../services/data-requests.js';
import { createTeam } from '../services/directory.js';
import { listCaseFollowUps } from '../services/follow-ups.js';
import { addPost } from '../services/forum-posts.js';
import { createThread } from '../services/forum-threads.js';
import { requestHelp } from '../services/help-requests.js';
import { createLegalHold } from '../services/legal-holds.js';
import { endSession, startSession } from '../services/practice-sessions.js';
import { proposeResolution } from '../services/resolution.js';
import { workspaceRules } from '../services/review-rules.js';
import { startPlaybook } from '../services/run-playbook.js';
import { createSavedReply } from '../services/saved-replies.js';
import { saveView } from '../services/saved-views.js';
import { sendDueFollowUps } from '../services/send-due-follow-ups.js';
import { assignTraining } from '../services/training-assignments.js';
import { copyWorkspaceScenario } from '../services/training-scenarios.js';
import { inviteUser } from '../services/users.js';
import { createWebhook } from '../services/webhooks.js';
import { copyWorkspacePlaybook } from '../services/workspace-playbooks.js';
import { latestCheckpoint } from '../store/audit.js';
import { insertDigestRow, updateDigestRow } from '../store/digests.js';
import { newId } from '../store/ids.js';
import { insertImportRow } from '../store/imports.js';
import { insertImprovementRow } from '../store/improvements.js';
import { insertNotifications } from '../store/notifications.js';
import { insertFlagRow } from '../store/review-rules.js';
import { insertReviewCases, insertReviewRow } from '../store/reviews.js';
import { insertSupportRequest } from '../store/support-requests.js';
import { insertRunRow, insertThemeRow, updateRunRow, upsertMemberRow } from '../store/themes.js';
import { insertDeliveryRow } from '../store/webhooks.js';

/**
 * Every route of the OpenAPI document × every kind of caller, each request against a fresh record,
 * and the outcome the permission table predicts: allowed (the request reaches its handler), 401 for
 * nobody, 403 for a role without the right, 404 for a record the caller may not even see.
 */

/** The callers, in the column order of BY_HAND below. */
const CALLER_KEYS = ['anonymous', 'employeeA', 'employeeB', 'supervisorA', 'supervisorB', 'hr', 'admin', 'outsider'] as const;
type CallerKey = (typeof CALLER_KEYS)[number];
type Caller = { key: CallerKey; name: string; actor: Actor | null; auth: Record<string, string>; outsider?: boolean };

/** A request aimed at one fresh record; `subject` is what the table needs to decide, `hidden` says denial reads as 404. */
type Fixture = { url: string; body?: unknown; subject?: Subject; readsCase?: boolean; hidden?: boolean };

type World = {
  t: TestApp;
  cast: Awaited<ReturnType<typeof buildCast>>;
  seq: () => number;
};

const unique = (w: World) => w.seq();

/** A new case of team A, reported by the admin, with employee A as the primary party. */
async function freshCase(w: World): Promise<{ ref: string; subject: Subject }> {
  const { cast, t } = w;
  const kase = await createCase(t.workspace.ctx(), {
    ...buildCase(),
    teamId: cast.teamA.id,
    employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
  });
  return { ref: kase.ref, subject: { teamIds: [cast.teamA.id], involvedUserIds: [t.workspace.user.id, cast.employeeA.actor.userId] } };
}

const onCase =
  (path: string, body?: (w: World) => unknown) =>
  async (w: World): Promise<Fixture> => {
    const { ref, subject } = await freshCase(w);
    return { url: `/api/v1/cases/${ref}${path}`, body: body?.(w), subject, readsCase: true };
  };

const plain =
  (url: string, body?: (w: World) => unknown) =>
  async (w: World): Promise<Fixture> => ({ url, body: body?.(w) });

async function invitedUser(w: World) {
  return inviteUser(w.t.workspace.ctx(), {
    email: `invited.${unique(w)}@example.test`,
    name: 'Invited Person',
    role: 'employee',
    teamIds: [],
  });
}

/** A theme of the workspace (as a mine would leave it), and the finished run whose model it came from. */
async function freshTheme(w: World): Promise<string> {
  const ws = w.t.workspace.actor.workspaceId;
  const now = new Date();
  const run = await insertRunRow(w.t.database.db, { workspace_id: ws, trigger: 'demo', requested_by: null }, now);
  const model = { version: 1, terms: ['refund'], idf: [1], extraStopWords: [], surfaces: { refund: 'refund' } };
  await updateRunRow(w.t.database.db, run.id, { state: 'done', finished_at: now.toISOString(), model: JSON.stringify(model) });
  const theme = await insertThemeRow(
    w.t.database.db,
    {
      workspace_id: ws,
      label: `refund ${unique(w)}`,
      phrases: '["refund"]',
      centroid: '[["refund",1]]',
      floor: 0.1,
      size: 0,
      origin: 'mined',
      status: 'active',
      trend: 'steady',
    },
    now,
  );
  return theme.id;
}

/** An improvement of the workspace, just proposed. */
async function freshImprovement(w: World): Promise<string> {
  const row = await insertImprovementRow(
    w.t.database.db,
    { workspace_id: w.t.workspace.actor.workspaceId, title: `Fix ${unique(w)}`, description: '', owner_id: null, created_by: null },
    new Date(),
  );
  return row.id;
}

/** A draft agenda of team A for a week of its own. */
async function freshAgenda(w: World): Promise<Fixture & { id: string }> {
  const row = await insertDigestRow(
    w.t.database.db,
    {
      workspace_id: w.t.workspace.actor.workspaceId,
      kind: 'team_meeting',
      team_id: w.cast.teamA.id,
      period: '2026-W10',
      selection: JSON.stringify({ stories: [], leftOut: 0 }),
      created_by: null,
    },
    new Date(),
  );
  return { id: row.id, url: '', subject: { teamIds: [w.cast.teamA.id] }, hidden: true };
}

/** An approved newsletter of the workspace (a draft would be hidden from employees), not yet mailed. */
async function freshNewsletter(w: World): Promise<string> {
  const ws = w.t.workspace.actor.workspaceId;
  const row = await insertDigestRow(
    w.t.database.db,
    {
      workspace_id: ws,
      kind: 'newsletter',
      team_id: null,
      period: '2026-11-01',
      selection: JSON.stringify({ stories: [], leftOut: 0 }),
      created_by: null,
    },
    new Date(),
  );
  const doc = { kind: 'newsletter', title: 'What we learned', rules: [], stories: [], leftOut: null };
  await updateDigestRow(w.t.database.db, ws, row.id, { status: 'approved', approved_document: JSON.stringify(doc) }, new Date());
  return row.id;
}

const onAgenda =
  (path: string, body?: (w: World) => unknown) =>
  async (w: World): Promise<Fixture> => {
    const { id, ...rest } = await freshAgenda(w);
    return { ...rest, url: `/api/v1/digests/agendas/${id}${path}`, body: body?.(w) };
  };

const onNewsletter =
  (path: string, body?: (w: World) => unknown) =>
  async (w: World): Promise<Fixture> => ({
    url: `/api/v1/digests/newsletters/${await freshNewsletter(w)}${path}`,
    body: body?.(w),
    subject: {},
    hidden: true,
  });

/** A theme holding one fresh case of team A. */
async function themeWithCase(w: World): Promise<{ themeId: string; ref: string; subject: Subject }> {
  const themeId = await freshTheme(w);
  const { ref, subject } = await freshCase(w);
  const kase = await w.t.database.db.selectFrom('cases').select(['id', 'reported_at']).where('ref', '=', ref).executeTakeFirstOrThrow();
  await upsertMemberRow(w.t.database.db, {
    workspace_id: w.t.workspace.actor.workspaceId,
    doc_id: `case:${kase.id}`,
    doc_kind: 'case',
    case_id: kase.id,
    doc_at: kase.reported_at,
    theme_id: themeId,
    score: 0.5,
    phrases: '["refund"]',
    pinned: 0,
    source: 'mined',
    assigned_at: new Date().toISOString(),
  });
  return { themeId, ref, subject };
}

const NINE_TO_FIVE = { start: '09:00', end: '17:00' };
const WORK_WEEK = { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE, sat: null, sun: null };

const RESOLUTION = {
  problem: 'The order arrived late and damaged.',
  options: ['Refund', 'Replacement'],
  solution: 'Send a replacement today.',
  policyRefs: ['Returns policy 2.1'],
  cost: { amount: 20, currency: 'EUR' },
};

/** A new forum thread opened by employee A; every signed-in person of the workspace may read it. */
async function freshThread(w: World): Promise<string> {
  const a = w.cast.employeeA.actor;
  return (await createThread({ db: w.t.database.db, actor: a, now: new Date() }, { title: `A thread ${unique(w)}`, body: 'Opening post.' }))
    .id;
}

/** A reply by employee A in a fresh thread. */
async function freshPost(w: World): Promise<string> {
  const threadId = await freshThread(w);
  return (await addPost({ db: w.t.database.db, actor: w.cast.employeeA.actor, now: new Date() }, threadId, { body: 'A reply.' })).id;
}

const onThread =
  (path: string, body?: (w: World) => unknown) =>
  async (w: World): Promise<Fixture> => ({ url: `/api/v1/forum/threads/${await freshThread(w)}${path}`, body: body?.(w), subject: {} });
/** A practice session of employee A (team A): theirs to play; their supervisors, HR and admins may read it. */
const practiceSession =
  (path: string, body?: () => unknown) =>
  async (w: World): Promise<Fixture> => {
    const a = w.cast.employeeA.actor;
    const session = await startSession(
      { db: w.t.database.db, actor: a, now: new Date() },
      { scenarioKey: 'cake-not-ready', difficulty: 'patient', seed: 7 },
    );
    return {
      url: `/api/v1/training/sessions/${session.id}${path}`,
      body: body?.(),
      subject: { ownerUserId: a.userId, teamIds: [w.cast.teamA.id] },
      hidden: true,
    };
  };

/** A review of employee A (window open) over a fresh case of team A reported by supervisor A, written straight to the store. */
async function freshReview(w: World): Promise<{ id: string; ref: string }> {
  const db = w.t.database.db;
  const sup = w.cast.supervisorA.actor;
  const kase = await createCase(
    { db, actor: sup, now: new Date() },
    { ...buildCase(), teamId: w.cast.teamA.id, employees: [{ employeeId: w.cast.employeeA.actor.employeeId as string, role: 'primary' }] },
  );
  const row = await db.selectFrom('cases').select('id').where('ref', '=', kase.ref).executeTakeFirstOrThrow();
  const now = new Date();
  const review = await insertReviewRow(db, {
    workspace_id: sup.workspaceId,
    employee_id: w.cast.employeeA.actor.employeeId as string,
    flag_id: null,
    rule_id: null,
    status: 'open',
    reason: `Fixture ${unique(w)}`,
    opened_by: w.cast.hr.actor.userId,
    opened_at: now.toISOString(),
    response_due_at: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
    waived_at: null,
    employee_statement: null,
    employee_statement_at: null,
    appeal_reason: null,
    appealed_at: null,
    updated_at: now.toISOString(),
  });
  await insertReviewCases(db, [
    {
      workspace_id: sup.workspaceId,
      review_id: review.id,
      case_id: row.id,
      counted: 1,
      why: 'fixture',
      exclusions: '[]',
      allegation: null,
      finding: null,
      policy: null,
      recorded_by: null,
      recorded_at: null,
    },
  ]);
  return { id: review.id, ref: kase.ref };
}

const onReview =
  (path: (r: { id: string; ref: string }) => string, body?: () => unknown) =>
  async (w: World): Promise<Fixture> => {
    const r = await freshReview(w);
    return { url: `/api/v1/reviews/${r.id}${path(r)}`, body: body?.(), subject: {}, hidden: true };
  };

/** Employee A's own side of a fresh review of them: nobody else, not even an admin, speaks for them. */
const onMyReview =
  (path: string, body?: () => unknown) =>
  async (w: World): Promise<Fixture> => ({
    url: `/api/v1/me/reviews/${(await freshReview(w)).id}${path}`,
    body: body?.(),
    subject: { ownerUserId: w.cast.employeeA.actor.userId },
    hidden: true,
  });

/** A pending flag of the default rule on employee A. */
async function freshFlag(w: World): Promise<string> {
  const db = w.t.database.db;
  const ws = w.t.workspace.actor.workspaceId;
  const [rule] = await workspaceRules(db, ws, new Date());
  const flag = await insertFlagRow(db, {
    workspace_id: ws,
    rule_id: rule?.id as string,
    employee_id: w.cast.employeeA.actor.employeeId as string,
    status: 'pending',
    counted: '[]',
    excluded: '[]',
    raised_at: new Date().toISOString(),
    decided_by: null,
    decided_at: null,
    decision_reason: null,
    review_id: null,
  });
  return flag.id;
}

/** A support request of employee A (team A): theirs and their supervisors' to act on. */
const onSupport =
  (path: string, status: 'offered' | 'open', body?: () => unknown) =>
  async (w: World): Promise<Fixture> => {
    const a = w.cast.employeeA.actor;
    const row = await insertSupportRequest(w.t.database.db, {
      workspace_id: a.workspaceId,
      employee_id: a.employeeId as string,
      user_id: a.userId,
      case_id: null,
      kind: status === 'open' ? 'talk' : null,
      note: null,
      source: 'self',
      status,
      supervisor_id: w.cast.supervisorA.actor.userId,
      due_at: status === 'open' ? new Date(Date.now() + 86_400_000).toISOString() : null,
      answer: null,
      answered_by: null,
      answered_at: null,
      closed_at: null,
      created_at: new Date().toISOString(),
    });
    return {
      url: `/api/v1/support-requests/${row.id}${path}`,
      body: body?.(),
      subject: { teamIds: [w.cast.teamA.id], ownerUserId: a.userId },
      hidden: true,
    };
  };

const RULE_BODY = {
  kind: 'unhappy_follow_ups',
  name: 'Unhappy customers',
  threshold: 3,
  windowMonths: 6,
  enabled: true,
  countExclusions: [],
};
/** A finished practice session of employee A: their supervisors and admins may review it. */
async function finishedSession(w: World): Promise<Fixture> {
  const a = w.cast.employeeA.actor;
  const ctx = { db: w.t.database.db, actor: a, now: new Date() };
  const session = await startSession(ctx, { scenarioKey: 'cake-not-ready', difficulty: 'patient', seed: 8 });
  await endSession(ctx, session.id, { how: 'stop' });
  return {
    url: `/api/v1/training/sessions/${session.id}/review`,
    body: { total: 70, reason: 'The coach missed the summary' },
    subject: { ownerUserId: a.userId, teamIds: [w.cast.teamA.id] },
    hidden: true,
  };
}

/** An open assignment of employee A (team A), given by the admin. */
async function freshAssignment(w: World): Promise<string> {
  const made = await assignTraining(w.t.workspace.ctx(), {
    scenarioKeys: ['cake-not-ready'],
    userIds: [w.cast.employeeA.actor.userId],
    dueAt: inADay(),
  });
  return made.items[0]?.id as string;
}

/** A closed case of team A, with employee A as the primary party. */
async function closedCase(w: World): Promise<{ ref: string; subject: Subject }> {
  const admin = w.t.workspace.ctx();
  const kase = await buildResolvedCase(admin, { teamId: w.cast.teamA.id, employeeId: w.cast.employeeA.actor.employeeId as string });
  await transitionCase(admin, kase.ref, {
    to: 'closed',
    ...(await keepEverythingOpen(admin.db, kase, admin.actor.workspaceId)),
    outcome: 'Refunded',
    rootCause: { category: 'process', whys: ['The parcel sat at the depot'], factors: [] },
  });
  return {
    ref: kase.ref,
    subject: { teamIds: [w.cast.teamA.id], involvedUserIds: [w.t.workspace.user.id, w.cast.employeeA.actor.userId] },
  };
}

/** One entry per route; a route added without an entry here fails the coverage test below. */
const FIXTURES: Record<string, (w: World) => Promise<Fixture>> = {
  'POST /api/v1/auth/sign-in': plain('/api/v1/auth/sign-in', (w) => ({
    email: w.t.workspace.user.email,
    password: 'correct horse battery',
  })),
  'POST /api/v1/auth/accept-invite': async (w) => ({
    url: '/api/v1/auth/accept-invite',
    body: { token: (await invitedUser(w)).inviteToken, password: 'a fine new password' },
  }),
  'POST /api/v1/auth/sign-out': plain('/api/v1/auth/sign-out', () => ({})),
  'GET /api/v1/me': plain('/api/v1/me'),
  'POST /api/v1/me/password': plain('/api/v1/me/password', () => ({ currentPassword: 'not it at all', newPassword: 'whatever new one' })),
  'GET /api/v1/users': plain('/api/v1/users'),
  'POST /api/v1/users': plain('/api/v1/users', (w) => ({ email: `new.${unique(w)}@example.test`, name: 'New', role: 'employee' })),
  'PATCH /api/v1/users/{id}': async (w) => ({
    url: `/api/v1/users/${(await invitedUser(w)).user.id}`,
    body: { name: 'Renamed' },
    subject: {},
  }),
  'POST /api/v1/users/{id}/invitation': async (w) => ({
    url: `/api/v1/users/${(await invitedUser(w)).user.id}/invitation`,
    body: {},
    subject: {},
  }),
  'GET /api/v1/tokens': plain('/api/v1/tokens'),
  'POST /api/v1/tokens': plain('/api/v1/tokens', () => ({ name: 'laptop' })),
  'DELETE /api/v1/tokens/{id}': async (w) => {
    const a = w.cast.employeeA.actor;
    const { id } = await createToken(w.t.database.db, { workspaceId: a.workspaceId, userId: a.userId, name: 'spare' }, new Date());
    return { url: `/api/v1/tokens/${id}`, subject: { ownerUserId: a.userId }, hidden: true };
  },
  'GET /api/v1/access-log': plain('/api/v1/access-log'),
  'POST /api/v1/cases': plain('/api/v1/cases', () => ({
    title: 'Shouting at the till',
    summary: 'Refund refused.',
    channel: 'in_person',
    severity: 3,
    customerState: 'angry',
  })),
  'GET /api/v1/cases': plain('/api/v1/cases'),
  'GET /api/v1/cases/export': plain('/api/v1/cases/export?format=json'),
  'GET /api/v1/cases/{ref}': onCase(''),
  'PATCH /api/v1/cases/{ref}': onCase('', () => ({ title: 'A clearer title' })),
  'PUT /api/v1/cases/{ref}/assignee': onCase('/assignee', () => ({ assigneeId: null })),
  'POST /api/v1/cases/{ref}/transitions': onCase('/transitions', () => ({ to: 'acknowledged' })),
  'POST /api/v1/cases/{ref}/parties': onCase('/parties', (w) => ({ employeeId: w.cast.employeeB.actor.employeeId, role: 'witness' })),
  'GET /api/v1/cases/{ref}/events': onCase('/events'),
  'POST /api/v1/cases/{ref}/events': onCase('/events', () => ({ text: 'Called the customer back.' })),
  'GET /api/v1/cases/{ref}/verification': onCase('/verification'),
  'GET /api/v1/cases/{ref}/statements': onCase('/statements'),
  'POST /api/v1/cases/{ref}/statements': async (w) => {
    const fixture = await onCase('/statements', () => ({
      party: 'employee',
      employeeId: w.cast.employeeA.actor.employeeId,
      body: 'My side.',
    }))(w);
    return { ...fixture, subject: { ...fixture.subject, ownerUserId: w.cast.employeeA.actor.userId } };
  },
  'GET /api/v1/teams': plain('/api/v1/teams'),
  'POST /api/v1/teams': plain('/api/v1/teams', (w) => ({ name: `Team ${unique(w)}` })),
  'GET /api/v1/employees': plain('/api/v1/employees'),
  'POST /api/v1/employees': plain('/api/v1/employees', () => ({ name: 'Pat New' })),
  'GET /api/v1/employees/{id}/history': async (w) => ({
    url: `/api/v1/employees/${w.cast.employeeA.actor.employeeId}/history`,
    subject: { teamIds: [w.cast.teamA.id], ownerUserId: w.cast.employeeA.actor.userId },
  }),
  'GET /api/v1/customers': plain('/api/v1/customers'),
  'GET /api/v1/playbooks': plain('/api/v1/playbooks'),
  'POST /api/v1/cases/{ref}/replies': onCase('/replies', () => ({ body: 'I am sorry about the wait. I will call you tomorrow at 10am.' })),
  'GET /api/v1/reports/coaching': plain('/api/v1/reports/coaching'),
  'POST /api/v1/coach/analyze': plain('/api/v1/coach/analyze', () => ({ reply: 'I am sorry. I will call you back tomorrow at 3pm.' })),
  'GET /api/v1/playbooks/{key}': plain('/api/v1/playbooks/five-steps'),
  'GET /api/v1/cases/{ref}/recommendation': onCase('/recommendation?policyAtStake=true'),
  'POST /api/v1/customers': plain('/api/v1/customers', () => ({ name: 'Ann Customer' })),
  'POST /api/v1/playbooks': plain('/api/v1/playbooks', (w) => ({ fromKey: 'five-steps', name: `Our five steps ${unique(w)}` })),
  'PUT /api/v1/playbooks/{key}': async (w) => {
    const copy = await copyWorkspacePlaybook(w.t.workspace.ctx(), { fromKey: 'six-tips', name: `Our tips ${unique(w)}` });
    // An empty subject: only the workspace's own admins may edit, and another workspace cannot see the key.
    return { url: `/api/v1/playbooks/${copy.key}`, body: { name: 'Our tips, revised' }, subject: {}, hidden: true };
  },
  'GET /api/v1/cases/{ref}/playbook': onCase('/playbook'),
  'PUT /api/v1/cases/{ref}/playbook': onCase('/playbook', () => ({
    key: 'five-steps',
    strategy: 'negotiate',
    reason: 'A fair offer settles it.',
  })),
  'POST /api/v1/cases/{ref}/playbook/steps': async (w) => {
    const fixture = await onCase('/playbook/steps', () => ({ stepKey: 'focus', note: 'Listening now.' }))(w);
    const ref = fixture.url.split('/')[4] as string;
    await startPlaybook(w.t.workspace.ctx(), ref, { key: 'five-steps', strategy: 'negotiate', reason: 'A fair offer settles it.' });
    return fixture;
  },
  'GET /api/v1/cases/{ref}/resolution': onCase('/resolution'),
  'PUT /api/v1/cases/{ref}/resolution': onCase('/resolution', () => RESOLUTION),
  'POST /api/v1/cases/{ref}/resolution/decision': async (w) => {
    // A resolution above employee A's limit, waiting for a supervisor of team A.
    const fixture = await onCase('/resolution/decision', () => ({ decision: 'approve', note: 'Fair.' }))(w);
    const ref = fixture.url.split('/')[4] as string;
    const employee = w.cast.employeeA.actor;
    await proposeResolution({ db: w.t.database.db, actor: employee, now: new Date() }, ref, {
      ...RESOLUTION,
      cost: { amount: 250, currency: 'EUR' },
    });
    return fixture;
  },
  'POST /api/v1/cases/{ref}/abuse': onCase('/abuse', () => ({ note: 'Called me names and would not stop.' })),
  'GET /api/v1/settings/deadlines': plain('/api/v1/settings/deadlines'),
  'PUT /api/v1/settings/deadlines': plain('/api/v1/settings/deadlines', () => ({ preset: 'custom', targets: [], caseTypes: [] })),
  'GET /api/v1/settings/workspace': plain('/api/v1/settings/workspace'),
  'PUT /api/v1/settings/workspace': plain('/api/v1/settings/workspace', () => ({ currency: 'USD' })),
  'GET /api/v1/settings/business-hours': plain('/api/v1/settings/business-hours'),
  'PUT /api/v1/settings/business-hours/{teamId}': async (w) => ({
    url: `/api/v1/settings/business-hours/${w.cast.teamA.id}`,
    body: { timeZone: null, week: WORK_WEEK, holidays: [{ date: '2026-12-25', name: 'Christmas Day' }] },
    subject: {},
    hidden: true,
  }),
  'DELETE /api/v1/settings/business-hours/{teamId}': async (w) => ({
    url: `/api/v1/settings/business-hours/${w.cast.teamB.id}`,
    subject: {},
    hidden: true,
  }),
  'POST /api/v1/cases/{ref}/clocks/pause': onCase('/clocks/pause', () => ({ note: 'Waiting for the receipt.' })),
  'POST /api/v1/cases/{ref}/clocks/resume': async (w) => {
    const fixture = await onCase('')(w);
    const ref = fixture.url.split('/').at(-1) as string;
    await pauseCaseClocks(w.t.workspace.ctx(), ref);
    return { ...fixture, url: `${fixture.url}/clocks/resume` };
  },
  'GET /api/v1/settings/authority-limits': plain('/api/v1/settings/authority-limits'),
  'PUT /api/v1/settings/authority-limits': plain('/api/v1/settings/authority-limits', () => ({
    roles: { employee: 100, supervisor: 1000, hr: 0, admin: null },
    users: [],
  })),
  'GET /api/v1/cases/{ref}/commitments': onCase('/commitments'),
  'POST /api/v1/cases/{ref}/commitments': onCase('/commitments', () => ({ text: 'Call back', dueAt: inADay() })),
  'PATCH /api/v1/cases/{ref}/commitments/{id}': async (w) => {
    const fixture = await onCase('')(w);
    const ref = fixture.url.split('/').at(-1) as string;
    const c = await addCommitment(w.t.workspace.ctx(), ref, { text: 'Send the voucher', dueAt: inADay() });
    return { ...fixture, url: `${fixture.url}/commitments/${c.id}`, body: { status: 'kept' } };
  },
  'GET /api/v1/reports/commitments': plain('/api/v1/reports/commitments'),
  'GET /api/v1/cases/{ref}/follow-ups': onCase('/follow-ups'),
  'POST /api/v1/cases/{ref}/follow-ups': onCase('/follow-ups', (w) => ({
    party: 'employee',
    employeeId: w.cast.employeeA.actor.employeeId,
    dueAt: inADay(),
  })),
  'GET /api/v1/follow-ups': plain('/api/v1/follow-ups?mine=true'),
  'POST /api/v1/follow-ups/{id}/answer': async (w) => {
    const { cast, t } = w;
    const kase = await buildResolvedCase(t.workspace.ctx(), {
      teamId: cast.teamA.id,
      employeeId: cast.employeeA.actor.employeeId as string,
    });
    await sendDueFollowUps(t.database.db, new Date(Date.now() + 7 * 86_400_000), 'http://localhost', { caseId: kase.id });
    const [mine] = (await listCaseFollowUps(t.workspace.ctx(), kase.ref)).filter((f) => f.party === 'employee');
    return {
      url: `/api/v1/follow-ups/${mine?.id}/answer`,
      body: { feltSupported: 4, wantsTraining: false, wantsHelp: false },
      subject: { ownerUserId: cast.employeeA.actor.userId },
      hidden: true,
    };
  },
  'GET /api/v1/notifications': plain('/api/v1/notifications?unread=true'),
  'POST /api/v1/notifications/{id}/read': async (w) => {
    const a = w.cast.employeeA.actor;
    const [n] = await insertNotifications(
      w.t.database.db,
      [{ workspaceId: a.workspaceId, userId: a.userId, kind: 'note', caseId: null, title: 'Hello', body: 'A note' }],
      new Date(),
    );
    return { url: `/api/v1/notifications/${n?.id}/read`, subject: { ownerUserId: a.userId }, hidden: true };
  },
  'POST /api/v1/notifications/read-all': plain('/api/v1/notifications/read-all'),
  'GET /api/v1/notifications/preferences': plain('/api/v1/notifications/preferences'),
  'PUT /api/v1/notifications/preferences': plain('/api/v1/notifications/preferences', () => ({
    items: [{ kind: 'help_taken', inApp: true, email: true }],
  })),
  'GET /api/v1/events/stream': plain('/api/v1/events/stream?once=true'),
  'GET /api/v1/cases/{ref}/commitments/owners': onCase('/commitments/owners'),
  'POST /api/v1/cases/{ref}/help-request': onCase('/help-request', () => ({ note: 'The customer is shouting at the till.' })),
  'POST /api/v1/cases/{ref}/help-request/take': async (w) => {
    const fixture = await onCase('')(w);
    const ref = fixture.url.split('/').at(-1) as string;
    await requestHelp({ db: w.t.database.db, actor: w.cast.employeeA.actor, now: new Date() }, ref, undefined);
    return { ...fixture, url: `${fixture.url}/help-request/take` };
  },
  'GET /api/v1/forum/threads': plain('/api/v1/forum/threads?sort=unreviewed'),
  'POST /api/v1/forum/threads': plain('/api/v1/forum/threads', (w) => ({
    title: `Returns desk queue ${unique(w)}`,
    body: 'The queue is too long.',
  })),
  'GET /api/v1/forum/threads/similar': plain('/api/v1/forum/threads/similar?title=Returns%20desk%20queue'),
  'GET /api/v1/forum/threads/{id}': onThread(''),
  'GET /api/v1/forum/threads/{id}/posts': onThread('/posts'),
  'POST /api/v1/forum/threads/{id}/posts': onThread('/posts', () => ({ body: 'Same at our store.' })),
  'PUT /api/v1/forum/threads/{id}/vote': onThread('/vote'),
  'DELETE /api/v1/forum/threads/{id}/vote': onThread('/vote'),
  'PUT /api/v1/forum/threads/{id}/review': onThread('/review', () => ({ answer: 'We are changing the rota.' })),
  'POST /api/v1/forum/threads/{id}/merge': async (w) => {
    const into = await freshThread(w);
    return { ...(await onThread('/merge')(w)), body: { intoId: into } };
  },
  'PATCH /api/v1/forum/posts/{id}': async (w) => ({
    url: `/api/v1/forum/posts/${await freshPost(w)}`,
    body: { body: 'Corrected.' },
    subject: { ownerUserId: w.cast.employeeA.actor.userId },
  }),
  'POST /api/v1/forum/posts/{id}/reports': async (w) => ({
    url: `/api/v1/forum/posts/${await freshPost(w)}/reports`,
    body: { reason: 'Off topic' },
    subject: {},
  }),
  'POST /api/v1/forum/posts/{id}/hide': async (w) => ({
    url: `/api/v1/forum/posts/${await freshPost(w)}/hide`,
    body: { reason: 'Off topic' },
    subject: {},
  }),
  'GET /api/v1/training/scenarios': plain('/api/v1/training/scenarios'),
  'POST /api/v1/training/scenarios': plain('/api/v1/training/scenarios', (w) => ({
    fromKey: 'cake-not-ready',
    title: `Our cake ${unique(w)}`,
  })),
  'GET /api/v1/training/scenarios/{key}': plain('/api/v1/training/scenarios/cake-not-ready'),
  'PUT /api/v1/training/scenarios/{key}': async (w) => {
    const copy = await copyWorkspaceScenario(w.t.workspace.ctx(), { fromKey: 'double-charge', title: `Our double charge ${unique(w)}` });
    // Only the workspace's own admins may edit; another workspace cannot see the key.
    // Supervisors edit only their own drafts: a published copy is refused them.
    return { url: `/api/v1/training/scenarios/${copy.key}`, body: { passMark: 75 }, subject: {} };
  },
  'POST /api/v1/training/scenarios/from-case': async (w) => {
    const { ref, subject } = await closedCase(w);
    return { url: '/api/v1/training/scenarios/from-case', body: { caseRef: ref }, subject, readsCase: true };
  },
  'GET /api/v1/training/assignments': plain('/api/v1/training/assignments'),
  'POST /api/v1/training/assignments': async (w) => ({
    url: '/api/v1/training/assignments',
    body: { scenarioKeys: ['double-charge'], userIds: [w.cast.employeeA.actor.userId], dueAt: inADay() },
    subject: { ownerUserId: w.cast.employeeA.actor.userId, teamIds: [w.cast.teamA.id] },
  }),
  'POST /api/v1/training/assignments/{id}/cancel': async (w) => ({
    url: `/api/v1/training/assignments/${await freshAssignment(w)}/cancel`,
    body: {},
    subject: { ownerUserId: w.cast.employeeA.actor.userId, teamIds: [w.cast.teamA.id] },
    hidden: true,
  }),
  'GET /api/v1/training/rules': plain('/api/v1/training/rules'),
  'PUT /api/v1/training/rules': plain('/api/v1/training/rules', () => DEFAULT_TRAINING_RULES),
  'GET /api/v1/training/certifications': plain('/api/v1/training/certifications'),
  'POST /api/v1/training/sessions/{id}/review': finishedSession,
  'GET /api/v1/training/reports/completion': plain('/api/v1/training/reports/completion'),
  'GET /api/v1/training/reports/effect': plain('/api/v1/training/reports/effect'),
  'GET /api/v1/training/reports/calibration': plain('/api/v1/training/reports/calibration'),
  'GET /api/v1/training/people/{userId}/history': async (w) => ({
    url: `/api/v1/training/people/${w.cast.employeeA.actor.userId}/history`,
    subject: { ownerUserId: w.cast.employeeA.actor.userId, teamIds: [w.cast.teamA.id] },
  }),
  'GET /api/v1/training/sessions': plain('/api/v1/training/sessions'),
  'POST /api/v1/training/sessions': plain('/api/v1/training/sessions', () => ({ scenarioKey: 'cake-not-ready', difficulty: 'patient' })),
  'GET /api/v1/training/sessions/{id}': practiceSession(''),
  'POST /api/v1/training/sessions/{id}/turns': practiceSession('/turns', () => ({
    reply: 'I’m here and listening. Tell me what happened?',
  })),
  'POST /api/v1/training/sessions/{id}/end': practiceSession('/end', () => ({ how: 'stop' })),
  'GET /api/v1/training/quiz': plain('/api/v1/training/quiz'),
  'POST /api/v1/training/quiz/{id}/answer': plain('/api/v1/training/quiz/lawyer-letter/answer', () => ({ strategy: 'diffuse' })),
  'GET /api/v1/themes': plain('/api/v1/themes'),
  'POST /api/v1/themes/runs': plain('/api/v1/themes/runs'),
  'GET /api/v1/themes/runs/{id}': async (w) => {
    const run = await insertRunRow(
      w.t.database.db,
      { workspace_id: w.t.workspace.actor.workspaceId, trigger: 'cli', requested_by: null },
      new Date(),
    );
    return { url: `/api/v1/themes/runs/${run.id}`, subject: {}, hidden: true };
  },
  'GET /api/v1/themes/{id}': async (w) => ({ url: `/api/v1/themes/${await freshTheme(w)}`, subject: {}, hidden: true }),
  'PATCH /api/v1/themes/{id}': async (w) => ({
    url: `/api/v1/themes/${await freshTheme(w)}`,
    body: { label: 'Refunds at the till' },
    subject: {},
    hidden: true,
  }),
  'POST /api/v1/themes/{id}/merge': async (w) => ({
    url: `/api/v1/themes/${await freshTheme(w)}/merge`,
    body: { into: await freshTheme(w) },
    subject: {},
    hidden: true,
  }),
  'POST /api/v1/themes/{id}/split': async (w) => {
    const { themeId, ref } = await themeWithCase(w);
    return { url: `/api/v1/themes/${themeId}/split`, body: { label: 'Card refunds', caseRefs: [ref] }, subject: {}, hidden: true };
  },
  'GET /api/v1/cases/{ref}/theme': async (w) => {
    const { ref, subject } = await themeWithCase(w);
    return { url: `/api/v1/cases/${ref}/theme`, subject, readsCase: true };
  },
  'GET /api/v1/improvements': plain('/api/v1/improvements'),
  'POST /api/v1/improvements': plain('/api/v1/improvements', () => ({
    title: 'Show the card search on the till',
    description: 'So refunds without a receipt stop at the counter.',
  })),
  'GET /api/v1/improvements/{id}': async (w) => ({ url: `/api/v1/improvements/${await freshImprovement(w)}`, subject: {}, hidden: true }),
  'PATCH /api/v1/improvements/{id}': async (w) => ({
    url: `/api/v1/improvements/${await freshImprovement(w)}`,
    body: { status: 'planned' },
    subject: {},
    hidden: true,
  }),
  'PUT /api/v1/cases/{ref}/theme': async (w) => {
    const { ref, subject } = await themeWithCase(w);
    return { url: `/api/v1/cases/${ref}/theme`, body: { themeId: await freshTheme(w) }, subject, readsCase: true };
  },
  // Signs a checkpoint of every workspace first, so each caller's workspace has one to fetch.
  'GET /api/v1/audit/checkpoints/latest': async (w) => {
    await signDueCheckpoints(w.t.database.db, TEST_SIGNING_KEY, new Date());
    return { url: '/api/v1/audit/checkpoints/latest' };
  },
  'GET /api/v1/audit/verify': plain('/api/v1/audit/verify'),
  'POST /api/v1/audit/verify': async (w) => {
    await signDueCheckpoints(w.t.database.db, TEST_SIGNING_KEY, new Date());
    const latest = await latestCheckpoint(w.t.database.db, w.t.workspace.actor.workspaceId);
    return { url: '/api/v1/audit/verify', body: { checkpoints: latest ? [toSigned(latest)] : [] } };
  },
  'GET /api/v1/review-rules': plain('/api/v1/review-rules'),
  'POST /api/v1/review-rules': plain('/api/v1/review-rules', () => RULE_BODY),
  'PUT /api/v1/review-rules/{id}': async (w) => {
    const [rule] = await workspaceRules(w.t.database.db, w.t.workspace.actor.workspaceId, new Date());
    return { url: `/api/v1/review-rules/${rule?.id}`, body: { ...RULE_BODY, enabled: false }, subject: {} };
  },
  'POST /api/v1/review-rules/evaluate': plain('/api/v1/review-rules/evaluate', () => ({})),
  'GET /api/v1/review-flags': plain('/api/v1/review-flags'),
  'POST /api/v1/review-flags/{id}/decision': async (w) => ({
    url: `/api/v1/review-flags/${await freshFlag(w)}/decision`,
    body: { open: false, reason: 'Both cases were handled as well as they could be' },
    subject: {},
    hidden: true,
  }),
  'GET /api/v1/reviews': plain('/api/v1/reviews'),
  'POST /api/v1/reviews': async (w) => {
    const { ref } = await freshReview(w);
    return { url: '/api/v1/reviews', body: { employeeId: w.cast.employeeA.actor.employeeId, caseRefs: [ref], reason: 'By hand' } };
  },
  'GET /api/v1/reviews/{id}': onReview(() => ''),
  'GET /api/v1/reviews/{id}/evidence': onReview(() => '/evidence'),
  'PUT /api/v1/reviews/{id}/cases/{ref}/finding': onReview(
    (r) => `/cases/${r.ref}/finding`,
    () => ({ allegation: 'Refused a refund', finding: 'inconclusive', policy: 'Returns policy' }),
  ),
  'POST /api/v1/reviews/{id}/decision': onReview(
    () => '/decision',
    () => ({ outcome: 'coaching', rationale: 'Coaching first' }),
  ),
  'POST /api/v1/reviews/{id}/sign-off': onReview(() => '/sign-off'),
  'GET /api/v1/reviews/{id}/dossier.pdf': onReview(() => '/dossier.pdf'),
  'GET /api/v1/me/reviews': plain('/api/v1/me/reviews'),
  'POST /api/v1/me/reviews/{id}/statement': onMyReview('/statement', () => ({ body: 'My side of it.' })),
  'POST /api/v1/me/reviews/{id}/waive': onMyReview('/waive'),
  'POST /api/v1/me/reviews/{id}/appeal': onMyReview('/appeal', () => ({ reason: 'It was not my fault' })),
  'GET /api/v1/support-requests': plain('/api/v1/support-requests'),
  'POST /api/v1/support-requests': plain('/api/v1/support-requests', () => ({ kind: 'talk', note: 'A hard morning' })),
  'POST /api/v1/support-requests/{id}/accept': onSupport('/accept', 'offered', () => ({ kind: 'wellbeing' })),
  'POST /api/v1/support-requests/{id}/answer': onSupport('/answer', 'open', () => ({ answer: 'Let us talk at three' })),
  'POST /api/v1/support-requests/{id}/close': onSupport('/close', 'open'),
  'GET /api/v1/digests/agendas': plain('/api/v1/digests/agendas'),
  'POST /api/v1/digests/agendas': async (w) => ({
    url: '/api/v1/digests/agendas',
    body: { teamId: w.cast.teamA.id, week: `2026-W${String(10 + (unique(w) % 40)).padStart(2, '0')}` },
    subject: { teamIds: [w.cast.teamA.id] },
  }),
  'GET /api/v1/digests/agendas/{id}': onAgenda(''),
  'PATCH /api/v1/digests/agendas/{id}': onAgenda('', () => ({ redact: ['till'] })),
  'POST /api/v1/digests/agendas/{id}/approve': onAgenda('/approve'),
  'POST /api/v1/digests/agendas/{id}/send': onAgenda('/send'),
  'GET /api/v1/digests/management-summary': plain('/api/v1/digests/management-summary'),
  'GET /api/v1/digests/newsletters': plain('/api/v1/digests/newsletters'),
  'POST /api/v1/digests/newsletters': plain('/api/v1/digests/newsletters', () => ({ since: '2026-11-01' })),
  'GET /api/v1/digests/newsletters/{id}': onNewsletter(''),
  'PATCH /api/v1/digests/newsletters/{id}': onNewsletter('', () => ({ story: 0, redact: ['till'] })),
  'POST /api/v1/digests/newsletters/{id}/approve': onNewsletter('/approve'),
  'POST /api/v1/digests/newsletters/{id}/send': onNewsletter('/send', () => ({ to: ['everyone@example.test'] })),
  'GET /api/v1/customers/{id}': async (w) => {
    const { customerId, subject } = await caseWithCustomer(w);
    // Front-line staff find a customer only through a case they may read; to anyone else it does not exist.
    return { url: `/api/v1/customers/${customerId}`, subject, hidden: true };
  },
  'POST /api/v1/customers/{id}/merge': async (w) => {
    const duplicate = await caseWithCustomer(w);
    const kept = await caseWithCustomer(w);
    return { url: `/api/v1/customers/${duplicate.customerId}/merge`, body: { intoId: kept.customerId }, subject: {}, hidden: true };
  },
  'GET /api/v1/customers/{id}/export': async (w) => ({
    url: `/api/v1/customers/${(await caseWithCustomer(w)).customerId}/export`,
    subject: {},
  }),
  'GET /api/v1/employees/{id}/export': async (w) => ({
    url: `/api/v1/employees/${w.cast.employeeA.actor.employeeId}/export?format=html`,
    subject: {},
  }),
  'POST /api/v1/customers/{id}/erase': async (w) => ({
    url: `/api/v1/customers/${(await caseWithCustomer(w)).customerId}/erase`,
    body: { reason: 'asked by email' },
    subject: {},
  }),
  'GET /api/v1/data-requests': plain('/api/v1/data-requests?status=open'),
  'POST /api/v1/data-requests': async (w) => ({
    url: '/api/v1/data-requests',
    body: { ...requestBody(), subjectId: (await caseWithCustomer(w)).customerId },
  }),
  'GET /api/v1/data-requests/{id}': onDataRequest(''),
  'POST /api/v1/data-requests/{id}/complete': onDataRequest('/complete', () => ({})),
  'POST /api/v1/data-requests/{id}/refuse': onDataRequest('/refuse', () => ({ reason: 'identity not confirmed' })),
  'GET /api/v1/legal-holds': plain('/api/v1/legal-holds'),
  'POST /api/v1/legal-holds': async (w) => ({
    url: '/api/v1/legal-holds',
    body: {
      matter: `Matter ${unique(w)}`,
      reason: 'a claim',
      subjects: [{ kind: 'customer', id: (await caseWithCustomer(w)).customerId }],
    },
  }),
  'POST /api/v1/legal-holds/{id}/release': async (w) => {
    const { customerId } = await caseWithCustomer(w);
    const hold = await createLegalHold(w.t.workspace.ctx(), {
      matter: `Matter ${unique(w)}`,
      reason: 'a claim',
      subjects: [{ kind: 'customer', id: customerId }],
    });
    return { url: `/api/v1/legal-holds/${hold.id}/release`, body: { reason: 'settled' }, subject: {} };
  },
  'GET /api/v1/retention': plain('/api/v1/retention'),
  'PUT /api/v1/retention': plain('/api/v1/retention', () => ({ customerMonths: 24 })),
  'GET /api/v1/webhooks/event-types': plain('/api/v1/webhooks/event-types'),
  'GET /api/v1/webhooks/settings': plain('/api/v1/webhooks/settings'),
  'PUT /api/v1/webhooks/settings': plain('/api/v1/webhooks/settings', () => ({ allowPrivateTargets: false })),
  'GET /api/v1/webhooks': plain('/api/v1/webhooks'),
  'POST /api/v1/webhooks': plain('/api/v1/webhooks', () => ({ url: 'https://hooks.example.test/defuse', eventTypes: ['case.created'] })),
  'GET /api/v1/webhooks/{id}': onWebhook(''),
  'PATCH /api/v1/webhooks/{id}': onWebhook('', () => ({ description: 'Our helpdesk' })),
  'DELETE /api/v1/webhooks/{id}': onWebhook(''),
  'POST /api/v1/webhooks/{id}/rotate-secret': onWebhook('/rotate-secret', () => ({ overlapMinutes: 10 })),
  'GET /api/v1/webhooks/{id}/deliveries': onWebhook('/deliveries'),
  'GET /api/v1/webhooks/{id}/deliveries/{deliveryId}': onDelivery(''),
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': onDelivery('/redeliver'),
  'GET /api/v1/cases/{ref}/messages': onCase('/messages'),
  'GET /api/v1/cases/{ref}/status-link': onCase('/status-link'),
  'DELETE /api/v1/cases/{ref}/status-link': onCase('/status-link'),
  'GET /api/v1/inbound-emails': plain('/api/v1/inbound-emails'),
  'POST /api/v1/inbound-emails/{id}/place': async (w) => {
    const { ref, subject } = await freshCase(w);
    return { url: `/api/v1/inbound-emails/${await heldMail(w)}/place`, body: { ref }, subject, readsCase: true };
  },
  'GET /api/v1/cases/{ref}/attachments': onCase('/attachments'),
  'POST /api/v1/cases/{ref}/attachments': onCase('/attachments?fileName=note.txt', () => ({ text: 'not a file' })),
  'GET /api/v1/cases/{ref}/attachments/{id}': async (w) => {
    const { ref, subject } = await freshCase(w);
    const res = await w.t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${ref}/attachments?fileName=note.txt`,
      headers: { ...w.t.auth, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('Receipt no. 12'),
    });
    return { url: `/api/v1/cases/${ref}/attachments/${(res.json() as { id: string }).id}`, subject, readsCase: true };
  },
  'POST /api/v1/inbound-emails/{id}/dismiss': async (w) => ({
    url: `/api/v1/inbound-emails/${await heldMail(w)}/dismiss`,
    subject: {},
    hidden: true,
  }),
  // Narrowed to team A: its supervisor and the workspace-wide roles read it; another workspace has no such team.
  'GET /api/v1/reports/dashboard': async (w) => ({
    url: `/api/v1/reports/dashboard?teamId=${w.cast.teamA.id}`,
    subject: { teamIds: [w.cast.teamA.id] },
  }),
  'GET /api/v1/reports/cases': async (w) => ({
    url: `/api/v1/reports/cases?teamId=${w.cast.teamA.id}`,
    subject: { teamIds: [w.cast.teamA.id] },
  }),
  'GET /api/v1/reports/people': plain('/api/v1/reports/people'),
  'PATCH /api/v1/teams/{id}': async (w) => {
    const team = await createTeam(w.t.workspace.ctx(), `Team ${unique(w)}`);
    return { url: `/api/v1/teams/${team.id}`, body: { name: `Renamed ${unique(w)}` }, subject: {}, hidden: true };
  },
  'GET /api/v1/tags': plain('/api/v1/tags'),
  'POST /api/v1/cases/{ref}/tags': onCase('/tags', () => ({ tags: ['vip'] })),
  'DELETE /api/v1/cases/{ref}/tags/{tag}': async (w) => {
    const { ref, subject } = await freshCase(w);
    await tagCase(w.t.workspace.ctx(), ref, ['vip']);
    return { url: `/api/v1/cases/${ref}/tags/vip`, subject, readsCase: true };
  },
  // No file in the body: whoever may import is told the file is empty; nobody else gets that far.
  'POST /api/v1/imports': plain('/api/v1/imports?format=zendesk&fileName=tickets.csv&dryRun=true'),
  'GET /api/v1/imports': plain('/api/v1/imports'),
  'GET /api/v1/imports/{id}': async (w) => ({ url: `/api/v1/imports/${await freshImport(w)}`, subject: {}, hidden: true }),
  'POST /api/v1/cases/{ref}/merge': async (w) => {
    const kept = await freshCase(w);
    const { ref, subject } = await freshCase(w);
    return { url: `/api/v1/cases/${ref}/merge`, body: { intoRef: kept.ref, reason: 'Reported twice' }, subject, readsCase: true };
  },
  'POST /api/v1/cases/{ref}/split': onCase('/split', () => ({
    title: 'A second matter',
    summary: 'The customer also raised a parking fine.',
  })),
  'GET /api/v1/saved-replies': plain('/api/v1/saved-replies'),
  'POST /api/v1/saved-replies': async (w) => ({
    url: '/api/v1/saved-replies',
    body: { title: `Thanks ${unique(w)}`, body: 'Thank you, {{customer.firstName|there}}.', teamId: w.cast.teamA.id },
    subject: { teamIds: [w.cast.teamA.id] },
  }),
  'PUT /api/v1/saved-replies/{id}': async (w) => ({
    url: `/api/v1/saved-replies/${await teamReply(w)}`,
    body: { title: 'Renamed', body: 'Thank you.', teamId: w.cast.teamA.id },
    subject: { teamIds: [w.cast.teamA.id] },
    hidden: true,
  }),
  'DELETE /api/v1/saved-replies/{id}': async (w) => ({
    url: `/api/v1/saved-replies/${await teamReply(w)}`,
    subject: { teamIds: [w.cast.teamA.id] },
    hidden: true,
  }),
  'POST /api/v1/cases/{ref}/saved-replies/{id}/render': async (w) => {
    const reply = await createSavedReply(w.t.workspace.ctx(), {
      title: `Hello ${unique(w)}`,
      body: 'Hello {{customer.firstName|there}}',
      teamId: null,
    });
    return onCase(`/saved-replies/${reply.id}/render`)(w);
  },
  'GET /api/v1/views': plain('/api/v1/views'),
  'POST /api/v1/views': plain('/api/v1/views', (w) => ({ name: `Mine ${unique(w)}`, filters: { tag: ['vip'] } })),
  'DELETE /api/v1/views/{id}': async (w) => {
    const view = await saveView(
      { db: w.t.database.db, actor: w.cast.employeeA.actor, now: new Date() },
      { name: `Mine ${unique(w)}`, filters: {} },
    );
    return { url: `/api/v1/views/${view.id}`, subject: { ownerUserId: w.cast.employeeA.actor.userId }, hidden: true };
  },
  // The route answers for each case on its own; who may change which case is in the results.
  'POST /api/v1/cases/bulk': async (w) => {
    const { ref } = await freshCase(w);
    return { url: '/api/v1/cases/bulk', body: { refs: [ref], action: { kind: 'tag', tags: ['vip'] } } };
  },
};

function requestBody() {
  return {
    subjectKind: 'customer' as const,
    kind: 'access' as const,
    regime: 'gdpr' as const,
    requestedBy: 'The customer, by email',
    identityCheck: 'Answered from the address on file',
  };
}

/** A fresh access request about a fresh customer. */
function onDataRequest(path: string, body?: () => unknown) {
  return async (w: World): Promise<Fixture> => {
    const { customerId } = await caseWithCustomer(w);
    const r = await createDataRequest(w.t.workspace.ctx(), { ...requestBody(), subjectId: customerId });
    return { url: `/api/v1/data-requests/${r.id}${path}`, body: body?.(), subject: {} };
  };
}

/** A webhook subscription of the workspace. */
async function freshWebhook(w: World): Promise<string> {
  const hook = await createWebhook(w.t.workspace.ctx(), {
    url: `https://hooks.example.test/${unique(w)}`,
    eventTypes: ['case.created'],
    scopes: [],
  });
  return hook.id;
}

function onWebhook(path: string, body?: (w: World) => unknown) {
  return async (w: World): Promise<Fixture> => ({
    url: `/api/v1/webhooks/${await freshWebhook(w)}${path}`,
    body: body?.(w),
    subject: {},
    hidden: true,
  });
}

/** A delivery of a fresh subscription, as the webhooks processor queues one. */
function onDelivery(path: string) {
  return async (w: World): Promise<Fixture> => {
    const subscriptionId = await freshWebhook(w);
    const id = newId();
    const at = new Date().toISOString();
    await insertDeliveryRow(w.t.database.db, {
      id,
      workspace_id: w.t.workspace.actor.workspaceId,
      subscription_id: subscriptionId,
      event_key: `0-${unique(w)}`,
      event_type: 'case.created',
      payload: '{"type":"case.created","timestamp":"2026-01-01T00:00:00.000Z","data":{}}',
      status: 'failed',
      attempts: 8,
      next_attempt_at: null,
      last_status_code: 500,
      last_error: 'the receiver answered 500',
      created_at: at,
      delivered_at: null,
      redeliver_by: null,
    });
    return { url: `/api/v1/webhooks/${subscriptionId}/deliveries/${id}${path}`, subject: {}, hidden: true };
  };
}

/** A finished import of the workspace. */
async function freshImport(w: World): Promise<string> {
  const id = newId();
  const at = new Date().toISOString();
  await insertImportRow(w.t.database.db, {
    id,
    workspace_id: w.t.workspace.actor.workspaceId,
    source: 'zendesk',
    file_name: `tickets-${unique(w)}.csv`,
    time_zone: 'UTC',
    encoding: 'utf-8',
    status: 'done',
    total_rows: 1,
    processed_rows: 1,
    created_cases: 1,
    skipped_rows: 0,
    failed_rows: 0,
    created_customers: 0,
    errors: '[]',
    failure: null,
    created_by: w.t.workspace.user.id,
    started_at: at,
    updated_at: at,
    finished_at: at,
  });
  return id;
}

/** A mail held in the workspace for a person to place (from someone who is not a case's customer). */
async function heldMail(w: World): Promise<string> {
  const id = uuidv7();
  await w.t.database.db
    .insertInto('inbound_emails')
    .values({
      id,
      workspace_id: w.t.workspace.workspace.id,
      message_id: `<held.${id}@example.test>`,
      from_address: 'someone.else@example.test',
      from_name: null,
      subject: 'About my order',
      text_body: 'It has not arrived.',
      received_at: new Date().toISOString(),
      status: 'held',
      reason: 'The sender is not this case’s customer',
      case_id: null,
      placed_by: null,
      placed_at: null,
    })
    .execute();
  return id;
}

/** A saved reply of team A, kept by the admin. */
async function teamReply(w: World): Promise<string> {
  const reply = await createSavedReply(w.t.workspace.ctx(), {
    title: `Team ${unique(w)}`,
    body: 'Sorry for the wait.',
    teamId: w.cast.teamA.id,
  });
  return reply.id;
}

/** A fresh case of team A (employee A its primary party) naming a new customer. */
async function caseWithCustomer(w: World): Promise<{ customerId: string; subject: Subject }> {
  const { cast, t } = w;
  const kase = await createCase(t.workspace.ctx(), {
    ...buildCase(),
    teamId: cast.teamA.id,
    employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
    customer: { name: `Customer ${unique(w)}`, email: `customer.${unique(w)}@example.test` },
  });
  return {
    customerId: kase.customerId as string,
    subject: { teamIds: [cast.teamA.id], involvedUserIds: [t.workspace.user.id, cast.employeeA.actor.userId] },
  };
}

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

/**
 * Statuses written out by hand from the role table in the README, for a few routes per role. The
 * matrix test derives its expectations from authorize(), so a wrong row in the permission table
 * would pass it; these literals would not. Callers: employee A (party to the case, team A), employee B
 * (team B), supervisors of team A and of team B, HR, the admin, and the admin of another workspace.
 */
type Statuses = readonly [number, number, number, number, number, number, number, number];
const BY_HAND: Record<string, Statuses> = {
  // anonymous, employee A, employee B, supervisor A, supervisor B, HR, admin, admin of another workspace
  'GET /api/v1/cases/{ref}': [401, 200, 404, 200, 404, 200, 200, 404],
  // Everyone who lists cases exports them; each export holds only the cases its caller may open.
  'GET /api/v1/cases/export': [401, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/v1/cases/{ref}/statements': [401, 201, 404, 201, 404, 403, 201, 404],
  'GET /api/v1/employees/{id}/history': [401, 200, 403, 200, 403, 200, 200, 404],
  'GET /api/v1/access-log': [401, 403, 403, 403, 403, 200, 200, 200],
  'PUT /api/v1/playbooks/{key}': [401, 403, 403, 403, 403, 403, 200, 404],
  'POST /api/v1/cases/{ref}/resolution/decision': [401, 403, 403, 200, 404, 403, 200, 404],
  'GET /api/v1/reports/coaching': [401, 200, 200, 200, 200, 200, 200, 200],
  'PUT /api/v1/forum/threads/{id}/review': [401, 403, 403, 200, 200, 403, 200, 404],
  'PATCH /api/v1/forum/posts/{id}': [401, 200, 403, 403, 403, 403, 403, 404],
  // Employee A's practice session: they and their supervisor, HR and the admin read it; only they play it.
  'GET /api/v1/training/sessions/{id}': [401, 200, 404, 200, 404, 200, 200, 404],
  'POST /api/v1/training/sessions/{id}/turns': [401, 201, 404, 404, 404, 404, 404, 404],
  'PUT /api/v1/training/scenarios/{key}': [401, 403, 403, 403, 403, 403, 200, 404],
  'POST /api/v1/training/sessions': [401, 201, 201, 201, 201, 201, 201, 201],
  // Supervisors assign to, review and read the training of their own teams only; HR reads, never assigns.
  'POST /api/v1/training/assignments': [401, 403, 403, 201, 403, 403, 201, 404],
  'POST /api/v1/training/assignments/{id}/cancel': [401, 403, 403, 200, 404, 403, 200, 404],
  'POST /api/v1/training/sessions/{id}/review': [401, 403, 403, 200, 404, 403, 200, 404],
  'POST /api/v1/training/scenarios/from-case': [401, 403, 403, 201, 404, 403, 201, 404],
  'GET /api/v1/training/people/{userId}/history': [401, 200, 403, 200, 403, 200, 200, 404],
  'PUT /api/v1/training/rules': [401, 403, 403, 403, 403, 403, 200, 200],
  // Everyone sees themes; supervisors and admins steer them; another workspace's theme does not exist.
  'GET /api/v1/themes': [401, 200, 200, 200, 200, 200, 200, 200],
  'PATCH /api/v1/themes/{id}': [401, 403, 403, 200, 200, 403, 200, 404],
  'PUT /api/v1/cases/{ref}/theme': [401, 403, 403, 200, 404, 403, 200, 404],
  // Everyone reads the backlog; supervisors and admins propose and move improvements.
  'PATCH /api/v1/improvements/{id}': [401, 403, 403, 200, 200, 403, 200, 404],
  // HR and admins fetch the signed checkpoint to keep it elsewhere; nobody else sees the audit record.
  'GET /api/v1/audit/checkpoints/latest': [401, 403, 403, 403, 403, 200, 200, 200],
  // Reviews are HR's (and the admin's, who is no party here); nobody else, not even the employee, sees them.
  'GET /api/v1/reviews/{id}': [401, 403, 403, 403, 403, 200, 200, 404],
  'GET /api/v1/reviews/{id}/dossier.pdf': [401, 403, 403, 403, 403, 200, 200, 404],
  'POST /api/v1/reviews/{id}/decision': [401, 403, 403, 403, 403, 409, 409, 404],
  'PUT /api/v1/review-rules/{id}': [401, 403, 403, 403, 403, 403, 200, 404],
  // The employee under review answers it; nobody answers for them.
  'POST /api/v1/me/reviews/{id}/statement': [401, 200, 404, 404, 404, 404, 404, 404],
  // Support requests: the employee and their team's supervisors; another team's supervisor does not see them.
  'POST /api/v1/support-requests/{id}/answer': [401, 409, 404, 200, 404, 404, 200, 404],
  // Team A's agenda: its supervisor, HR (read only) and the admin; to team B's supervisor it does not exist.
  'GET /api/v1/digests/agendas/{id}': [401, 403, 403, 200, 404, 200, 200, 404],
  'POST /api/v1/digests/agendas/{id}/approve': [401, 403, 403, 200, 404, 403, 200, 404],
  'GET /api/v1/digests/management-summary': [401, 403, 403, 200, 200, 200, 200, 200],
  // An approved newsletter: everyone reads it; reviewers (supervisors, HR, admin) find it approved already.
  'GET /api/v1/digests/newsletters/{id}': [401, 200, 200, 200, 200, 200, 200, 404],
  'POST /api/v1/digests/newsletters/{id}/approve': [401, 403, 403, 409, 409, 409, 409, 404],
  // A customer of a team-A case involving employee A: every supervisor, HR and the admin find them; employee B does not.
  'GET /api/v1/customers/{id}': [401, 200, 404, 200, 200, 200, 200, 404],
  // Supervisors and admins merge duplicates; HR reads customers but changes nothing.
  'POST /api/v1/customers/{id}/merge': [401, 403, 403, 200, 200, 403, 200, 404],
  // Data rights are the admin's alone: exporting and erasing a customer, the requests and holds.
  'GET /api/v1/customers/{id}/export': [401, 403, 403, 403, 403, 403, 200, 404],
  'POST /api/v1/customers/{id}/erase': [401, 403, 403, 403, 403, 403, 200, 404],
  'GET /api/v1/data-requests': [401, 403, 403, 403, 403, 403, 200, 200],
  'POST /api/v1/legal-holds/{id}/release': [401, 403, 403, 403, 403, 403, 200, 404],
  // Webhooks are the admin's alone; another workspace's subscription does not exist.
  'POST /api/v1/webhooks': [401, 403, 403, 403, 403, 403, 201, 201],
  'GET /api/v1/webhooks/{id}/deliveries': [401, 403, 403, 403, 403, 403, 200, 404],
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': [401, 403, 403, 403, 403, 403, 202, 404],
  // Supervisors and admins place held mail, on a case they may work on; everyone who may change a case revokes its status link.
  'GET /api/v1/inbound-emails': [401, 403, 403, 200, 200, 403, 200, 200],
  'POST /api/v1/inbound-emails/{id}/place': [401, 403, 403, 200, 404, 403, 200, 404],
  'DELETE /api/v1/cases/{ref}/status-link': [401, 200, 404, 200, 404, 403, 200, 404],
  'GET /api/v1/cases/{ref}/messages': [401, 200, 404, 200, 404, 200, 200, 404],
  // Employees see no dashboard; a supervisor only their own team's; HR and admins any team.
  'GET /api/v1/reports/dashboard': [401, 403, 403, 200, 403, 200, 200, 404],
  'GET /api/v1/reports/cases': [401, 403, 403, 200, 403, 200, 200, 404],
  // HR's view of people is HR's and the admins'.
  'GET /api/v1/reports/people': [401, 403, 403, 403, 403, 200, 200, 200],
  // Files on a case: everyone who reads the case downloads them; HR reads but adds nothing.
  'GET /api/v1/cases/{ref}/attachments/{id}': [401, 200, 404, 200, 404, 200, 200, 404],
  // Only admins rename and archive teams; another workspace's team does not exist for its admin.
  'PATCH /api/v1/teams/{id}': [401, 403, 403, 403, 403, 403, 200, 404],
  // Tagging is changing the case: its party, its team's supervisor and the admin; HR only reads.
  'POST /api/v1/cases/{ref}/tags': [401, 200, 404, 200, 404, 403, 200, 404],
  'GET /api/v1/tags': [401, 200, 200, 200, 200, 200, 200, 200],
  // Everyone who changes cases may ask; HR, who only reads them, may not.
  'POST /api/v1/cases/bulk': [401, 200, 200, 200, 200, 403, 200, 200],
  // Everyone chooses their own channels.
  'PUT /api/v1/notifications/preferences': [401, 200, 200, 200, 200, 200, 200, 200],
  // Everyone reads the workspace's defaults and opening hours; only an admin sets them, in their own workspace.
  'GET /api/v1/settings/workspace': [401, 200, 200, 200, 200, 200, 200, 200],
  'PUT /api/v1/settings/business-hours/{teamId}': [401, 403, 403, 403, 403, 403, 200, 404],
  // Those who move a case along (supervisors of its team, admins) make it wait on the customer.
  'POST /api/v1/cases/{ref}/clocks/pause': [401, 403, 403, 200, 404, 403, 200, 404],
  // Importing is the admin's alone (an upload without a file is refused as such); another workspace's import does not exist.
  'POST /api/v1/imports': [401, 403, 403, 403, 403, 403, 400, 400],
  'GET /api/v1/imports': [401, 403, 403, 403, 403, 403, 200, 200],
  'GET /api/v1/imports/{id}': [401, 403, 403, 403, 403, 403, 200, 404],
  // Merging closes the duplicate, so it is for those who move cases along: the team's supervisor and the admin.
  'POST /api/v1/cases/{ref}/merge': [401, 403, 403, 200, 404, 403, 200, 404],
  // Splitting is changing the case and reporting a new one: anyone who works on the case, HR not.
  'POST /api/v1/cases/{ref}/split': [401, 201, 404, 201, 404, 403, 201, 404],
  // Saved replies: admins keep the workspace's, supervisors their own team's; everyone who replies inserts them; HR sends no replies.
  'GET /api/v1/saved-replies': [401, 200, 200, 200, 200, 403, 200, 200],
  'POST /api/v1/saved-replies': [401, 403, 403, 201, 403, 403, 201, 404],
  'PUT /api/v1/saved-replies/{id}': [401, 403, 403, 200, 404, 403, 200, 404],
  'POST /api/v1/cases/{ref}/saved-replies/{id}/render': [401, 200, 404, 200, 404, 403, 200, 404],
  // Views: everyone keeps their own; employee A's view is theirs (and the admin's) alone.
  'GET /api/v1/views': [401, 200, 200, 200, 200, 200, 200, 200],
  'DELETE /api/v1/views/{id}': [401, 204, 404, 404, 404, 404, 204, 404],
};

type Expected = 'allowed' | 401 | 403 | 404;

/** What the permission table says this caller gets on this route for this record. */
function expectedOutcome(t: TestApp, route: string, caller: Caller, fixture: Fixture): Expected {
  const permission = t.app.routePermissions.get(route);
  if (permission === undefined) throw new Error(`${route} has no declared permission`);
  if (permission === 'public') return 'allowed';
  if (caller.actor === null) return 401;
  if (permission === 'signed-in') return 'allowed';
  if (caller.outsider) return fixture.subject ? 404 : 'allowed';
  const { action, resource } = permission as { action: Action; resource: Resource };
  if (!authorize(caller.actor, action, resource)) return 403;
  if (!fixture.subject) return 'allowed';
  if (fixture.readsCase && !authorize(caller.actor, 'read', 'case', fixture.subject)) return 404;
  if (authorize(caller.actor, action, resource, fixture.subject)) return 'allowed';
  return fixture.hidden ? 404 : 403;
}

/** Builds the route's fresh record and calls the route on it as the caller. */
async function call(world: World, route: string, caller: Caller) {
  const [method] = route.split(' ') as [string];
  const fixture = await (FIXTURES[route] as (w: World) => Promise<Fixture>)(world);
  const res = await world.t.app.inject({
    method: method as 'GET',
    url: fixture.url,
    headers: caller.auth,
    ...(fixture.body === undefined ? {} : { payload: fixture.body as object }),
  });
  return { fixture, res, label: `${route} as ${caller.name} → ${res.statusCode} ${res.body.slice(0, 160)}` };
}

describeEachDatabase('permission matrix', (kind) => {
  let t: TestApp;
  let world: World;
  let callers: Caller[];
  let routes: string[];

  beforeAll(async () => {
    t = await buildTestApp(kind);
    const cast = await buildCast(t.workspace.ctx());
    let n = 0;
    world = { t, cast, seq: () => ++n };
    const outsider = await buildWorkspace(t.database.db);
    const as = (key: CallerKey, name: string, p: Person): Caller => ({ key, name, actor: p.actor, auth: p.auth });
    callers = [
      { key: 'anonymous', name: 'anonymous', actor: null, auth: {} },
      as('employeeA', 'employee involved in the case', cast.employeeA),
      as('employeeB', 'employee of another team', cast.employeeB),
      as('supervisorA', 'supervisor of the team', cast.supervisorA),
      as('supervisorB', 'supervisor of another team', cast.supervisorB),
      as('hr', 'hr', cast.hr),
      { key: 'admin', name: 'admin', actor: t.workspace.actor, auth: t.auth },
      {
        key: 'outsider',
        name: 'admin of another workspace',
        actor: outsider.actor,
        auth: { authorization: `Bearer ${outsider.token}` },
        outsider: true,
      },
    ];
    const doc = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
  }, 180_000);
  afterAll(async () => t.close());

  it('has a fixture and a declared permission for every route in the OpenAPI document, and no stale fixture', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    for (const route of routes) {
      expect(FIXTURES, `${route} needs a fixture in the permission matrix`).toHaveProperty([route]);
      expect(t.app.routePermissions.has(route), `${route} declares no permission`).toBe(true);
    }
    expect(Object.keys(FIXTURES).sort()).toEqual([...routes].sort());
  });

  it('gives every caller on every route exactly what the permission table says', async () => {
    const cells: string[] = [];
    const tally = { allowed: 0, 401: 0, 403: 0, 404: 0 };
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      for (const caller of callers) {
        const { fixture, res, label } = await call(world, route, caller);
        const expected = expectedOutcome(t, route, caller, fixture);
        expect(res.statusCode, label).toBeLessThan(500);
        if (expected === 'allowed') expect([401, 403, 404], `${label} (expected allowed)`).not.toContain(res.statusCode);
        else expect(res.statusCode, `${label} (expected ${expected})`).toBe(expected);
        tally[expected] += 1;
        cells.push(`${path} ${method} ${caller.name}`);
      }
    }
    expect(cells.length).toBe(routes.length * callers.length);
    // Every kind of outcome occurs, so the table is being exercised, not trivially satisfied.
    for (const outcome of ['allowed', 401, 403, 404] as const) expect(tally[outcome], String(outcome)).toBeGreaterThan(10);
    console.info(`permission matrix [${kind}]: ${cells.length} cells (${routes.length} routes × ${callers.length} callers)`, tally);
  }, 360_000);

  it('answers the routes written out by hand with exactly those statuses', async () => {
    for (const [route, statuses] of Object.entries(BY_HAND)) {
      expect(routes, `${route} is no route`).toContain(route);
      for (const caller of callers) {
        const { res, label } = await call(world, route, caller);
        expect(res.statusCode, label).toBe(statuses[CALLER_KEYS.indexOf(caller.key)]);
      }
    }
  }, 180_000);
});
