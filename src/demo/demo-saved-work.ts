import type { Actor } from '../services/context.js';
import { createSavedReply } from '../services/saved-replies.js';
import { saveView } from '../services/saved-views.js';
import type { Db } from '../store/schema.js';

/**
 * The wording the demo's people keep to hand: the admin's saved reply for everyone, the stores'
 * supervisor's for her team (it moves the case on and tags it when sent), and a view she shares
 * with her team.
 */
export async function playDemoSavedWork(db: Db, admin: Actor, supervisor: Actor, now: Date): Promise<void> {
  const as = (actor: Actor) => ({ db, actor, now });
  await createSavedReply(as(admin), {
    title: 'Thank you for your patience',
    body: 'Dear {{customer.firstName|customer}},\n\nThank you for bearing with us while we look into {{case.reference}}. I will write again as soon as I know more.\n\n{{sender.firstName}}, {{workspace.name}}',
    teamId: null,
  });
  const team = supervisor.teamIds[0];
  if (!team) return;
  await createSavedReply(as(supervisor), {
    title: 'We are looking into it',
    body: 'Hello {{customer.firstName|there}},\n\nI am sorry about what happened on your visit. {{handler.firstName|A colleague}} is looking into it now and will call you back by tomorrow at 5pm.\n\n{{sender.name}}',
    teamId: team,
    setStatus: 'investigating',
    addTags: ['callback-promised'],
  });
  await saveView(as(supervisor), {
    name: 'Breached, soonest due',
    filters: { breached: true, sort: 'next_due_at', order: 'asc' },
    teamId: team,
  });
}
