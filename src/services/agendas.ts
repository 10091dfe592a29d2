import { AppError, invalid, notFound } from '../domain/errors.js';
import { isoWeekOf, weekStart } from '../domain/iso-week.js';
import { authorize } from '../domain/permissions.js';
import { AGENDA_LOOKBACK_WEEKS, type CaseSignals, rankCases, SELECTION_RULE } from '../insights/agenda-rule.js';
import type { DigestDoc } from '../insights/digest-document.js';
import { caseSignalRows, findDigestRow, insertDigestRow, listDigestRows } from '../store/digests.js';
import type { Db, DigestRow } from '../store/schema.js';
import { supervisorsOf } from '../store/users.js';
import { findTeam, listTeams } from '../store/workspaces.js';
import { forbidden, listScope, requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import {
  approveDigest,
  approvedDocument,
  checkStoryChanges,
  type DigestSelection,
  type DigestView,
  digestSubject,
  digestView,
  draftStories,
  mailDigest,
  parseSelection,
  saveSelection,
  storyOfDocument,
} from './digests.js';

/**
 * The weekly team-meeting agenda (seed 001: one challenging situation per team meeting): the case the
 * stated rule ranks first for each team, told as an anonymised story, which a supervisor may swap
 * for another case before the meeting and must approve before it is mailed to the team's supervisors.
 */

const WEEK = 7 * 86_400_000;
export const REDACTION_NOTE =
  'Names, contact details, order, account and card numbers, addresses, case references and exact dates are removed; each person keeps one label through the story.';

/** A case the agenda could tell instead. */
export type AgendaCandidate = { caseRef: string; title: string; points: number; reasons: string[]; chosen: boolean };
export type AgendaView = DigestView & { candidates: AgendaCandidate[] };

/** The window an agenda chooses from: the four weeks ending with its week. */
export function agendaWindow(week: string): { from: Date; to: Date } {
  const start = weekStart(week);
  if (!start) throw invalid('week', 'must be an ISO week such as 2026-W49');
  const to = new Date(start.getTime() + WEEK);
  return { from: new Date(to.getTime() - AGENDA_LOOKBACK_WEEKS * WEEK), to };
}

/** The team's cases the rule may choose from, best first (those discussed at an earlier meeting left out). */
async function rankedCandidates(db: Db, workspaceId: string, teamId: string, week: string) {
  const { from, to } = agendaWindow(week);
  const rows = await caseSignalRows(db, workspaceId, { teamIds: [teamId], from: from.toISOString(), to: to.toISOString() });
  const earlier = (await listDigestRows(db, workspaceId, { kind: 'team_meeting', teamIds: [teamId] })).filter((d) => d.period < week);
  const discussed = new Set(earlier.flatMap((d) => parseSelection(d).stories.map((s) => s.caseId)));
  const signals: (CaseSignals & { title: string })[] = rows
    .filter((r) => !discussed.has(r.id))
    .map((r) => ({
      id: r.id,
      ref: r.ref,
      title: r.title,
      severity: r.severity,
      customerState: r.customer_state,
      status: r.status,
      reportedAt: r.reported_at,
      amount: r.amount,
      riskFlags: r.riskFlags,
      brokenPromises: r.brokenPromises,
      customerSatisfaction: r.customerSatisfaction,
      employeeSupport: r.employeeSupport,
    }));
  return rankCases(signals).map((s) => ({ ...s, title: (s.signals as CaseSignals & { title: string }).title }));
}

/** Drafts the agenda of one team for one week (the rule's first case), unless it has one already. */
export async function draftAgenda(
  db: Db,
  workspaceId: string,
  teamId: string,
  week: string,
  createdBy: string | null,
  now: Date,
): Promise<DigestRow> {
  const existing = (await listDigestRows(db, workspaceId, { kind: 'team_meeting', period: week, teamIds: [teamId] }))[0];
  if (existing) return existing;
  const best = (await rankedCandidates(db, workspaceId, teamId, week))[0];
  const selection: DigestSelection = {
    stories: best ? [{ caseId: best.signals.id, points: best.points, reasons: best.reasons, redact: [], restore: [] }] : [],
    leftOut: 0,
  };
  return insertDigestRow(
    db,
    {
      workspace_id: workspaceId,
      kind: 'team_meeting',
      team_id: teamId,
      period: week,
      selection: JSON.stringify(selection),
      created_by: createdBy,
    },
    now,
  );
}

/** Prepares (or finds) a team's agenda for a week. */
export async function prepareAgenda(ctx: ServiceContext, input: { teamId: string; week?: string | undefined }): Promise<AgendaView> {
  requirePermission(ctx.actor, 'create', 'agenda');
  const week = input.week ?? isoWeekOf(ctx.now);
  agendaWindow(week);
  const team = await findTeam(ctx.db, ctx.actor.workspaceId, input.teamId);
  if (!team) throw notFound('Team');
  if (!authorize(ctx.actor, 'create', 'agenda', { teamIds: [team.id] })) throw forbidden(ctx.actor, 'create', 'agenda');
  const row = await inTransaction(ctx.db, (db) => draftAgenda(db, ctx.actor.workspaceId, team.id, week, ctx.actor.userId, ctx.now));
  return getAgenda(ctx, row.id);
}

export type AgendaList = {
  week: string;
  previousWeek: string;
  nextWeek: string;
  items: AgendaView[];
  teamsWithout: { id: string; name: string }[];
  nextCursor: null;
};

/** The agendas of a week for the teams the actor may see, and the teams that have none yet. */
export async function listAgendas(
  ctx: ServiceContext,
  query: { week?: string | undefined; teamId?: string | undefined },
): Promise<AgendaList> {
  requirePermission(ctx.actor, 'list', 'agenda');
  const week = query.week ?? isoWeekOf(ctx.now);
  agendaWindow(week);
  const scope = listScope(ctx.actor, 'agenda');
  const teams = (await listTeams(ctx.db, ctx.actor.workspaceId)).filter(
    (t) => (scope.all || scope.teamIds.includes(t.id)) && (!query.teamId || t.id === query.teamId),
  );
  const rows = await listDigestRows(ctx.db, ctx.actor.workspaceId, { kind: 'team_meeting', period: week, teamIds: teams.map((t) => t.id) });
  const items: AgendaView[] = [];
  for (const row of rows) if (!items.some((i) => i.team?.id === row.team_id)) items.push(await agendaView(ctx, row));
  const canCreate = (teamId: string) => authorize(ctx.actor, 'create', 'agenda', { teamIds: [teamId] });
  const start = agendaWindow(week).to.getTime() - WEEK;
  return {
    week,
    previousWeek: isoWeekOf(new Date(start - WEEK)),
    nextWeek: isoWeekOf(new Date(start + WEEK)),
    items: items.sort((a, b) => (a.team?.name ?? '').localeCompare(b.team?.name ?? '')),
    teamsWithout: teams.filter((t) => !rows.some((r) => r.team_id === t.id) && canCreate(t.id)).map((t) => ({ id: t.id, name: t.name })),
    nextCursor: null,
  };
}

async function loadAgenda(ctx: ServiceContext, db: Db, id: string, lock = false): Promise<DigestRow> {
  const row = await findDigestRow(db, ctx.actor.workspaceId, id, lock);
  // An agenda of a team the actor may not see reads as missing.
  if (row?.kind !== 'team_meeting' || !authorize(ctx.actor, 'read', 'agenda', digestSubject(row))) throw notFound('Agenda');
  return row;
}

export async function getAgenda(ctx: ServiceContext, id: string): Promise<AgendaView> {
  requirePermission(ctx.actor, 'read', 'agenda');
  return agendaView(ctx, await loadAgenda(ctx, ctx.db, id));
}

/** The agenda document of a row: the approved one, or the draft as it reads now. */
async function agendaParts(ctx: ServiceContext, row: DigestRow, reviewer: boolean) {
  const team = row.team_id ? await findTeam(ctx.db, row.workspace_id, row.team_id) : undefined;
  const selection = parseSelection(row);
  const stories = await draftStories(ctx, row.workspace_id, selection, reviewer);
  const doc: DigestDoc = {
    kind: 'team_meeting',
    title: `Team meeting: ${team?.name ?? 'a team'}, week ${row.period}`,
    rules: [SELECTION_RULE, REDACTION_NOTE],
    stories: [],
    leftOut: selection.stories.length === 0 ? 'No case of this team in the last four weeks that was not discussed before.' : null,
  };
  return { team, selection, stories, doc };
}

async function agendaView(ctx: ServiceContext, row: DigestRow): Promise<AgendaView> {
  const reviewer = authorize(ctx.actor, 'update', 'agenda', digestSubject(row));
  const approved = approvedDocument(row);
  const { team, selection, stories, doc } = await agendaParts(ctx, row, reviewer);
  const shown = approved ? approved.stories.map(storyOfDocument) : stories.map(({ caseId: _, ...s }) => s);
  const view = await digestView(ctx.db, ctx.actor, row, 'agenda', approved ?? doc, shown, team?.name ?? null);
  const chosen = new Set(selection.stories.map((s) => s.caseId));
  const candidates =
    reviewer && row.team_id && row.sent_at === null
      ? (await rankedCandidates(ctx.db, row.workspace_id, row.team_id, row.period))
          .filter((c) => c.points > 0 || chosen.has(c.signals.id))
          .slice(0, 10)
          .map((c) => ({
            caseRef: c.signals.ref,
            title: c.title,
            points: c.points,
            reasons: c.reasons.filter((r) => r.points > 0).map((r) => `${r.text} (+${r.points})`),
            chosen: chosen.has(c.signals.id),
          }))
      : [];
  return { ...view, candidates };
}

/** A supervisor's change before the meeting: another case, or more (or fewer) redactions. Takes approval away. */
export async function updateAgenda(
  ctx: ServiceContext,
  id: string,
  input: { caseRef?: string | undefined; redact?: string[] | undefined; restore?: string[] | undefined },
): Promise<AgendaView> {
  requirePermission(ctx.actor, 'update', 'agenda');
  await inTransaction(ctx.db, async (db) => {
    const c = { ...ctx, db };
    const row = await loadAgenda(c, db, id, true);
    if (!authorize(ctx.actor, 'update', 'agenda', digestSubject(row))) throw forbidden(ctx.actor, 'update', 'agenda');
    if (row.sent_at !== null) throw new AppError('conflict', 'This agenda was already mailed; it can no longer be changed');
    let selection = parseSelection(row);
    if (input.caseRef !== undefined) {
      const pick = (await rankedCandidates(db, row.workspace_id, row.team_id as string, row.period)).find(
        (x) => x.signals.ref === input.caseRef,
      );
      if (!pick)
        throw invalid('caseRef', `${input.caseRef} is not a case of this team from the agenda's four weeks that was not discussed before`);
      selection = {
        ...selection,
        stories: [{ caseId: pick.signals.id, points: pick.points, reasons: pick.reasons, redact: [], restore: [] }],
      };
    }
    if (input.redact !== undefined || input.restore !== undefined) {
      const first = selection.stories[0];
      if (!first) throw invalid('redact', 'this agenda has no story to redact');
      const { stories } = await agendaParts(c, { ...row, selection: JSON.stringify(selection) }, true);
      checkStoryChanges(stories[0], input);
      selection = {
        ...selection,
        stories: [{ ...first, redact: input.redact ?? first.redact, restore: input.restore ?? first.restore }],
      };
    }
    await saveSelection(db, row, selection, ctx.now);
  });
  return getAgenda(ctx, id);
}

/** A supervisor approves the agenda as it reads now; from then on it may be mailed. */
export async function approveAgenda(ctx: ServiceContext, id: string): Promise<AgendaView> {
  requirePermission(ctx.actor, 'approve', 'agenda');
  await inTransaction(ctx.db, async (db) => {
    const c = { ...ctx, db };
    const row = await loadAgenda(c, db, id, true);
    if (!authorize(ctx.actor, 'approve', 'agenda', digestSubject(row))) throw forbidden(ctx.actor, 'approve', 'agenda');
    const { stories, doc } = await agendaParts(c, row, false);
    await approveDigest(db, ctx.actor, row, doc, stories, ctx.now);
  });
  return getAgenda(ctx, id);
}

/** Mails an approved agenda to the team's supervisors now (the weekly job does it for every approved one). */
export async function sendAgenda(ctx: ServiceContext, id: string): Promise<AgendaView> {
  requirePermission(ctx.actor, 'approve', 'agenda');
  await inTransaction(ctx.db, async (db) => {
    const row = await loadAgenda({ ...ctx, db }, db, id, true);
    if (!authorize(ctx.actor, 'approve', 'agenda', digestSubject(row))) throw forbidden(ctx.actor, 'approve', 'agenda');
    await mailAgenda(db, row, ctx.now);
  });
  return getAgenda(ctx, id);
}

async function mailAgenda(db: Db, row: DigestRow, now: Date): Promise<void> {
  const to = (await supervisorsOf(db, row.workspace_id, row.team_id)).map((u) => u.email);
  await mailDigest(db, row, to, 'team-meeting-agenda', now);
}

/**
 * The weekly pass: each team of each workspace gets this week's agenda drafted, and every approved
 * agenda not yet mailed goes to its team's supervisors. A draft is never mailed.
 */
export async function runWeeklyAgendas(db: Db, now: Date): Promise<{ drafted: number; mailed: number }> {
  const week = isoWeekOf(now);
  let drafted = 0;
  let mailed = 0;
  const teams = await db.selectFrom('teams').select(['id', 'workspace_id']).execute();
  for (const team of teams) {
    await inTransaction(db, async (trx) => {
      const before = (await listDigestRows(trx, team.workspace_id, { kind: 'team_meeting', period: week, teamIds: [team.id] })).length;
      if (before === 0) {
        await draftAgenda(trx, team.workspace_id, team.id, week, null, now);
        drafted++;
      }
    });
  }
  const due = await db
    .selectFrom('digests')
    .select(['id', 'workspace_id'])
    .where('kind', '=', 'team_meeting')
    .where('status', '=', 'approved')
    .where('sent_at', 'is', null)
    .execute();
  for (const d of due) {
    await inTransaction(db, async (trx) => {
      const row = await findDigestRow(trx, d.workspace_id, d.id, true);
      if (!row || row.sent_at !== null || row.status !== 'approved') return;
      await mailAgenda(trx, row, now);
      mailed++;
    });
  }
  return { drafted, mailed };
}
