import type { Actor, ServiceContext } from '../services/context.js';
import { completeDataRequest, createDataRequest } from '../services/data-requests.js';
import { createLegalHold } from '../services/legal-holds.js';
import { setRetention } from '../services/retention.js';
import type { Db } from '../store/schema.js';

const DAY = 86_400_000;
type Candidate = { id: string; name: string };

/**
 * Data rights as an admin finds them: the customer whose lawyer wrote is under a legal hold and has
 * asked for a copy of her data; a customer whose cases are all closed asked to be erased (nothing holds
 * them, so the request can be completed); customers' data is kept 36 months after their last case closed.
 */
export async function playDataRights(db: Db, attachmentsDir: string, admin: Actor, now: Date): Promise<void> {
  const at = (daysAgo: number): ServiceContext => ({ db, actor: admin, now: new Date(now.getTime() - daysAgo * DAY) });
  const gloria = await db
    .selectFrom('customers')
    .select('id')
    .where('workspace_id', '=', admin.workspaceId)
    .where('name', '=', 'Gloria Ashworth')
    .where('merged_into_id', 'is', null)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  await createLegalHold(at(3), {
    matter: 'Ashworth: the jacket complaint',
    reason: 'Her lawyer wrote about the refused refund; keep her record and cases as they are until the matter is settled.',
    subjects: [{ kind: 'customer', id: gloria.id }],
  });
  await createDataRequest(at(2), {
    subjectKind: 'customer',
    subjectId: gloria.id,
    kind: 'access',
    regime: 'gdpr',
    requestedBy: 'Gloria Ashworth, by letter from her lawyer',
    identityCheck: 'The letter quotes her order number and the email address on file',
  });
  // A customer whose cases are all closed and whom no review counts: nothing stands in the way of erasing them.
  const open = db.selectFrom('cases').select('customer_id').where('workspace_id', '=', admin.workspaceId).where('status', '!=', 'closed');
  const reviewed = db.selectFrom('review_cases').innerJoin('cases', 'cases.id', 'review_cases.case_id').select('cases.customer_id');
  const candidates = await db
    .selectFrom('customers')
    .innerJoin('cases', 'cases.customer_id', 'customers.id')
    .select(['customers.id', 'customers.name'])
    .where('customers.workspace_id', '=', admin.workspaceId)
    .where('customers.merged_into_id', 'is', null)
    .where('customers.id', '!=', gloria.id)
    .where('customers.id', 'not in', open.where('customer_id', 'is not', null).$narrowType<{ customer_id: string }>())
    .where('customers.id', 'not in', reviewed.where('cases.customer_id', 'is not', null).$narrowType<{ customer_id: string }>())
    .orderBy('customers.name')
    .execute();
  const [erased, moved] = [...new Map(candidates.map((c) => [c.id, c])).values()] as [Candidate, Candidate];
  // One erasure done already, so the timeline and the audit report show what an erasure leaves.
  const done = await createDataRequest(at(20), {
    subjectKind: 'customer',
    subjectId: erased.id,
    kind: 'erasure',
    regime: 'ccpa',
    requestedBy: `${erased.name}, by the web form`,
    identityCheck: 'Confirmed the order number and the email address on file',
  });
  await completeDataRequest(at(18), attachmentsDir, done.id, undefined);
  await createDataRequest(at(1), {
    subjectKind: 'customer',
    subjectId: moved.id,
    kind: 'erasure',
    regime: 'gdpr',
    requestedBy: `${moved.name}, by email`,
    identityCheck: 'They wrote from the email address on file and named the store and date of their visit',
  });
  await setRetention(at(30), 36);
}
