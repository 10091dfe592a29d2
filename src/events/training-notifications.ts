import type { DomainEvent } from '../domain/domain-events.js';
import { trainingAssignedEmail, trainingDueSoonEmail, trainingOverdueEmail } from '../services/emails/training-emails.js';
import { notifyPeople } from '../services/notifications.js';
import type { Db, UserRow } from '../store/schema.js';
import { supervisorsOf, teamIdsOf } from '../store/users.js';
import { findUser, findWorkspace } from '../store/workspaces.js';

/** The training events this module tells people about. */
export const TRAINING_EVENT_KINDS: ReadonlySet<string> = new Set([
  'training_assigned',
  'training_due_soon',
  'training_overdue',
  'training_completed',
]);

const LINK = '/training/assignments';

/**
 * Who hears what of training: the assignee hears of a new assignment and shortly before it is due
 * (in the app and by mail); their supervisors hear when it passed its due time (both) and when it is
 * done (in the app only).
 */
export async function tellAboutTraining(e: DomainEvent, db: Db, publicUrl: string): Promise<void> {
  if (!e.userId) return;
  const assignee = await findUser(db, e.workspaceId, e.userId);
  if (!assignee || assignee.deactivated_at !== null) return;
  const workspace = await findWorkspace(db, e.workspaceId);
  const title = String(e.data.scenarioTitle ?? 'a scenario');
  const facts = {
    scenarioTitle: title,
    dueAt: String(e.data.dueAt ?? e.at),
    timeZone: workspace?.time_zone ?? 'UTC',
    url: `${publicUrl.replace(/\/$/, '')}${LINK}`,
    certification: e.data.mode === 'certification',
  };
  const at = new Date(e.at);
  const note = (kind: string, noteTitle: string, body: string) => ({ kind, caseId: null, link: LINK, title: noteTitle, body });
  switch (e.kind) {
    case 'training_assigned':
      if (e.actorId === assignee.id) return;
      return notifyPeople(
        db,
        [assignee],
        note('training_assigned', `Training for you: ${title}`, reasonText(e)),
        at,
        trainingAssignedEmail(facts),
      );
    case 'training_due_soon':
      return notifyPeople(
        db,
        [assignee],
        note('training_due_soon', `Due soon: ${title}`, 'Your training is due soon.'),
        at,
        trainingDueSoonEmail(facts),
      );
    case 'training_overdue':
      return notifyPeople(
        db,
        await supervisorsOfPerson(db, assignee),
        note('training_overdue', `Overdue training: ${assignee.name}`, `${title} passed its due date without a pass.`),
        at,
        trainingOverdueEmail({ ...facts, name: assignee.name }),
      );
    case 'training_completed':
      return notifyPeople(
        db,
        await supervisorsOfPerson(db, assignee),
        note('training_completed', `${assignee.name} passed ${title}`, 'An assignment is done.'),
        at,
      );
  }
}

const reasonText = (e: DomainEvent): string =>
  ({
    new_hire: 'Part of the starter set for new colleagues.',
    low_score: 'Suggested by your replies on recent cases.',
    refresher: 'A short re-practice of a scenario you passed.',
    renewal: 'Your certificate is about to expire.',
    review: 'Chosen in a review.',
  })[String(e.data.source)] ?? 'Assigned by your supervisor.';

async function supervisorsOfPerson(db: Db, person: UserRow): Promise<UserRow[]> {
  const out = new Map<string, UserRow>();
  const teams = await teamIdsOf(db, person.workspace_id, person.id);
  // Someone in no team is looked after by the admins, as supervisorsOf does for a case without a team.
  for (const teamId of teams.length > 0 ? teams : [null])
    for (const s of await supervisorsOf(db, person.workspace_id, teamId)) if (s.id !== person.id) out.set(s.id, s);
  return [...out.values()];
}
