import { dueWords } from '../domain/due-words.js';
import { AppError, type FieldError } from '../domain/errors.js';
import { isKeptOnTime } from '../domain/follow-through.js';
import { progress } from '../domain/playbooks.js';
import { listCommitmentRows, updateCommitment } from '../store/commitments.js';
import type { NewEvent } from '../store/events.js';
import { cancelFollowUp, listFollowUpRows } from '../store/follow-ups.js';
import { findEmployees } from '../store/people.js';
import { listStepsDone } from '../store/playbooks.js';
import type { CaseRow, Db } from '../store/schema.js';
import { findWorkspace } from '../store/workspaces.js';
import type { ServiceContext } from './context.js';
import { resolvePlaybook } from './workspace-playbooks.js';

/** How each open promise ends when its case closes. */
export type PromiseSettlement = { id: string; status: 'kept' | 'cancelled' | 'broken'; note?: string | undefined };
/** Whether each planned follow-up still goes out after the case closes; cancelling needs a reason (the reason to go on, when none of its own). */
export type FollowUpSettlement = { id: string; action: 'keep' | 'cancel'; reason?: string | undefined };

export type Leftovers = {
  proceedReason?: string | undefined;
  promises?: PromiseSettlement[] | undefined;
  followUps?: FollowUpSettlement[] | undefined;
};

/** "Step 3 of Five steps — Empathise", for each step of the running playbook not done yet. */
export async function stepsLeft(db: Db, row: CaseRow): Promise<string[]> {
  if (row.playbook_key === null || row.playbook_version === null) return [];
  const playbook = await resolvePlaybook(db, row.workspace_id, row.playbook_key, row.playbook_version);
  if (!playbook) return [];
  const done = new Set((await listStepsDone(db, row.workspace_id, row.id, playbook.key, playbook.version)).map((d) => d.stepKey));
  if (progress(playbook, done).isComplete) return [];
  return playbook.steps.flatMap((s, i) => (done.has(s.key) ? [] : [`Step ${i + 1} of ${playbook.name} — ${s.title}`]));
}

/**
 * Resolving with playbook steps left goes ahead only with a reason; refused with 409 naming each
 * step otherwise. Returns what the status event keeps: the steps skipped and why.
 */
export async function guardResolving(db: Db, row: CaseRow, proceedReason: string | undefined): Promise<Record<string, unknown>> {
  const left = await stepsLeft(db, row);
  if (left.length === 0) return {};
  const reason = proceedReason?.trim();
  if (!reason) {
    const errors: FieldError[] = [
      ...left.map((message) => ({ path: 'stepsLeft', message })),
      { path: 'proceedReason', message: 'say why the case is resolved before these steps are done' },
    ];
    throw new AppError(
      'conflict',
      `${row.ref} still has ${left.length} playbook ${left.length === 1 ? 'step' : 'steps'} to do: ${left.join('; ')}. Say why to resolve it anyway.`,
      errors,
    );
  }
  return { proceedReason: reason, stepsLeft: left };
}

/**
 * Closing settles what is still open: every open promise is marked kept, cancelled or broken, and
 * every planned follow-up kept or cancelled (a cancelled survey link stops working), with a reason to
 * go on. Anything unsettled is refused with 409 listing what is left; ids that are not open on the
 * case are refused with 400. Returns the events to write before the status change, and what the
 * status event keeps.
 */
export async function settleForClosing(
  ctx: ServiceContext,
  db: Db,
  row: CaseRow,
  input: Leftovers,
): Promise<{ events: NewEvent[]; data: Record<string, unknown> }> {
  const [commitments, followUps, workspace] = await Promise.all([
    listCommitmentRows(db, row.workspace_id, row.id),
    listFollowUpRows(db, row.workspace_id, row.id),
    findWorkspace(db, row.workspace_id),
  ]);
  const open = commitments.filter((c) => c.status === 'open');
  const planned = followUps.filter((f) => f.status === 'scheduled' || f.status === 'sent');
  const promiseInput = input.promises ?? [];
  const followUpInput = input.followUps ?? [];
  const unknown: FieldError[] = [
    ...promiseInput.flatMap((p, i) =>
      open.some((c) => c.id === p.id) ? [] : [{ path: `promises.${i}.id`, message: 'not an open promise on this case' }],
    ),
    ...followUpInput.flatMap((f, i) =>
      planned.some((p) => p.id === f.id) ? [] : [{ path: `followUps.${i}.id`, message: 'not a planned follow-up on this case' }],
    ),
  ];
  if (unknown.length > 0) throw new AppError('validation', unknown.map((e) => `${e.path}: ${e.message}`).join('; '), unknown);
  if (open.length === 0 && planned.length === 0) return { events: [], data: {} };

  const zone = workspace?.time_zone ?? 'UTC';
  const employees = new Map(
    (
      await findEmployees(
        db,
        row.workspace_id,
        planned.flatMap((f) => (f.employee_id ? [f.employee_id] : [])),
      )
    ).map((e) => [e.id, e.name]),
  );
  const whom = (f: (typeof planned)[number]) =>
    f.party === 'customer' ? 'the customer' : (employees.get(f.employee_id ?? '') ?? 'an employee');
  const reason = input.proceedReason?.trim();
  const left: FieldError[] = [
    ...open
      .filter((c) => !promiseInput.some((p) => p.id === c.id))
      .map((c) => ({
        path: 'promises',
        message: `Promise: ${c.text} by ${dueWords(c.due_at, ctx.now, zone)} is still open; mark it kept, cancelled or broken`,
      })),
    ...planned
      .filter((f) => !followUpInput.some((s) => s.id === f.id))
      .map((f) => ({
        path: 'followUps',
        message: `The follow-up with ${whom(f)} ${f.status === 'sent' ? 'is waiting for an answer' : `is planned for ${dueWords(f.due_at, ctx.now, zone)}`}; keep it or cancel it`,
      })),
    ...(reason ? [] : [{ path: 'proceedReason', message: 'say why the case can close with promises open or follow-ups planned' }]),
  ];
  if (left.length > 0) throw new AppError('conflict', `${row.ref} cannot close yet: ${left.map((l) => l.message).join('; ')}.`, left);

  const at = ctx.now.toISOString();
  const by = ctx.actor.userId;
  const events: NewEvent[] = [];
  for (const p of promiseInput) {
    const c = open.find((o) => o.id === p.id);
    if (!c) continue;
    const note = p.note?.trim() || null;
    await updateCommitment(db, c.id, { status: p.status, closed_at: at, closed_by: by, note });
    const onTime = isKeptOnTime(p.status, c.due_at, at);
    events.push({
      kind: 'commitment_closed',
      actorId: by,
      at,
      data: { id: c.id, text: c.text, status: p.status, onTime, atClose: true, ...(note ? { note } : {}) },
    });
  }
  const kept: string[] = [];
  for (const s of followUpInput) {
    const f = planned.find((p) => p.id === s.id);
    if (!f) continue;
    if (s.action === 'keep') {
      kept.push(f.id);
      continue;
    }
    await cancelFollowUp(db, f.id);
    events.push({
      kind: 'follow_up_cancelled',
      actorId: by,
      at,
      data: { id: f.id, party: f.party, employeeId: f.employee_id, reason: s.reason?.trim() || reason },
    });
  }
  return { events, data: { proceedReason: reason, ...(kept.length > 0 ? { keptFollowUps: kept } : {}) } };
}
