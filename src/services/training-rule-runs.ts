import { SCORE_PARTS, type ScorePart } from '../domain/coach.js';
import { partsTrained } from '../domain/training-rules.js';
import { insertOutboxEvents } from '../store/event-outbox.js';
import type { Db, TrainingAssignmentRow } from '../store/schema.js';
import { listLatestWorkspaceDraftFlags, listLatestWorkspaceScenarios } from '../store/training.js';
import {
  allAssignments,
  assignmentsToRemind,
  overdueUnnoticed,
  passedSessions,
  updateAssignment,
  workspaceIds,
} from '../store/training-assignments.js';
import { practisedSteps } from '../training/practice.js';
import { builtInScenarios } from '../training/scenarios.js';
import { loggedReplyScores } from './coaching-report.js';
import { inTransaction } from './context.js';
import { activeUsers, assignmentEvent, assignmentRow, type NewAssignment, recordAssignments } from './training-assignments.js';
import { rulesOf } from './training-rules.js';
import { resolvePlaybook } from './workspace-playbooks.js';

const DAY = 86_400_000;

/*
 * The time-driven side of training, one pass per workspace: the rules an admin set make assignments
 * (new hires get the starter set, low scorers on a part get scenarios that train it, passed scenarios
 * come back for a re-practice, certificates near expiry come back for renewal), then assignees hear
 * before the due time and supervisors once it has passed. Each step looks at what exists, so a pass
 * that runs twice assigns and tells nothing twice.
 */
export async function runTrainingRules(db: Db, now: Date): Promise<{ assigned: number; reminded: number; overdue: number }> {
  let assigned = 0;
  for (const ws of await workspaceIds(db)) assigned += await inTransaction(db, (tx) => assignByRules(tx, ws, now));
  const { reminded, overdue } = await remindAndNotice(db, now);
  return { assigned, reminded, overdue };
}

/** The scenarios that train each coach part, among those published in the workspace. */
async function scenariosByPart(db: Db, workspaceId: string): Promise<Map<ScorePart, { key: string; title: string }[]>> {
  const drafts = await listLatestWorkspaceDraftFlags(db, workspaceId);
  const all = [...builtInScenarios(), ...(await listLatestWorkspaceScenarios(db, workspaceId)).filter((s) => !drafts.get(s.key)?.draft)];
  const out = new Map<ScorePart, { key: string; title: string }[]>(SCORE_PARTS.map((p) => [p, []]));
  for (const s of all) {
    const playbook = await resolvePlaybook(db, workspaceId, s.playbookKey);
    if (!playbook) continue;
    const moves = practisedSteps(s, playbook).flatMap((st) => st.expectedMoves ?? []);
    for (const part of partsTrained(s, moves)) out.get(part)?.push({ key: s.key, title: s.title });
  }
  return out;
}

async function assignByRules(db: Db, workspaceId: string, now: Date): Promise<number> {
  const rules = await rulesOf(db, workspaceId);
  const at = now.toISOString();
  const existing = await allAssignments(db, workspaceId);
  const has = (userId: string, key: string, pred: (a: TrainingAssignmentRow) => boolean) =>
    existing.some((a) => a.user_id === userId && a.scenario_key === key && pred(a));
  const titles = new Map([...builtInScenarios(), ...(await listLatestWorkspaceScenarios(db, workspaceId))].map((s) => [s.key, s.title]));
  const due = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const items: NewAssignment[] = [];
  const add = (a: NewAssignment) => {
    items.push(a);
    existing.push(assignmentRow(workspaceId, a, at));
  };
  const users = await activeUsers(db, workspaceId);

  // New hires: an employee whose account is younger than the starter set's due time.
  for (const u of users) {
    if (u.role !== 'employee' || now.getTime() - Date.parse(u.created_at) > rules.starterDueDays * DAY) continue;
    for (const key of rules.starterSet) {
      const title = titles.get(key);
      if (!title || has(u.id, key, (a) => a.source === 'new_hire')) continue;
      add({
        userId: u.id,
        scenarioKey: key,
        scenarioTitle: title,
        mode: 'practice',
        source: 'new_hire',
        reason: 'Starter set for new colleagues',
        assignedBy: null,
        dueAt: new Date(Date.parse(u.created_at) + rules.starterDueDays * DAY).toISOString(),
      });
    }
  }

  // Low scores on a part of logged replies: the scenarios that train it, unless already open or done lately.
  if (rules.lowScore.enabled) {
    const since = new Date(now.getTime() - rules.lowScore.sinceDays * DAY).toISOString();
    const scores = await loggedReplyScores(db, workspaceId, since);
    const byPart = await scenariosByPart(db, workspaceId);
    for (const u of users) {
      const replies = scores.get(u.id) ?? [];
      if (replies.length < rules.lowScore.minReplies) continue;
      for (const part of SCORE_PARTS) {
        const mean = replies.reduce((s, r) => s + (r.score.parts[part] ?? 0), 0) / replies.length;
        if (mean >= rules.lowScore.mark) continue;
        const options = byPart.get(part) ?? [];
        // Already training this part (open, or given for a low score in the window): nothing more yet.
        const recent = (a: TrainingAssignmentRow) =>
          a.status === 'open' || (a.source === 'low_score' && Date.parse(a.created_at) >= Date.parse(since));
        if (options.some((s) => has(u.id, s.key, recent))) continue;
        const pick = options[0];
        if (!pick) continue;
        add({
          userId: u.id,
          scenarioKey: pick.key,
          scenarioTitle: pick.title,
          mode: 'practice',
          source: 'low_score',
          reason: `Replies on cases score ${Math.round(mean)} on ${part}, below ${rules.lowScore.mark}`,
          assignedBy: null,
          dueAt: due(rules.lowScore.dueDays),
        });
      }
    }
  }

  // Spaced re-practice and renewal: the last pass of a scenario, once it is old enough, comes back.
  const lastPass = new Map<string, { userId: string; key: string; title: string; at: string; expiresAt: string | null; mode: string }>();
  for (const s of await passedSessions(db, workspaceId))
    lastPass.set(`${s.user_id} ${s.scenario_key} ${s.mode}`, {
      userId: s.user_id,
      key: s.scenario_key,
      title: s.scenario_title,
      at: s.finished_at ?? at,
      expiresAt: s.expires_at,
      mode: s.mode,
    });
  const active = new Set(users.map((u) => u.id));
  for (const p of lastPass.values()) {
    if (!active.has(p.userId)) continue;
    const sinceLast = (a: TrainingAssignmentRow) => Date.parse(a.created_at) > Date.parse(p.at);
    if (p.mode === 'certification' && p.expiresAt) {
      const renewFrom = Date.parse(p.expiresAt) - rules.reminderHours * 3600_000 - rules.refresherDueDays * DAY;
      if (now.getTime() >= renewFrom && !has(p.userId, p.key, (a) => a.mode === 'certification' && sinceLast(a)))
        add({
          userId: p.userId,
          scenarioKey: p.key,
          scenarioTitle: p.title,
          mode: 'certification',
          source: 'renewal',
          reason: 'The certificate is about to expire',
          assignedBy: null,
          dueAt: p.expiresAt,
        });
    } else if (p.mode === 'practice' && rules.refresherAfterDays > 0) {
      if (now.getTime() - Date.parse(p.at) >= rules.refresherAfterDays * DAY && !has(p.userId, p.key, sinceLast))
        add({
          userId: p.userId,
          scenarioKey: p.key,
          scenarioTitle: p.title,
          mode: 'practice',
          source: 'refresher',
          reason: `A short re-practice, ${rules.refresherAfterDays} days after passing`,
          assignedBy: null,
          dueAt: due(rules.refresherDueDays),
        });
    }
  }
  await recordAssignments(db, workspaceId, items, at);
  return items.length;
}

/** Reminders to assignees before the due time, and notice to supervisors once it passed; each once. */
async function remindAndNotice(db: Db, now: Date): Promise<{ reminded: number; overdue: number }> {
  const rulesByWs = new Map<string, number>();
  const hoursOf = async (ws: string) => {
    if (!rulesByWs.has(ws)) rulesByWs.set(ws, (await rulesOf(db, ws)).reminderHours);
    return rulesByWs.get(ws) as number;
  };
  const candidates = await assignmentsToRemind(db, now);
  let reminded = 0;
  for (const a of candidates) {
    if (Date.parse(a.due_at) - now.getTime() > (await hoursOf(a.workspace_id)) * 3600_000) continue;
    await inTransaction(db, async (tx) => {
      await updateAssignment(tx, a.workspace_id, a.id, { reminded_at: now.toISOString() });
      await insertOutboxEvents(tx, [assignmentEvent(a, 'training_due_soon', null, now.toISOString())]);
    });
    reminded += 1;
  }
  const late = await overdueUnnoticed(db, now);
  for (const a of late)
    await inTransaction(db, async (tx) => {
      await updateAssignment(tx, a.workspace_id, a.id, { overdue_notified_at: now.toISOString() });
      await insertOutboxEvents(tx, [assignmentEvent(a, 'training_overdue', null, now.toISOString())]);
    });
  return { reminded, overdue: late.length };
}
