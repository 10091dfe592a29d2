import { AppError, invalid, notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { rankCases } from '../insights/agenda-rule.js';
import type { DigestDoc } from '../insights/digest-document.js';
import { caseSignalRows, findDigestRow, insertDigestRow, listDigestRows, teamSizes } from '../store/digests.js';
import type { Db, DigestRow } from '../store/schema.js';
import { REDACTION_NOTE } from './agendas.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import {
  approveDigest,
  approvedDocument,
  checkStoryChanges,
  type DigestSelection,
  type DigestView,
  digestView,
  draftStories,
  mailDigest,
  parseSelection,
  saveSelection,
  storyOfDocument,
} from './digests.js';

/**
 * The newsletter (seed 001: stories generalised to protect those involved, with suggestions and
 * resources): a few finished cases told as anonymised stories with their lesson. A reviewer sees
 * every redaction, may redact more or restore a false positive, and must approve before it is
 * shown to employees or mailed.
 */

/** A story is left out when its team has fewer people than this in the staff directory: colleagues would know who it is. */
export const MIN_GROUP_SIZE = 4;
/** How many stories a newsletter tells. */
export const NEWSLETTER_STORIES = 3;
const DEFAULT_DAYS = 30;
const FINISHED = new Set(['resolved', 'following_up', 'closed']);

export const NEWSLETTER_RULES = [
  `The ${NEWSLETTER_STORIES} finished cases reported since the start date with the most points by the agenda's rule (severity, cost, broken promises, unhappy follow-ups, going well despite an angry customer, risk to reputation).`,
  `A story is left out when its team has fewer than ${MIN_GROUP_SIZE} people, or no team: in so small a group, colleagues would know who it is.`,
  REDACTION_NOTE,
];

const startOfDay = (d: Date) => d.toISOString().slice(0, 10);

/** Picks the stories of a newsletter from the cases finished since `since`. */
async function pickStories(db: Db, workspaceId: string, since: string, now: Date): Promise<DigestSelection> {
  const rows = await caseSignalRows(db, workspaceId, { from: `${since}T00:00:00.000Z`, to: new Date(now.getTime() + 1).toISOString() });
  const sizes = await teamSizes(db, workspaceId);
  const finished = rows.filter((r) => FINISHED.has(r.status));
  const bigEnough = finished.filter((r) => r.team_id !== null && (sizes.get(r.team_id) ?? 0) >= MIN_GROUP_SIZE);
  const ranked = rankCases(
    bigEnough.map((r) => ({
      id: r.id,
      ref: r.ref,
      severity: r.severity,
      customerState: r.customer_state,
      status: r.status,
      reportedAt: r.reported_at,
      amount: r.amount,
      riskFlags: r.riskFlags,
      brokenPromises: r.brokenPromises,
      customerSatisfaction: r.customerSatisfaction,
      employeeSupport: r.employeeSupport,
    })),
  );
  // The ranking would also have taken some of the cases left out: say how many.
  const allRanked = rankCases(finished.map((r) => ({ ...r, customerState: r.customer_state, reportedAt: r.reported_at })));
  const top = new Set(allRanked.slice(0, NEWSLETTER_STORIES).map((s) => s.signals.id));
  const leftOut = finished.filter((r) => top.has(r.id) && !bigEnough.includes(r)).length;
  return {
    stories: ranked
      .slice(0, NEWSLETTER_STORIES)
      .map((s) => ({ caseId: s.signals.id, points: s.points, reasons: s.reasons, redact: [], restore: [] })),
    leftOut,
  };
}

/** Drafts a newsletter from the cases finished since a date (30 days back by default). */
export async function createNewsletter(ctx: ServiceContext, input: { since?: string | undefined }): Promise<DigestView> {
  requirePermission(ctx.actor, 'create', 'newsletter');
  const since = input.since ? input.since.slice(0, 10) : startOfDay(new Date(ctx.now.getTime() - DEFAULT_DAYS * 86_400_000));
  if (since > startOfDay(ctx.now)) throw invalid('since', 'must not be in the future');
  const row = await inTransaction(ctx.db, async (db) => {
    const selection = await pickStories(db, ctx.actor.workspaceId, since, ctx.now);
    return insertDigestRow(
      db,
      {
        workspace_id: ctx.actor.workspaceId,
        kind: 'newsletter',
        team_id: null,
        period: since,
        selection: JSON.stringify(selection),
        created_by: ctx.actor.userId,
      },
      ctx.now,
    );
  });
  return getNewsletter(ctx, row.id);
}

const isReviewer = (ctx: ServiceContext) => authorize(ctx.actor, 'update', 'newsletter');

/** Newsletters newest first: reviewers see drafts too, everyone else only approved ones. */
export async function listNewsletters(ctx: ServiceContext): Promise<{ items: DigestView[]; minGroupSize: number; nextCursor: null }> {
  requirePermission(ctx.actor, 'list', 'newsletter');
  const rows = await listDigestRows(ctx.db, ctx.actor.workspaceId, {
    kind: 'newsletter',
    ...(isReviewer(ctx) ? {} : { status: 'approved' as const }),
  });
  const items: DigestView[] = [];
  for (const row of rows.slice(0, 50)) items.push(await newsletterView(ctx, row));
  return { items, minGroupSize: MIN_GROUP_SIZE, nextCursor: null };
}

async function loadNewsletter(ctx: ServiceContext, db: Db, id: string, lock = false): Promise<DigestRow> {
  const row = await findDigestRow(db, ctx.actor.workspaceId, id, lock);
  // A draft is the reviewers' business: to anyone else it does not exist yet.
  if (row?.kind !== 'newsletter' || (row.status !== 'approved' && !isReviewer(ctx))) throw notFound('Newsletter');
  return row;
}

export async function getNewsletter(ctx: ServiceContext, id: string): Promise<DigestView> {
  requirePermission(ctx.actor, 'read', 'newsletter');
  return newsletterView(ctx, await loadNewsletter(ctx, ctx.db, id));
}

async function newsletterParts(ctx: ServiceContext, row: DigestRow, reviewer: boolean) {
  const selection = parseSelection(row);
  const stories = await draftStories(ctx, row.workspace_id, selection, reviewer);
  const doc: DigestDoc = {
    kind: 'newsletter',
    title: `What we learned from conflicts since ${row.period}`,
    rules: NEWSLETTER_RULES,
    stories: [],
    leftOut:
      selection.leftOut > 0
        ? `${selection.leftOut === 1 ? 'One story was' : `${selection.leftOut} stories were`} left out: the team it comes from has fewer than ${MIN_GROUP_SIZE} people.`
        : null,
  };
  return { selection, stories, doc };
}

async function newsletterView(ctx: ServiceContext, row: DigestRow): Promise<DigestView> {
  const approved = approvedDocument(row);
  if (approved) return digestView(ctx.db, ctx.actor, row, 'newsletter', approved, approved.stories.map(storyOfDocument), null);
  const { stories, doc } = await newsletterParts(ctx, row, isReviewer(ctx));
  return digestView(
    ctx.db,
    ctx.actor,
    row,
    'newsletter',
    doc,
    stories.map(({ caseId: _, ...s }) => s),
    null,
  );
}

/** A reviewer's change to one story: its redactions, or leaving it out. Takes approval away. */
export async function updateNewsletter(
  ctx: ServiceContext,
  id: string,
  input: { story: number; redact?: string[] | undefined; restore?: string[] | undefined; remove?: boolean | undefined },
): Promise<DigestView> {
  requirePermission(ctx.actor, 'update', 'newsletter');
  await inTransaction(ctx.db, async (db) => {
    const c = { ...ctx, db };
    const row = await loadNewsletter(c, db, id, true);
    if (row.sent_at !== null) throw new AppError('conflict', 'This newsletter was already mailed; it can no longer be changed');
    const selection = parseSelection(row);
    const target = selection.stories[input.story];
    if (!target) throw invalid('story', `this newsletter has ${selection.stories.length} stories, numbered from 0`);
    if (input.remove) {
      await saveSelection(db, row, { ...selection, stories: selection.stories.filter((_, i) => i !== input.story) }, ctx.now);
      return;
    }
    const { stories } = await newsletterParts(c, row, true);
    checkStoryChanges(stories[input.story], input);
    const next = { ...target, redact: input.redact ?? target.redact, restore: input.restore ?? target.restore };
    await saveSelection(db, row, { ...selection, stories: selection.stories.map((s, i) => (i === input.story ? next : s)) }, ctx.now);
  });
  return getNewsletter(ctx, id);
}

/** A reviewer approves the newsletter as it reads now: employees see it, and it may be mailed. */
export async function approveNewsletter(ctx: ServiceContext, id: string): Promise<DigestView> {
  requirePermission(ctx.actor, 'approve', 'newsletter');
  await inTransaction(ctx.db, async (db) => {
    const c = { ...ctx, db };
    const row = await loadNewsletter(c, db, id, true);
    const { stories, doc } = await newsletterParts(c, row, false);
    await approveDigest(db, ctx.actor, row, doc, stories, ctx.now);
  });
  return getNewsletter(ctx, id);
}

/** Mails an approved newsletter to a list of addresses; an unapproved one is refused and nothing is queued. */
export async function sendNewsletter(ctx: ServiceContext, id: string, input: { to: string[] }): Promise<DigestView> {
  requirePermission(ctx.actor, 'approve', 'newsletter');
  await inTransaction(ctx.db, async (db) => {
    const row = await loadNewsletter({ ...ctx, db }, db, id, true);
    await mailDigest(db, row, input.to, 'newsletter', ctx.now);
  });
  return getNewsletter(ctx, id);
}
