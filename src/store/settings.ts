import { sql } from 'kysely';
import type { Severity } from '../domain/case.js';
import { FINISHED_STATUSES } from '../domain/case-status.js';
import type { SlaTarget } from '../domain/sla.js';
import { resetDashboardDays } from './dashboard-days.js';
import { newId } from './ids.js';
import { prepared } from './prepared.js';
import type { CaseRow, CaseTypeRow, Db } from './schema.js';

/** Role limits an admin has set (minor units; null = no limit). Roles absent here use the defaults. */
export async function roleLimits(db: Db, workspaceId: string): Promise<Map<string, number | null>> {
  const rows = await db.selectFrom('role_authority_limits').selectAll().where('workspace_id', '=', workspaceId).execute();
  return new Map(rows.map((r) => [r.role, r.amount_minor]));
}

export async function setRoleLimit(db: Db, workspaceId: string, role: string, amountMinor: number | null): Promise<void> {
  await db
    .insertInto('role_authority_limits')
    .values({ workspace_id: workspaceId, role, amount_minor: amountMinor })
    .onConflict((oc) => oc.columns(['workspace_id', 'role']).doUpdateSet({ amount_minor: amountMinor }))
    .execute();
}

export async function setUserLimit(db: Db, workspaceId: string, userId: string, amountMinor: number | null): Promise<void> {
  await db
    .updateTable('users')
    .set({ authority_limit_minor: amountMinor })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', userId)
    .execute();
}

export async function slaTargets(db: Db, workspaceId: string): Promise<SlaTarget[]> {
  const rows = await db.selectFrom('sla_targets').selectAll().where('workspace_id', '=', workspaceId).orderBy('severity').execute();
  return rows.map((r) => ({
    severity: r.severity as Severity,
    acknowledgeMinutes: r.acknowledge_minutes,
    resolveMinutes: r.resolve_minutes,
  }));
}

export async function setSlaTarget(db: Db, workspaceId: string, t: SlaTarget): Promise<void> {
  await db
    .insertInto('sla_targets')
    .values({
      workspace_id: workspaceId,
      severity: t.severity,
      acknowledge_minutes: t.acknowledgeMinutes,
      resolve_minutes: t.resolveMinutes,
    })
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'severity'])
        .doUpdateSet({ acknowledge_minutes: t.acknowledgeMinutes, resolve_minutes: t.resolveMinutes }),
    )
    .execute();
}

export async function setWorkspacePreset(db: Db, workspaceId: string, preset: string): Promise<void> {
  await db.updateTable('workspaces').set({ sla_preset: preset }).where('id', '=', workspaceId).execute();
}

export function listCaseTypes(db: Db, workspaceId: string): Promise<CaseTypeRow[]> {
  return db.selectFrom('case_types').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
}

export function findCaseType(db: Db, workspaceId: string, id: string): Promise<CaseTypeRow | undefined> {
  return db.selectFrom('case_types').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function insertCaseType(db: Db, workspaceId: string, name: string, preset: string, now: Date): Promise<CaseTypeRow> {
  const row: CaseTypeRow = { id: newId(), workspace_id: workspaceId, name, sla_preset: preset, created_at: now.toISOString() };
  await db.insertInto('case_types').values(row).execute();
  return row;
}

export async function updateCaseType(db: Db, workspaceId: string, id: string, name: string, preset: string): Promise<void> {
  await db
    .updateTable('case_types')
    .set({ name, sla_preset: preset })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** An SLA clock of a case: acknowledging it, or resolving it. */
export type SlaClock = 'acknowledge' | 'resolve';

export type RunOutClock = Pick<CaseRow, 'id' | 'workspace_id' | 'ref'> & { due_at: string };

/**
 * Open cases, across workspaces, whose clock ran out before `now` and is not marked yet, by due time
 * then id, `limit` at a time after the keyset `after`. Read from the partial index of running clocks
 * (migration 0022), whose condition is spelled here with the same literals so SQLite can use it.
 */
export function runOutClocks(
  db: Db,
  clock: SlaClock,
  now: Date,
  limit: number,
  after?: { dueAt: string; id: string },
): Promise<RunOutClock[]> {
  const due = clock === 'acknowledge' ? 'acknowledge_due_at' : 'resolve_due_at';
  const done = clock === 'acknowledge' ? 'acknowledged_at' : 'resolved_at';
  const marked = clock === 'acknowledge' ? 'acknowledge_breached_at' : 'resolve_breached_at';
  return db
    .selectFrom('cases')
    .select(['id', 'workspace_id', 'ref', `${due} as due_at`])
    .where(done, 'is', null)
    .where(marked, 'is', null)
    .where('clock_paused_at', 'is', null)
    .where(
      'status',
      'not in',
      FINISHED_STATUSES.map((s) => sql.lit(s)),
    )
    .where(due, '<', now.toISOString())
    .$if(after !== undefined, (q) =>
      q.where((eb) => eb(eb.refTuple(due, 'id'), '>', eb.tuple((after as { dueAt: string }).dueAt, (after as { id: string }).id))),
    )
    .orderBy(due)
    .orderBy('id')
    .limit(limit)
    .execute() as Promise<RunOutClock[]>;
}

/** Sets the workspace's time zone; a change moves every local date, so the dashboard's daily rollups are marked for a rebuild. */
export async function setTimeZone(db: Db, workspaceId: string, timeZone: string): Promise<void> {
  const before = await db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirst();
  await db.updateTable('workspaces').set({ time_zone: timeZone }).where('id', '=', workspaceId).execute();
  if (before && before.time_zone !== timeZone) await resetDashboardDays(db, workspaceId);
}

export async function setFollowUpDelays(db: Db, workspaceId: string, minutes: { customer: number; employee: number }): Promise<void> {
  await db
    .updateTable('workspaces')
    .set({ follow_up_customer_minutes: minutes.customer, follow_up_employee_minutes: minutes.employee })
    .where('id', '=', workspaceId)
    .execute();
}

/**
 * Everything that decides a new case's clocks, in one query: the workspace's preset, its target for
 * the severity, and the case type's preset (null when no type is given or it is not this workspace's).
 */
export async function clockSettings(db: Db, workspaceId: string, severity: number, caseTypeId: string | null) {
  const { rows } = await clockSettingsRow(db, { workspaceId, severity, caseTypeId: caseTypeId ?? '' });
  return rows[0];
}

/** Read by every new case: compiled once. */
const clockSettingsRow = prepared((db: Db, v: { workspaceId: string; severity: number; caseTypeId: string }) =>
  db
    .selectFrom('workspaces')
    .leftJoin('sla_targets', (j) => j.onRef('sla_targets.workspace_id', '=', 'workspaces.id').on('sla_targets.severity', '=', v.severity))
    .leftJoin('case_types', (j) => j.onRef('case_types.workspace_id', '=', 'workspaces.id').on('case_types.id', '=', v.caseTypeId))
    .select([
      'workspaces.sla_preset as workspacePreset',
      'sla_targets.acknowledge_minutes as acknowledgeMinutes',
      'sla_targets.resolve_minutes as resolveMinutes',
      'case_types.sla_preset as caseTypePreset',
    ])
    .where('workspaces.id', '=', v.workspaceId),
);
