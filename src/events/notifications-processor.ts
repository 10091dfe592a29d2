import type { DomainEvent } from '../domain/domain-events.js';
import { isUnhappy } from '../domain/follow-through.js';
import { formatMoney, toMinor } from '../domain/money.js';
import { approvalRequestEmail } from '../services/emails/approval-emails.js';
import { commitmentEscalationEmail, commitmentReminderEmail } from '../services/emails/commitment-emails.js';
import { employeeFollowUpEmail, helpRequestEmail, needsHelpEmail, seriousCaseEmail } from '../services/emails/follow-up-emails.js';
import { caseUrl } from '../services/emails/layout.js';
import { notifyPeople } from '../services/notifications.js';
import { approversFor } from '../services/resolution.js';
import { findCaseById } from '../store/cases.js';
import { findCommitment } from '../store/commitments.js';
import { findFollowUp } from '../store/follow-ups.js';
import { findThread, voterIds } from '../store/forum.js';
import { listLinkRows } from '../store/improvements.js';
import { findEmployees } from '../store/people.js';
import type { CaseRow, Db, UserRow } from '../store/schema.js';
import { supervisorsOf } from '../store/users.js';
import { findUser, findWorkspace } from '../store/workspaces.js';
import type { EventProcessor } from './event-processor.js';
import { PEOPLE_NOTICES } from './people-notices.js';
import { TRAINING_EVENT_KINDS, tellAboutTraining } from './training-notifications.js';

type Fanout = (e: DomainEvent, kase: CaseRow, db: Db, publicUrl: string) => Promise<void>;

/**
 * Tells people, in the app and by mail, about what happened on a case: approvals asked and decided,
 * abuse reported, employees asking for help, a case merged into another, unhappy customers, follow-ups to answer, promises due and
 * overdue, and a forum thread reviewed (to its voters). Reading the outbox keeps this out of the use cases, which only record what happened.
 * Notifications carry the event's time, so a late pass still shows when it happened.
 */
export function notificationsProcessor(publicUrl: string): EventProcessor {
  return {
    name: 'notifications',
    startFrom: 'beginning',
    async handle(event, { db }) {
      if (event.kind === 'forum_thread_reviewed') return tellVotersOfReview(event, db);
      if (event.kind === 'improvement_status_changed') return tellVotersOfImprovement(event, db);
      const notice = PEOPLE_NOTICES[event.kind];
      if (notice) return notice(event, db);
      if (TRAINING_EVENT_KINDS.has(event.kind)) return tellAboutTraining(event, db, publicUrl);
      const fanout = event.caseId ? FANOUTS[event.kind] : undefined;
      if (!fanout || !event.caseId) return;
      const kase = await findCaseById(db, event.workspaceId, event.caseId);
      if (kase) await fanout(event, kase, db, publicUrl);
    },
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const when = (e: DomainEvent) => new Date(e.at);
const active = (users: readonly (UserRow | undefined)[]) => users.filter((u): u is UserRow => u !== undefined && u.deactivated_at === null);

const FANOUTS: Record<string, Fanout> = {
  /** A report reaches the team's supervisors; a serious one (severity 1 or 2) by mail too, at once. */
  async case_created(e, kase, db, publicUrl) {
    const supervisors = (await supervisorsOf(db, kase.workspace_id, kase.team_id)).filter((s) => s.id !== e.actorId);
    if (supervisors.length === 0) return;
    const reporter = e.actorId ? await findUser(db, kase.workspace_id, e.actorId) : undefined;
    const name = reporter?.name ?? 'Someone';
    const serious = kase.severity <= 2;
    for (const s of supervisors)
      await notifyPeople(
        db,
        [s],
        {
          kind: serious ? 'serious_case' : 'case_reported',
          caseId: kase.id,
          title: `${serious ? `Severity ${kase.severity} case` : 'New case'} in your team: ${kase.ref}`,
          body: `${name} reported “${kase.title}”.`,
        },
        when(e),
        serious
          ? seriousCaseEmail({
              name,
              caseRef: kase.ref,
              caseTitle: kase.title,
              severity: kase.severity,
              caseUrl: caseUrl(publicUrl, kase.ref),
            })
          : undefined,
      );
  },

  /** Someone on the case calls for a supervisor: the team's supervisors, in the app and by mail. */
  async help_requested(e, kase, db, publicUrl) {
    const asker = e.actorId ? await findUser(db, kase.workspace_id, e.actorId) : undefined;
    const name = asker?.name ?? 'A colleague';
    const note = str(e.data.note);
    const supervisors = (await supervisorsOf(db, kase.workspace_id, kase.team_id)).filter((s) => s.id !== e.actorId);
    await notifyPeople(
      db,
      supervisors,
      { kind: 'help_requested', caseId: kase.id, title: `${name} needs help now on ${kase.ref}`, body: note ?? kase.title },
      when(e),
      helpRequestEmail({ name, caseRef: kase.ref, caseTitle: kase.title, caseUrl: caseUrl(publicUrl, kase.ref), note }),
    );
  },

  /** The one who asked hears that help is coming. */
  async help_taken(e, kase, db) {
    const asker = str(e.data.requestedBy);
    if (!asker || asker === e.actorId) return;
    const taker = e.actorId ? await findUser(db, kase.workspace_id, e.actorId) : undefined;
    await notifyPeople(
      db,
      active([await findUser(db, kase.workspace_id, asker)]),
      { kind: 'help_taken', caseId: kase.id, title: `${taker?.name ?? 'A supervisor'} is coming to help on ${kase.ref}`, body: kase.title },
      when(e),
    );
  },

  /**
   * A duplicate was merged: whoever reported it, handles it or owns a promise it carried, and the
   * handler of the case kept, learn where its work goes on (the one who merged excepted).
   */
  async case_merged(e, kase, db) {
    const kept = await findCaseById(db, kase.workspace_id, String(e.data.intoCaseId));
    if (!kept) return;
    const moved = Array.isArray(e.data.promisesMoved) ? e.data.promisesMoved.map(String) : [];
    const owners = await Promise.all(moved.map((id) => findCommitment(db, kase.workspace_id, kept.id, id)));
    const ids = new Set([kase.reporter_id, kase.assignee_id, kept.assignee_id, ...owners.map((c) => c?.owner_id ?? null)]);
    ids.delete(e.actorId);
    ids.delete(null);
    const people = active(await Promise.all([...ids].map((id) => findUser(db, kase.workspace_id, id as string))));
    if (people.length === 0) return;
    const merger = e.actorId ? await findUser(db, kase.workspace_id, e.actorId) : undefined;
    const reason = str(e.data.reason);
    const promises =
      moved.length === 1 ? ' Its open promise moved with it.' : moved.length > 1 ? ` Its ${moved.length} open promises moved with it.` : '';
    await notifyPeople(
      db,
      people,
      {
        kind: 'case_merged',
        caseId: kept.id,
        title: `${kase.ref} was merged into ${kept.ref}`,
        body: `${merger?.name ?? 'Someone'} merged it as the same incident${reason ? ` (${reason})` : ''}; the work goes on in ${kept.ref}.${promises}`,
      },
      when(e),
    );
  },

  async resolution_proposed(e, kase, db, publicUrl) {
    if (e.data.approvalState !== 'pending') return;
    const cost = e.data.cost as { amount: number; currency: string };
    const solution = String(e.data.solution ?? '');
    const proposer = e.actorId ? await findUser(db, kase.workspace_id, e.actorId) : undefined;
    const proposerName = proposer?.name ?? 'A colleague';
    const costMinor = toMinor(cost.amount);
    const approvers = await approversFor(db, kase, { costMinor, proposedBy: e.actorId });
    const costText = formatMoney(costMinor, cost.currency);
    for (const u of approvers)
      await notifyPeople(
        db,
        [u],
        {
          kind: 'approval_requested',
          caseId: kase.id,
          title: `Approval needed on ${kase.ref}`,
          body: `${proposerName} proposes a resolution costing ${costText}, above their own limit. Solution: ${solution}`,
        },
        when(e),
        approvalRequestEmail({
          name: u.name,
          proposer: proposerName,
          caseRef: kase.ref,
          cost: costText,
          solution,
          caseUrl: caseUrl(publicUrl, kase.ref),
        }),
      );
  },

  async resolution_decided(e, kase, db) {
    const proposer = str(e.data.proposedBy);
    if (!proposer) return;
    const verb = e.data.decision === 'approve' ? 'approved' : 'rejected';
    const note = str(e.data.note);
    await notifyPeople(
      db,
      active([await findUser(db, kase.workspace_id, proposer)]),
      {
        kind: 'approval_decided',
        caseId: kase.id,
        title: `Resolution ${verb} on ${kase.ref}`,
        body: note ? `Your proposed resolution was ${verb}: ${note}` : `Your proposed resolution was ${verb}.`,
      },
      when(e),
    );
  },

  async abuse_reported(e, kase, db) {
    const by = str(e.data.by);
    const handedTo = str(e.data.handedTo);
    const reporter = by ? await findUser(db, kase.workspace_id, by) : undefined;
    const supervisors = (await supervisorsOf(db, kase.workspace_id, kase.team_id)).filter((s) => s.id !== by);
    for (const s of supervisors)
      await notifyPeople(
        db,
        [s],
        {
          kind: 'abuse',
          caseId: kase.id,
          title: `Abusive interaction ended on ${kase.ref}`,
          body: `${reporter?.name ?? 'An employee'} ended the interaction because the customer was abusive: ${String(e.data.note ?? '')}${s.id === handedTo ? ' The case is now yours.' : ''}`,
        },
        when(e),
      );
  },

  async follow_up_answered(e, kase, db, publicUrl) {
    const f = str(e.data.id) ? await findFollowUp(db, kase.workspace_id, String(e.data.id)) : undefined;
    if (!f) return;
    if (f.party === 'employee') {
      // The answer itself stays off the timeline; the follow-up row says whether help was asked for.
      if (f.wants_help !== 1) return;
      const answer = f.answer ? (JSON.parse(f.answer) as { comment?: string | null }) : {};
      const me = f.user_id ? await findUser(db, kase.workspace_id, f.user_id) : undefined;
      const employee = f.employee_id ? (await findEmployees(db, kase.workspace_id, [f.employee_id]))[0] : undefined;
      const name = me?.name ?? 'An employee';
      const comment = answer.comment ?? null;
      await notifyPeople(
        db,
        await supervisorsOf(db, kase.workspace_id, employee?.team_id ?? kase.team_id),
        {
          kind: 'needs_help',
          caseId: kase.id,
          title: `${name} asked for help after ${kase.ref}`,
          body: comment ?? 'They would like to talk.',
        },
        when(e),
        needsHelpEmail({ name, caseRef: kase.ref, caseUrl: caseUrl(publicUrl, kase.ref), comment }),
      );
      return;
    }
    const answer = e.data.answer as { satisfaction: number; comment: string | null } | undefined;
    if (!answer || !isUnhappy(answer.satisfaction)) return;
    await notifyPeople(
      db,
      await handlersOf(db, kase),
      {
        kind: 'follow_up_unhappy',
        caseId: kase.id,
        title: `The customer of ${kase.ref} is not happy (${answer.satisfaction}/5)`,
        body: answer.comment ?? (e.data.reopens === true ? 'The case is open again.' : 'They left no comment.'),
      },
      when(e),
    );
  },

  async follow_up_sent(e, kase, db, publicUrl) {
    if (e.data.party !== 'employee') return;
    const f = await findFollowUp(db, kase.workspace_id, String(e.data.id));
    const user = f?.user_id ? await findUser(db, kase.workspace_id, f.user_id) : undefined;
    if (!user || user.deactivated_at !== null) return;
    await notifyPeople(
      db,
      [user],
      {
        kind: 'follow_up',
        caseId: kase.id,
        title: `How did ${kase.ref} go for you?`,
        body: 'Tell us how supported you felt. It takes a minute.',
      },
      when(e),
      employeeFollowUpEmail({ name: user.name, caseRef: kase.ref, homeUrl: `${publicUrl}/` }),
    );
  },

  async commitment_reminded(e, kase, db, publicUrl) {
    const c = await findCommitment(db, kase.workspace_id, kase.id, String(e.data.id));
    const owner = c ? await findUser(db, kase.workspace_id, c.owner_id) : undefined;
    if (!c || !owner || owner.deactivated_at !== null) return;
    const timeZone = (await findWorkspace(db, kase.workspace_id))?.time_zone ?? 'UTC';
    await notifyPeople(
      db,
      [owner],
      { kind: 'commitment_due', caseId: kase.id, title: `A promise on ${kase.ref} is due soon`, body: c.text },
      when(e),
      commitmentReminderEmail({ text: c.text, dueAt: c.due_at, caseRef: kase.ref, caseUrl: caseUrl(publicUrl, kase.ref), timeZone }),
    );
  },

  async commitment_escalated(e, kase, db, publicUrl) {
    const c = await findCommitment(db, kase.workspace_id, kase.id, String(e.data.id));
    if (!c) return;
    const owner = await findUser(db, kase.workspace_id, c.owner_id);
    const timeZone = (await findWorkspace(db, kase.workspace_id))?.time_zone ?? 'UTC';
    await notifyPeople(
      db,
      await supervisorsOf(db, kase.workspace_id, kase.team_id),
      { kind: 'commitment_overdue', caseId: kase.id, title: `Overdue promise on ${kase.ref}`, body: c.text },
      when(e),
      commitmentEscalationEmail({
        text: c.text,
        dueAt: c.due_at,
        caseRef: kase.ref,
        caseUrl: caseUrl(publicUrl, kase.ref),
        ownerName: owner?.name ?? 'Someone',
        timeZone,
      }),
    );
  },
};

const IMPROVEMENT_STATUS_WORDS: Record<string, string> = {
  proposed: 'proposed',
  planned: 'planned',
  in_progress: 'in progress',
  done: 'done',
  dropped: 'dropped',
};

/**
 * An improvement changed status: the voters and authors of the forum threads linked to it hear of
 * it (the person who moved it excepted), so raising a problem visibly leads somewhere.
 */
async function tellVotersOfImprovement(e: DomainEvent, db: Db): Promise<void> {
  const improvementId = str(e.data.improvementId);
  if (!improvementId) return;
  const links = await listLinkRows(db, e.workspaceId, [improvementId]);
  const ids = new Set<string>();
  for (const link of links.filter((l) => l.kind === 'forum_thread')) {
    const thread = await findThread(db, e.workspaceId, link.target_id);
    if (!thread) continue;
    ids.add(thread.author_id);
    for (const voter of await voterIds(db, e.workspaceId, thread.id)) ids.add(voter);
  }
  if (e.actorId) ids.delete(e.actorId);
  if (ids.size === 0) return;
  const people = active(await Promise.all([...ids].map((id) => findUser(db, e.workspaceId, id))));
  const to = IMPROVEMENT_STATUS_WORDS[str(e.data.to) ?? ''] ?? str(e.data.to) ?? '';
  const reason = str(e.data.reason);
  await notifyPeople(
    db,
    people,
    {
      kind: 'improvement_changed',
      caseId: null,
      link: '/improvements',
      title: `Improvement ${to}: ${str(e.data.title) ?? ''}`,
      body: reason ? `Dropped because: ${reason}` : 'A forum thread you raised or voted for is linked to it.',
    },
    when(e),
  );
}

/** Who handles an unhappy answer: the assignee, else the team's supervisors. */
async function handlersOf(db: Db, kase: CaseRow): Promise<UserRow[]> {
  const assignee = kase.assignee_id ? await findUser(db, kase.workspace_id, kase.assignee_id) : undefined;
  if (assignee && assignee.deactivated_at === null) return [assignee];
  return supervisorsOf(db, kase.workspace_id, kase.team_id);
}

/**
 * A forum thread was reviewed: everyone who voted for it, and whoever opened it, hears the answer
 * (the reviewer excepted). Voters of a duplicate merged into it voted here too: their votes moved.
 */
async function tellVotersOfReview(e: DomainEvent, db: Db): Promise<void> {
  const threadId = str(e.data.threadId);
  const thread = threadId ? await findThread(db, e.workspaceId, threadId) : undefined;
  if (!thread) return;
  const ids = new Set([thread.author_id, ...(await voterIds(db, e.workspaceId, thread.id))]);
  if (e.actorId) ids.delete(e.actorId);
  const people = active(await Promise.all([...ids].map((id) => findUser(db, e.workspaceId, id))));
  const answer = String(e.data.answer ?? thread.review_answer ?? '');
  await notifyPeople(
    db,
    people,
    { kind: 'forum_reviewed', caseId: null, link: `/forum/${thread.id}`, title: `Reviewed: ${thread.title}`, body: answer },
    when(e),
  );
}
