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
  pg: boolean,
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
    const threatened = eb
      .selectFrom('cases as threatened')
      .select('threatened.id')
      .where('threatened.workspace_id', '=', workspaceId)
      .where(flagged('threatened'));
    const flaggedCustomers = eb
      .selectFrom('cases as flagged_customer')
      .select('flagged_customer.customer_id')
      .where('flagged_customer.workspace_id', '=', workspaceId)
      .where('flagged_customer.customer_id', 'is not', null)
      .where(flagged('flagged_customer'));
    out.push(
      sql<SqlBool>`cases.id in (select id from ${threatened} as threatened_ids union all ${casesOfCustomers('same_customer', workspaceId, flaggedCustomers, pg)})`,
    );
  }
  if (filter.abuseFlagged) {
    // One small set: the flagged customers (customers_flagged) and their cases (cases_customer).
    const flaggedCustomers = eb
      .selectFrom('customers')
      .select('customers.id')
      .where('customers.workspace_id', '=', workspaceId)
      .where('customers.flagged_at', 'is not', null);
    out.push(sql<SqlBool>`cases.id in (${casesOfCustomers('of_flagged', workspaceId, flaggedCustomers, pg)})`);
  }
  return out;
}

/**
 * The ids of a workspace's cases of some customers. SQLite reads them from cases_customer by name:
 * without statistics its planner took the dashboard's covering index of the workspace's cases
 * (which holds the customer since migration 0043) and walked every case of the workspace, 1.5 s at
 * a million for the threat and abuse filters.
 */
function casesOfCustomers(alias: string, workspaceId: string, customerIds: Expression<unknown>, pg: boolean) {
  const table = pg ? sql`cases as ${sql.id(alias)}` : sql`cases as ${sql.id(alias)} indexed by cases_customer`;
  return sql`select ${sql.ref(`${alias}.id`)} from ${table} where ${sql.ref(`${alias}.workspace_id`)} = ${workspaceId}
    and ${sql.ref(`${alias}.customer_id`)} in ${customerIds}`;
}
