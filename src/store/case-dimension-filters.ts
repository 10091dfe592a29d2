import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Tables } from './schema.js';

/**
 * The inbox's filters by the dimensions the dashboard counts on, so every figure there can open the
 * inbox on exactly its cases. The dashboard's own queries use the same conditions.
 */
export type CaseDimensionFilter = {
  caseTypeId?: string | undefined;
  /** An employee named as a party to the case (any role). */
  employeeId?: string | undefined;
  /** The case missed its acknowledge or its resolve deadline. */
  breached?: boolean | undefined;
  /** A customer's follow-up answer on the case gave one of these satisfaction scores (1–5). */
  satisfaction?: readonly number[] | undefined;
};

/** The conditions the set filters put on a case (an empty list when none is set). */
export function caseDimensionConditions(
  eb: ExpressionBuilder<Tables, 'cases'>,
  workspaceId: string,
  filter: CaseDimensionFilter,
): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (filter.caseTypeId) out.push(eb('cases.case_type_id', '=', filter.caseTypeId));
  if (filter.employeeId) {
    // Served by case_parties_pk (case_id, employee_id).
    out.push(
      eb.exists(
        eb
          .selectFrom('case_parties')
          .select('case_parties.case_id')
          .where('case_parties.workspace_id', '=', workspaceId)
          .whereRef('case_parties.case_id', '=', 'cases.id')
          .where('case_parties.employee_id', '=', filter.employeeId),
      ),
    );
  }
  if (filter.breached)
    out.push(eb.or([eb('cases.acknowledge_breached_at', 'is not', null), eb('cases.resolve_breached_at', 'is not', null)]));
  if (filter.satisfaction?.length) {
    // Served by follow_ups_case_signals (case_id, satisfaction, wants_help).
    out.push(
      eb.exists(
        eb
          .selectFrom('follow_ups')
          .select('follow_ups.case_id')
          .where('follow_ups.workspace_id', '=', workspaceId)
          .whereRef('follow_ups.case_id', '=', 'cases.id')
          .where('follow_ups.party', '=', 'customer')
          .where('follow_ups.satisfaction', 'in', [...filter.satisfaction]),
      ),
    );
  }
  return out;
}
