import type { Severity } from '../domain/case.js';
import { AppError, invalid } from '../domain/errors.js';
import { clockTargets, DEFAULT_SLA_TARGETS, type SlaPreset, type SlaTarget } from '../domain/sla.js';
import type { Db } from '../store/schema.js';
import {
  clockSettings,
  findCaseType,
  insertCaseType,
  listCaseTypes,
  setFollowUpDelays,
  setSlaTarget,
  setTimeZone,
  setWorkspacePreset,
  slaTargets,
  updateCaseType,
} from '../store/settings.js';
import { findWorkspace } from '../store/workspaces.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';

export type CaseTypeView = { id: string; name: string; preset: SlaPreset };
type FollowUpHours = { customerHours: number; employeeHours: number };
export type DeadlineSettings = {
  preset: SlaPreset;
  timeZone: string;
  followUpDelays: FollowUpHours;
  targets: SlaTarget[];
  caseTypes: CaseTypeView[];
};
export type DeadlineSettingsInput = {
  preset: SlaPreset;
  targets: SlaTarget[];
  caseTypes: { id?: string | undefined; name: string; preset: SlaPreset }[];
  followUpDelays?: FollowUpHours | undefined;
  timeZone?: string | undefined;
};

/** The clock targets of a case of this severity and type in the workspace (type preset → workspace preset → severity target). */
export async function clockTargetsFor(
  db: Db,
  workspaceId: string,
  severity: Severity,
  caseTypeId: string | null,
): Promise<SlaTarget & { regulated: boolean }> {
  const found = await clockSettings(db, workspaceId, severity, caseTypeId);
  const fallback = DEFAULT_SLA_TARGETS.find((t) => t.severity === severity) as SlaTarget;
  const custom =
    found?.acknowledgeMinutes != null && found.resolveMinutes != null
      ? { severity, acknowledgeMinutes: found.acknowledgeMinutes, resolveMinutes: found.resolveMinutes }
      : fallback;
  return clockTargets(custom, found?.workspacePreset ?? 'custom', found?.caseTypePreset ?? null);
}

/** A case type id must name a type of this workspace. */
export async function assertCaseType(db: Db, workspaceId: string, caseTypeId: string | null | undefined): Promise<void> {
  if (caseTypeId && !(await findCaseType(db, workspaceId, caseTypeId))) throw invalid('caseTypeId', 'no such case type in this workspace');
}

export async function getDeadlineSettings(ctx: ServiceContext): Promise<DeadlineSettings> {
  requirePermission(ctx.actor, 'read', 'settings');
  const ws = ctx.actor.workspaceId;
  const [workspace, targets, types] = await Promise.all([findWorkspace(ctx.db, ws), slaTargets(ctx.db, ws), listCaseTypes(ctx.db, ws)]);
  return {
    preset: (workspace?.sla_preset ?? 'custom') as SlaPreset,
    timeZone: workspace?.time_zone ?? 'UTC',
    followUpDelays: {
      customerHours: Math.round((workspace?.follow_up_customer_minutes ?? 0) / 60),
      employeeHours: Math.round((workspace?.follow_up_employee_minutes ?? 0) / 60),
    },
    targets,
    caseTypes: types.map((t) => ({ id: t.id, name: t.name, preset: t.sla_preset as SlaPreset })),
  };
}

/**
 * Saves the workspace preset, the per-severity targets and the case types (new ones have no id).
 * Types are never deleted here, because cases point at them; clocks of existing cases keep their
 * due times until the case's type or severity changes.
 */
export async function setDeadlineSettings(ctx: ServiceContext, input: DeadlineSettingsInput): Promise<DeadlineSettings> {
  requirePermission(ctx.actor, 'update', 'settings');
  const ws = ctx.actor.workspaceId;
  // Said in the form's terms (hours, the severity's row), so the page can show it on the field.
  const hours = (minutes: number) => `${Number((minutes / 60).toFixed(2))} h`;
  const errors = input.targets.flatMap((t, i) =>
    t.acknowledgeMinutes > t.resolveMinutes
      ? [
          {
            path: `targets.${i}.acknowledgeMinutes`,
            message: `Severity ${t.severity}: acknowledging (${hours(t.acknowledgeMinutes)}) cannot take longer than resolving (${hours(t.resolveMinutes)})`,
          },
        ]
      : [],
  );
  if (errors.length > 0) throw new AppError('validation', errors.map((e) => e.message).join('; '), errors);
  await inTransaction(ctx.db, async (db) => {
    // Names stay unique: the listed types plus the existing ones not listed.
    const listed = new Set(input.caseTypes.map((t) => t.id));
    const kept = (await listCaseTypes(db, ws)).filter((t) => !listed.has(t.id)).map((t) => t.name.toLowerCase());
    const names = input.caseTypes.map((t) => t.name.toLowerCase());
    const dup = names.findIndex((n, i) => names.indexOf(n) !== i || kept.includes(n));
    if (dup >= 0) throw invalid(`caseTypes.${dup}.name`, 'another case type already has this name');
    await setWorkspacePreset(db, ws, input.preset);
    if (input.timeZone) await setTimeZone(db, ws, input.timeZone);
    if (input.followUpDelays) {
      const { customerHours, employeeHours } = input.followUpDelays;
      await setFollowUpDelays(db, ws, { customer: customerHours * 60, employee: employeeHours * 60 });
    }
    for (const t of input.targets) await setSlaTarget(db, ws, t);
    for (const [i, t] of input.caseTypes.entries()) {
      if (t.id === undefined) {
        await insertCaseType(db, ws, t.name, t.preset, ctx.now);
      } else {
        if (!(await findCaseType(db, ws, t.id))) throw invalid(`caseTypes.${i}.id`, 'no such case type in this workspace');
        await updateCaseType(db, ws, t.id, t.name, t.preset);
      }
    }
  });
  return getDeadlineSettings(ctx);
}
