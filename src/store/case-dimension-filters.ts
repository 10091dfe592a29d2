import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
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
  /** An employee's follow-up answer on the case said they felt supported at one of these levels (1–5). */
  supported?: readonly number[] | undefined;
};

/** The "felt supported" score inside an employee's answer (kept as JSON text), read the way each database reads JSON. */
const feltSupported = (pg: boolean) =>
  pg ? sql<number>`(follow_ups.answer::json ->> 'feltSupported')::int` : sql<number>`json_extract(follow_ups.answer, '$.feltSupported')`;

/** The conditions the set filters put on a case (an empty list when none is set); `pg` names the database. */
export function caseDimensionConditions(
  eb: ExpressionBuilder<Tables, 'cases'>,
  workspaceId: string,
  filter: CaseDimensionFilter,
  pg: boolean,
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
  // A case's follow-ups of one side: served by follow_ups_case_signals and follow_ups_case (both lead with case_id).
  const followUpsOf = (party: 'customer' | 'employee') =>
    eb
      .selectFrom('follow_ups')
      .select('follow_ups.case_id')
      .where('follow_ups.workspace_id', '=', workspaceId)
      .whereRef('follow_ups.case_id', '=', 'cases.id')
      .where('follow_ups.party', '=', party);
  if (filter.satisfaction?.length)
    out.push(eb.exists(followUpsOf('customer').where('follow_ups.satisfaction', 'in', [...filter.satisfaction])));
  if (filter.supported?.length) {
    // Only an answered follow-up holds a score.
    out.push(
      eb.exists(
        followUpsOf('employee')
          .where('follow_ups.status', '=', 'answered')
          .where(feltSupported(pg), 'in', [...filter.supported]),
      ),
    );
  }
  return out;
}
