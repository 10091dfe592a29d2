import type { CustomerState, RiskFlag, Severity } from '../domain/case.js';
import { toMajorOrNull } from '../domain/money.js';
import { type CaseFacts, type Recommendation, recommendStrategy } from '../domain/strategy.js';
import { countEarlierCasesOfCustomer, partyAccounts } from '../store/cases.js';
import { listLatestWorkspacePlaybooks } from '../store/playbooks.js';
import { authorityLimitOf } from './authority-limits.js';
import { loadCase } from './case-helpers.js';
import type { ServiceContext } from './context.js';

export type RecommendationInput = { policyAtStake?: boolean | undefined; abusive?: boolean | undefined };

/**
 * Recommends a strategy for a case from its recorded facts. What the record cannot know — whether
 * a clear policy rules out what the customer asks, whether the customer was abusive — the handler says.
 */
export async function recommendForCase(
  ctx: ServiceContext,
  ref: string,
  input: RecommendationInput = {},
): Promise<Recommendation & { facts: CaseFacts & { threats: RiskFlag[] } }> {
  const { row } = await loadCase(ctx.db, ctx.actor, ref);
  const parties = await partyAccounts(ctx.db, row.workspace_id, row.id);
  const handler = row.assignee_id ?? ctx.actor.userId;
  const limitMinor = await authorityLimitOf(ctx.db, row.workspace_id, handler);
  const facts: CaseFacts & { threats: RiskFlag[] } = {
    customerState: row.customer_state as CustomerState,
    severity: row.severity as Severity,
    amountAtStake: toMajorOrNull(row.impact_amount_minor),
    threats: JSON.parse(row.risk_flags) as RiskFlag[],
    employeeIsSubject: parties.some((p) => p.role === 'primary' && p.userId === handler),
    policyAtStake: input.policyAtStake ?? false,
    customerPriorCases: row.customer_id ? await countEarlierCasesOfCustomer(ctx.db, row.workspace_id, row.customer_id, row.reported_at) : 0,
    abusive: input.abusive ?? false,
    authorityLimit: toMajorOrNull(limitMinor),
  };
  const recommendation = recommendStrategy(facts);
  return { ...recommendation, playbookKey: await workspaceVersionOf(ctx, recommendation.playbookKey), facts };
}

/**
 * The workspace's own copy of a built-in playbook when an admin made one (the most revised, if
 * several), so a recommendation leads to the playbook the business actually uses.
 */
async function workspaceVersionOf(ctx: ServiceContext, builtInKey: string): Promise<string> {
  const copies = (await listLatestWorkspacePlaybooks(ctx.db, ctx.actor.workspaceId)).filter((p) => p.basedOn?.key === builtInKey);
  const latest = copies.sort((a, b) => b.version - a.version || a.key.localeCompare(b.key))[0];
  return latest?.key ?? builtInKey;
}
