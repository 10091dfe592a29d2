import type { Actor } from '../services/context.js';
import { openCustomerCase } from '../services/open-customer-case.js';
import { addStatusPageMessage, revokeStatusLink } from '../services/status-page.js';
import type { Db, WorkspaceRow } from '../store/schema.js';

const DAY = 86_400_000;

/**
 * Two customers who wrote in on the public form: one added a detail on her status page, and the
 * other's link was turned off by the supervisor after he forwarded it to a stranger.
 */
export async function playCustomersWritingIn(
  db: Db,
  workspace: WorkspaceRow,
  supervisor: Actor,
  links: { publicUrl: string; replyDomain: string | undefined },
  now: Date,
): Promise<void> {
  const earlier = new Date(now.getTime() - 2 * DAY);
  const first = await openCustomerCase(
    db,
    workspace,
    {
      channel: 'web_form',
      name: 'Noor Haddad',
      email: 'noor.haddad@example.test',
      story: 'I ordered hiking boots for collection on Saturday. When I came in, the clerk said they had been sold and shrugged.',
      wants: 'I would like the boots held for me, or a refund today.',
      teamId: supervisor.teamIds[0] ?? null,
    },
    earlier,
    links,
  );
  await addStatusPageMessage(
    db,
    first.token,
    'My order number is HP-55102, in case that helps. I can come back on Thursday after 5.',
    new Date(earlier.getTime() + 3_600_000),
    90,
  );
  const second = await openCustomerCase(
    db,
    workspace,
    {
      channel: 'web_form',
      name: 'Piet de Vries',
      email: 'piet.devries@example.test',
      story: 'The tent I bought leaks at the seams after one night of rain.',
      teamId: supervisor.teamIds[0] ?? null,
    },
    earlier,
    links,
  );
  await revokeStatusLink({ db, actor: supervisor, now: new Date(earlier.getTime() + DAY) }, second.kase.ref);
}
