import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { surveyTokenIn } from '../domain/follow-through.js';
import type { Role } from '../domain/permissions.js';
import { createEventRunner } from '../events/event-runner.js';
import { notificationsProcessor } from '../events/notifications-processor.js';
import { reportAbuse } from '../services/abuse.js';
import { createToken, slugify } from '../services/accounts.js';
import { addStatement } from '../services/add-statement.js';
import { addNote, addParty, assignCase, transitionCase, updateCase } from '../services/change-case.js';
import { addCommitment, closeCommitment } from '../services/commitments.js';
import type { Actor, ServiceContext } from '../services/context.js';
import { createCase } from '../services/create-case.js';
import { answerFollowUp, listMyFollowUps } from '../services/follow-ups.js';
import { getCase } from '../services/read-cases.js';
import { recommendForCase } from '../services/recommend-strategy.js';
import { decideResolution, getResolution, proposeResolution } from '../services/resolution.js';
import { markStepDone, readPlaybookRun, startPlaybook } from '../services/run-playbook.js';
import { sendDueFollowUps } from '../services/send-due-follow-ups.js';
import { markSlaBreaches } from '../services/sla-breaches.js';
import { answerSurvey } from '../services/survey.js';
import { sweepCommitments } from '../services/sweep-commitments.js';
import { countCases } from '../store/cases.js';
import { markNotificationsReadBefore } from '../store/notifications.js';
import { lastQueuedEmail, markQueuedEmailsDelivered } from '../store/outbox.js';
import { insertCustomer, insertEmployee } from '../store/people.js';
import type { Db, Tables, WorkspaceRow } from '../store/schema.js';
import { setUserTeams } from '../store/users.js';
import { findWorkspaceBySlug, insertTeam, insertUser, insertWorkspace, listUsers } from '../store/workspaces.js';
import { assignDemoTraining, finishDemoTraining } from './demo-assignments.js';
import { playDemoMergeAndSplit } from './demo-case-merges.js';
import { playDemoClocks } from './demo-clocks.js';
import { demoLeftovers } from './demo-closing.js';
import { playCustomerStories } from './demo-customers.js';
import { playDataRights } from './demo-data-rights.js';
import { seedDemoDigests } from './demo-digests.js';
import { seedForum } from './demo-forum.js';
import { playHelpRequests } from './demo-help.js';
import { playCustomersWritingIn } from './demo-intake.js';
import {
  ACCOUNT_HOLDERS,
  DEMO_WORKSPACE_NAME,
  demoCustomers,
  isEmployeeRecord,
  STAFF,
  staffEmail,
  staffPassword,
  TEAM_KEYS,
  TEAMS,
  type TeamKey,
  teamsOf,
} from './demo-people.js';
import { HISTORY_DAYS, type PlannedCase, type PlannedStep, planCases } from './demo-plan.js';
import { playReplies, type ReplyTarget } from './demo-replies.js';
import { playReviews } from './demo-reviews.js';
import { playDemoSavedWork } from './demo-saved-work.js';
import { playDemoTags } from './demo-tags.js';
import { mineDemoThemes } from './demo-themes.js';
import { playPracticeSessions } from './demo-training.js';
import { createRandom } from './random.js';
import { type SecondWorkspace, seedSecondWorkspace } from './second-workspace.js';

export type DemoLogin = { role: string; name: string; email: string; password: string; token: string };
export type DemoResult = {
  created: boolean;
  workspace: { id: string; name: string; slug: string };
  logins: DemoLogin[];
  cases: number;
  /** Another business on the same server, for checking that workspaces never see each other. */
  secondWorkspace: SecondWorkspace;
};

/** Fixed seed: the same people, cases and texts on every machine. */
const DEMO_SEED = 20_260_401;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const quietLog = { info: () => {}, warn: () => {}, error: () => {} };

/** Links in the demo's simulated mail; a real server puts its own DEFUSE_PUBLIC_URL there. */
const DEMO_PUBLIC_URL = 'http://localhost:3000';

/**
 * Creates the demo workspace once, with its people and a few months of cases played through the
 * services (so timelines and hash chains are real). Run again, it creates nothing and hands out
 * fresh tokens, because stored tokens are hashed and cannot be shown twice.
 */
export async function seedDemo(db: Kysely<Tables>, now: Date, attachmentsDir: string): Promise<DemoResult> {
  const slug = slugify(DEMO_WORKSPACE_NAME);
  const existing = await findWorkspaceBySlug(db, slug);
  if (existing) return describeExisting(db, existing, now);

  const passwordHashes = await Promise.all(ACCOUNT_HOLDERS.map((_, i) => hash(staffPassword(i))));
  const random = createRandom(DEMO_SEED);
  const customers = demoCustomers(random);
  const plans = planCases(
    random,
    customers.map((c) => c.name),
  );
  let workspace: WorkspaceRow;
  try {
    workspace = await db.transaction().execute(async (trx) => {
      const directory = await createDirectory(trx, {
        slug,
        passwordHashes,
        customers,
        at: new Date(now.getTime() - (HISTORY_DAYS + 5) * DAY),
      });
      for (const plan of plans) await playCase(trx, directory, plan, now);
      await playReplies(trx, createRandom(DEMO_SEED + 1), await replyTargets(trx, directory, now));
      await playHelpRequests(trx, directory.workspace.id, [...directory.actors.values()], now);
      await playCustomerStories(
        trx,
        {
          actor: (key) => lookup(directory.actors, key),
          employee: (key) => lookup(directory.employees, key),
          team: (key) => directory.teams[key],
          publicUrl: DEMO_PUBLIC_URL,
        },
        now,
      );
      await seedForum(trx, directory.actors, now);
      await assignDemoTraining(trx, directory.actors, now);
      await playPracticeSessions(trx, directory.actors, now);
      await playReviews(trx, demoReviewCast(directory), now);
      await finishDemoTraining(trx, directory.actors, now);
      await playDataRights(trx, attachmentsDir, lookup(directory.actors, 'rosa'), now);
      await playDemoTags(trx, lookup(directory.actors, 'dana'), now);
      await playDemoClocks(trx, lookup(directory.actors, 'rosa'), lookup(directory.actors, 'dana'), directory.teams.returns, now);
      await playCustomersWritingIn(
        trx,
        directory.workspace,
        lookup(directory.actors, 'dana'),
        { publicUrl: DEMO_PUBLIC_URL, replyDomain: undefined },
        now,
      );
      await playDemoMergeAndSplit(trx, lookup(directory.actors, 'dana'), now);
      await playDemoSavedWork(trx, lookup(directory.actors, 'rosa'), lookup(directory.actors, 'dana'), now);
      // What the jobs find due today happens now, as on a running server: overdue promises escalate and
      // breached clocks are marked. The demo's mail counts as delivered: nobody is there to receive it.
      await sweepCommitments(trx, now);
      await markSlaBreaches(trx, now);
      return directory.workspace;
    });
    // The notifications the story's events call for, as the server's processor would make them.
    await createEventRunner({ db, processors: [notificationsProcessor(DEMO_PUBLIC_URL)], log: quietLog }).drain();
    await markQueuedEmailsDelivered(db, workspace.id, new Date(now.getTime() + 1));
    // People have read what reached them before this week; the bell holds the last few days.
    await markNotificationsReadBefore(db, workspace.id, new Date(now.getTime() - 3 * DAY));
    // The supervisor of the stores plans the improvements that grow from the themes.
    await mineDemoThemes(db, workspace.id, now, staffEmail(STAFF.find((m) => m.key === 'dana') as (typeof STAFF)[number]));
    // Each team's agenda for this week and a newsletter wait for review; last month's newsletter is out.
    await seedDemoDigests(db, workspace.id, now, {
      supervisors: STAFF.filter((m) => m.role === 'supervisor').map(staffEmail),
      reviewer: staffEmail(STAFF.find((m) => m.key === 'priya') as (typeof STAFF)[number]),
    });
  } catch (error) {
    // Another run may have created it in the meantime; then this one simply reports it.
    const raced = await findWorkspaceBySlug(db, slug);
    if (raced) return describeExisting(db, raced, now);
    throw error;
  }
  return {
    created: true,
    workspace: pickWorkspace(workspace),
    logins: await issueLogins(db, workspace.id, now),
    cases: await countCases(db, workspace.id),
    secondWorkspace: await seedSecondWorkspace(db, now),
  };
}

const pickWorkspace = (w: WorkspaceRow) => ({ id: w.id, name: w.name, slug: w.slug });

async function describeExisting(db: Db, workspace: WorkspaceRow, now: Date): Promise<DemoResult> {
  return {
    created: false,
    workspace: pickWorkspace(workspace),
    logins: await issueLogins(db, workspace.id, now),
    cases: await countCases(db, workspace.id),
    secondWorkspace: await seedSecondWorkspace(db, now),
  };
}

/** A new 'demo' token for every demo account still present in the workspace. */
async function issueLogins(db: Db, workspaceId: string, now: Date): Promise<DemoLogin[]> {
  const users = new Map((await listUsers(db, workspaceId)).map((u) => [u.email, u]));
  const logins: DemoLogin[] = [];
  for (const [i, member] of ACCOUNT_HOLDERS.entries()) {
    const user = users.get(staffEmail(member));
    if (!user) continue;
    const { token } = await createToken(db, { workspaceId, userId: user.id, name: 'demo' }, now);
    logins.push({ role: user.role, name: user.name, email: user.email, password: staffPassword(i), token });
  }
  return logins;
}

/** Who plays the reviews and support of the demo: HR, the admin, two employees reviewed, one asking for support. */
function demoReviewCast(dir: Directory) {
  const actor = (key: string) => {
    const a = dir.actors.get(key);
    if (!a) throw new Error(`the demo has no ${key}`);
    return a;
  };
  return {
    admin: actor('rosa'),
    hr: actor('priya'),
    flagged: actor('tom'),
    decided: actor('lena'),
    asker: actor('jamal'),
    askerSupervisor: actor('dana'),
  };
}

/** Ids of what the cases refer to, by the demo's own keys. */
type Directory = {
  workspace: WorkspaceRow;
  teams: Record<TeamKey, string>;
  actors: Map<string, Actor>;
  employees: Map<string, string>;
  customers: { name: string; email: string | null; phone: string | null }[];
};

type DirectoryInput = { slug: string; passwordHashes: string[]; customers: ReturnType<typeof demoCustomers>; at: Date };

/** Workspace, teams, accounts, employee records and customers, dated before the first case. */
async function createDirectory(db: Db, input: DirectoryInput): Promise<Directory> {
  const { at } = input;
  // The stores are on the US west coast: promises in replies are read on their clock, money is in dollars.
  const workspace = await insertWorkspace(
    db,
    { name: DEMO_WORKSPACE_NAME, slug: input.slug, currency: 'USD', timeZone: 'America/Los_Angeles' },
    at,
  );
  const ws = workspace.id;
  const teams = {} as Record<TeamKey, string>;
  for (const key of TEAM_KEYS) teams[key] = (await insertTeam(db, ws, TEAMS[key].name, at)).id;

  const users = new Map<string, { id: string; role: Role }>();
  for (const [i, member] of ACCOUNT_HOLDERS.entries()) {
    const passwordHash = input.passwordHashes[i] ?? null;
    const role = member.role as Role;
    const user = await insertUser(db, { workspaceId: ws, email: staffEmail(member), name: member.name, role, passwordHash }, at);
    await setUserTeams(
      db,
      ws,
      user.id,
      teamsOf(member).map((t) => teams[t]),
    );
    users.set(member.key, { id: user.id, role });
  }
  const employees = new Map<string, string>();
  for (const member of STAFF.filter(isEmployeeRecord)) {
    const email = users.has(member.key) ? staffEmail(member) : null;
    const teamId = member.team ? teams[member.team] : null;
    const row = await insertEmployee(
      db,
      { workspaceId: ws, name: member.name, email, teamId, userId: users.get(member.key)?.id ?? null },
      at,
    );
    employees.set(member.key, row.id);
  }
  const actors = new Map<string, Actor>();
  for (const member of ACCOUNT_HOLDERS) {
    const user = lookup(users, member.key);
    const teamIds = teamsOf(member).map((t) => teams[t]);
    actors.set(member.key, { userId: user.id, workspaceId: ws, role: user.role, teamIds, employeeId: employees.get(member.key) ?? null });
  }
  for (const c of input.customers) await insertCustomer(db, { workspaceId: ws, ...c }, at);
  return { workspace, teams, actors, employees, customers: input.customers };
}

/** Handled cases still in progress get one reply to the customer from their handler, a few minutes after their last change. */
async function replyTargets(db: Db, dir: Directory, now: Date): Promise<ReplyTarget[]> {
  const rows = await db
    .selectFrom('cases')
    .leftJoin('customers', 'customers.id', 'cases.customer_id')
    .select(['cases.ref', 'cases.assignee_id', 'cases.updated_at', 'customers.name as customer'])
    .where('cases.workspace_id', '=', dir.workspace.id)
    .where('cases.status', 'in', ['investigating', 'resolving', 'following_up', 'reopened'])
    .where('cases.assignee_id', 'is not', null)
    .orderBy('cases.ref')
    .execute();
  const byUser = new Map([...dir.actors.values()].map((a) => [a.userId, a]));
  return rows.flatMap((r) => {
    const handler = r.assignee_id ? byUser.get(r.assignee_id) : undefined;
    if (!handler) return [];
    const at = new Date(Math.min(Date.parse(r.updated_at) + 7 * MINUTE, now.getTime()));
    return [{ ref: r.ref, customerName: r.customer ?? 'there', handler, at }];
  });
}

/** Plays one planned case through the services, each step at its simulated time. */
async function playCase(db: Db, dir: Directory, plan: PlannedCase, now: Date): Promise<void> {
  const reportedAt = duringOpeningHours(now.getTime() - plan.startMinutesAgo * MINUTE, now);
  const ctx = (step: PlannedStep): ServiceContext => ({
    db,
    actor: lookup(dir.actors, step.actor),
    now: new Date(reportedAt + step.atMinute * MINUTE),
  });
  const [first, ...rest] = plan.steps;
  if (!first) return;
  const customer = dir.customers[plan.customerIndex];
  const created = await createCase(ctx(first), {
    title: plan.title,
    summary: plan.summary,
    channel: plan.channel,
    teamId: dir.teams[plan.team],
    severity: plan.severity,
    customerState: plan.customerState,
    occurredAt: new Date(reportedAt - plan.occurredMinutesBefore * MINUTE).toISOString(),
    // Reporters name the customer by their details, as the report form does; a returning customer's
    // details match their record, so their cases stay together.
    customer: customer ? { name: customer.name, email: customer.email, phone: customer.phone } : undefined,
    employees: plan.parties.map((p) => ({ employeeId: lookup(dir.employees, p.employee), role: p.role })),
    financialImpact: plan.financialImpact,
    riskFlags: plan.riskFlags,
  });
  const keyed = new Map<string, string>();
  const who = { name: customer?.name ?? 'Customer', email: customer?.email ?? null };
  for (const step of rest) await playStep(ctx(step), dir, created.ref, step, keyed, who);
}

async function playStep(
  ctx: ServiceContext,
  dir: Directory,
  ref: string,
  step: PlannedStep,
  keyed: Map<string, string>,
  customer: { name: string; email: string | null },
): Promise<void> {
  switch (step.kind) {
    case 'create':
      return;
    case 'statement': {
      const statement = await addStatement(ctx, ref, {
        party: step.party,
        ...(step.author ? { employeeId: lookup(dir.employees, step.author) } : { authorName: customer.name }),
        body: step.body,
        correctsId: step.correctsKey ? (keyed.get(`statement:${step.correctsKey}`) ?? null) : null,
      });
      keyed.set(`statement:${step.key}`, statement.id);
      return;
    }
    case 'status':
      await transitionCase(ctx, ref, {
        to: step.to,
        reason: step.reason,
        outcome: step.outcome,
        rootCause: step.rootCause,
        ...(await demoLeftovers(ctx, ref, step.to)),
      });
      return;
    case 'resolution':
      await proposeResolution(ctx, ref, {
        problem: step.problem,
        options: ['Apologise and explain', step.solution],
        solution: step.solution,
        policyRefs: [],
        cost: { amount: step.amount, currency: 'USD' },
      });
      return;
    case 'approve':
      if ((await getResolution(ctx, ref)).resolution?.approvalState === 'pending')
        await decideResolution(ctx, ref, { decision: 'approve' });
      return;
    case 'assign':
      await assignCase(ctx, ref, lookup(dir.actors, step.to).userId);
      return;
    case 'note':
      await addNote(ctx, ref, step.text);
      return;
    case 'party':
      await addParty(ctx, ref, lookup(dir.employees, step.employee), step.role);
      return;
    case 'update':
      await updateCase(ctx, ref, { customerState: step.customerState, riskFlags: step.riskFlags });
      return;
    case 'playbook': {
      const recommended = await recommendForCase(ctx, ref);
      await startPlaybook(ctx, ref, { key: recommended.playbookKey });
      return;
    }
    case 'commitment': {
      const dueAt = new Date(ctx.now.getTime() + step.dueInMinutes * MINUTE).toISOString();
      keyed.set(`commitment:${step.key}`, (await addCommitment(ctx, ref, { text: step.text, dueAt })).id);
      return;
    }
    case 'commitment-close': {
      const id = keyed.get(`commitment:${step.key}`);
      if (id) await closeCommitment(ctx, ref, id, { status: step.status });
      return;
    }
    case 'follow-ups': {
      await sendDueFollowUps(ctx.db, ctx.now, DEMO_PUBLIC_URL, { caseId: (await getCase(ctx, ref)).id });
      // Nobody to send to (no customer email, no employee login): the handler follows up by phone.
      if ((await getCase(ctx, ref)).status === 'resolved') await transitionCase(ctx, ref, { to: 'following_up' });
      return;
    }
    case 'survey': {
      const mail = customer.email ? await lastQueuedEmail(ctx.db, customer.email, 'survey') : undefined;
      const token = mail ? surveyTokenIn(mail.text_body) : null;
      const answer = { satisfaction: step.satisfaction, wouldReturn: step.wouldReturn, comment: step.comment };
      if (token && (await answerSurvey(ctx.db, token, answer, ctx.now)) === 'recorded') return;
      // No link reached the customer: they told the handler on the phone instead.
      if (step.satisfaction <= 2)
        await transitionCase(ctx, ref, { to: 'reopened', reason: `${customer.name} told us on the phone the problem is not solved.` });
      return;
    }
    case 'employee-answer': {
      const mine = (await listMyFollowUps(ctx)).find((f) => f.caseRef === ref && f.sentAt !== null);
      if (mine) await answerFollowUp({ ...ctx, publicUrl: DEMO_PUBLIC_URL }, mine.id, { ...step, comment: step.comment ?? undefined });
      return;
    }
    case 'abuse':
      await reportAbuse(ctx, ref, step.note);
      return;
    case 'steps': {
      const run = await readPlaybookRun(ctx, ref);
      const open = run.playbook ? run.steps.filter((s) => s.done === null).slice(0, step.count) : [];
      for (const s of open) await markStepDone(ctx, ref, { stepKey: s.key });
      return;
    }
  }
}

/**
 * Moves an older case's report into the stores' opening hours (about 9:00 to 21:00 on the US west
 * coast, 16:00 to 04:00 UTC) so the history looks lived-in; the recent queue keeps its exact age,
 * which decides whether its SLA clocks are still pending.
 */
function duringOpeningHours(ms: number, now: Date): number {
  if (now.getTime() - ms < 3 * DAY) return ms;
  const hour = new Date(ms).getUTCHours();
  return hour >= 4 && hour < 16 ? ms - 12 * 60 * MINUTE : ms;
}

/** A demo key that does not resolve is a bug in the demo data, not a user error. */
function lookup<T>(map: Map<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo data refers to unknown "${key}"`);
  return value;
}
