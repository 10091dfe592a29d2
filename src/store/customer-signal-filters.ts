import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { REPEAT_AT_LEAST } from '../domain/customer-signals.js';
import type { Tables } from './schema.js';

/** The inbox's customer-signal filters, each true of a case through its customer's whole record. */
export type CustomerSignalFilter = {
  /** The customer has at least REPEAT_AT_LEAST cases reported since this moment. */
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
    out.push(
      eb(
        'cases.customer_id',
        'in',
        eb
          .selectFrom('cases as recent')
          .select('recent.customer_id')
          .where('recent.workspace_id', '=', workspaceId)
          .where('recent.customer_id', 'is not', null)
          .where('recent.reported_at', '>=', filter.repeatSince)
          .groupBy('recent.customer_id')
          .having((h) => h.fn.countAll(), '>=', REPEAT_AT_LEAST),
      ),
    );
  }
  if (filter.threat) {
    out.push(
      eb.or([
        eb('cases.risk_flags', '!=', NO_FLAGS),
        eb(
          'cases.customer_id',
          'in',
          eb
            .selectFrom('cases as threatened')
            .select('threatened.customer_id')
            .where('threatened.workspace_id', '=', workspaceId)
            .where('threatened.customer_id', 'is not', null)
            .where('threatened.risk_flags', '!=', NO_FLAGS),
        ),
      ]),
    );
  }
  if (filter.abuseFlagged) {
    out.push(
      eb(
        'cases.customer_id',
        'in',
        eb
          .selectFrom('customers')
          .select('customers.id')
          .where('customers.workspace_id', '=', workspaceId)
          .where('customers.flagged_at', 'is not', null),
      ),
    );
  }
  return out;
}
