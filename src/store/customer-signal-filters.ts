import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Tables } from './schema.js';

/** The inbox's customer-signal filters, each true of a case through its customer's whole record. */
export type CustomerSignalFilter = {
  /** The customer has at least REPEAT_AT_LEAST (two) cases reported since this moment. */
  repeatSince?: string | undefined;
  /** The case, or another case of its customer, carries a reputational threat. */
  threat?: boolean | undefined;
  /** Its customer is flagged under the abuse policy. */
  abuseFlagged?: boolean | undefined;
};

const NO_FLAGS = '[]';

/** The conditions the set filters put on a case (an empty list when none is set). */
export function customerSignalConditions(
  eb: ExpressionBuilder<Tables, 'cases'>,
  workspaceId: string,
  filter: CustomerSignalFilter,
): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (filter.repeatSince) {
    // A customer has two or more cases since the moment when one of their cases has its previous
    // case since then too: the customer chain (migration 0042), a range of cases_customer_repeat.
    out.push(
      eb(
        'cases.customer_id',
        'in',
        eb
          .selectFrom('cases as recent')
          .select('recent.customer_id')
          .where('recent.workspace_id', '=', workspaceId)
          .where('recent.customer_prev_at', '>=', filter.repeatSince),
      ),
    );
  }
  if (filter.threat) {
    // One small set: the flagged cases and every case of their customers, both read from
    // cases_flagged (its condition spelled with the same literal) and cases_customer.
    const flagged = (alias: string) => sql<boolean>`${sql.ref(`${alias}.risk_flags`)} != ${sql.lit(NO_FLAGS)}`;
    out.push(
      eb(
        'cases.id',
        'in',
        eb
          .selectFrom('cases as threatened')
          .select('threatened.id')
          .where('threatened.workspace_id', '=', workspaceId)
          .where(flagged('threatened'))
          .unionAll(
            eb
              .selectFrom('cases as same_customer')
              .select('same_customer.id')
              .where('same_customer.workspace_id', '=', workspaceId)
              .where(
                'same_customer.customer_id',
                'in',
                eb
                  .selectFrom('cases as flagged_customer')
                  .select('flagged_customer.customer_id')
                  .where('flagged_customer.workspace_id', '=', workspaceId)
                  .where('flagged_customer.customer_id', 'is not', null)
                  .where(flagged('flagged_customer')),
              ),
          ),
      ),
    );
  }
  if (filter.abuseFlagged) {
    // One small set: the flagged customers (customers_flagged) and their cases (cases_customer).
    out.push(
      eb(
        'cases.id',
        'in',
        eb
          .selectFrom('cases as of_flagged')
          .select('of_flagged.id')
          .where('of_flagged.workspace_id', '=', workspaceId)
          .where(
            'of_flagged.customer_id',
            'in',
            eb
              .selectFrom('customers')
              .select('customers.id')
              .where('customers.workspace_id', '=', workspaceId)
              .where('customers.flagged_at', 'is not', null),
          ),
      ),
    );
  }
  return out;
}
