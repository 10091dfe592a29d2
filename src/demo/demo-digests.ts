import type { Kysely } from 'kysely';
import { isoWeekOf } from '../domain/iso-week.js';
import { loadActor } from '../services/accounts.js';
import { prepareAgenda } from '../services/agendas.js';
import { approveNewsletter, createNewsletter } from '../services/newsletters.js';
import type { Tables } from '../store/schema.js';
import { listTeams, listUsers } from '../store/workspaces.js';

const DAY = 86_400_000;

/**
 * The demo opens with this week's agenda of every team drafted by its supervisor, ready to review
 * (swap the case, check the redactions, approve), a newsletter draft waiting for HR's review, and
 * last month's newsletter already approved, so employees have one to read.
 */
export async function seedDemoDigests(
  db: Kysely<Tables>,
  workspaceId: string,
  now: Date,
  emails: { supervisors: readonly string[]; reviewer: string },
): Promise<void> {
  const users = await listUsers(db, workspaceId);
  const actorOf = async (email: string) => {
    const user = users.find((u) => u.email === email);
    return user ? loadActor(db, user.id) : undefined;
  };
  const week = isoWeekOf(now);
  const teams = await listTeams(db, workspaceId);
  for (const email of emails.supervisors) {
    const actor = await actorOf(email);
    if (!actor) continue;
    for (const team of teams.filter((t) => actor.teamIds.includes(t.id)))
      await prepareAgenda({ db, actor, now }, { teamId: team.id, week });
  }
  const reviewer = await actorOf(emails.reviewer);
  if (!reviewer) return;
  const monthAgo = new Date(now.getTime() - 30 * DAY);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const earlier = await createNewsletter({ db, actor: reviewer, now: monthAgo }, { since: day(new Date(monthAgo.getTime() - 30 * DAY)) });
  await approveNewsletter({ db, actor: reviewer, now: new Date(monthAgo.getTime() + DAY) }, earlier.id);
  await createNewsletter({ db, actor: reviewer, now }, { since: day(monthAgo) });
}
