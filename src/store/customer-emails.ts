import { sql } from 'kysely';
import type { CustomerRow, Db } from './schema.js';

/**
 * The customer on file (not a merged tombstone, not erased) whose email, or one of whose further
 * email contacts, is this address in any case; the oldest when several.
 */
export function findCustomerByEmail(db: Db, workspaceId: string, email: string): Promise<CustomerRow | undefined> {
  const address = email.trim().toLowerCase();
  return db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('merged_into_id', 'is', null)
    .where('erased_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb(sql<string>`lower(email)`, '=', address),
        eb(
          'id',
          'in',
          eb
            .selectFrom('customer_contacts')
            .select('customer_contacts.customer_id')
            .where('customer_contacts.workspace_id', '=', workspaceId)
            .where('customer_contacts.kind', '=', 'email')
            .where(sql<string>`lower(customer_contacts.value)`, '=', address),
        ),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}
