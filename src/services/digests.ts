import { AppError, invalid } from '../domain/errors.js';
import { authorize, type Resource, type Subject } from '../domain/permissions.js';
import type { Reason } from '../insights/agenda-rule.js';
import type { DigestDoc } from '../insights/digest-document.js';
import { digestHtml, digestMarkdown } from '../insights/render-digest.js';
import { updateDigestRow } from '../store/digests.js';
import { queueEmail } from '../store/outbox.js';
import type { Db, DigestRow } from '../store/schema.js';
import { casesInScope } from '../store/theme-documents.js';
import { listUsers } from '../store/workspaces.js';
import { caseScopeOf, listScope } from './authorization.js';
import type { Actor, ServiceContext } from './context.js';
import { buildStory, publishedStory, type StoryView, storyContext } from './digest-stories.js';

/**
 * What agendas and newsletters share: the stories a draft holds, the view a reader gets, and the
 * approval gate — a digest is shown to readers and mailed only as the document a reviewer approved.
 */

/** One story of a draft: its case, why it ranked where it did, and the reviewer's redaction changes. */
export type SelectedStory = { caseId: string; points: number; reasons: Reason[]; redact: string[]; restore: string[] };
export type DigestSelection = { stories: SelectedStory[]; leftOut: number };

export type DigestView = {
  id: string;
  kind: DigestRow['kind'];
  team: { id: string; name: string } | null;
  period: string;
  status: DigestRow['status'];
  title: string;
  rules: string[];
  stories: Omit<StoryView, 'caseId'>[];
  leftOut: string | null;
  createdAt: string;
  updatedAt: string;
  approvedAt: string | null;
  approvedBy: { id: string; name: string } | null;
  sentAt: string | null;
  sentTo: string[];
  can: { update: boolean; approve: boolean; send: boolean };
};

export const parseSelection = (row: DigestRow): DigestSelection => JSON.parse(row.selection) as DigestSelection;

/** The subject the permission table decides on: the digest's team (agendas), none (newsletters). */
export const digestSubject = (row: DigestRow): Subject => ({ teamIds: [row.team_id] });

/**
 * The stories of a draft as the actor may see them: a reviewer who may open a story's case also sees
 * what each redaction replaced; nobody else does.
 */
export async function draftStories(
  ctx: ServiceContext,
  workspaceId: string,
  selection: DigestSelection,
  reviewer: boolean,
): Promise<StoryView[]> {
  const sc = await storyContext(ctx.db, workspaceId);
  const ids = selection.stories.map((s) => s.caseId);
  const readable = reviewer ? await casesInScope(ctx.db, workspaceId, caseScopeOf(listScope(ctx.actor, 'case')), ids) : new Set<string>();
  const out: StoryView[] = [];
  for (const s of selection.stories) {
    const story = await buildStory(sc, s.caseId, s, s, { reviewer: readable.has(s.caseId), linkBase: ctx.publicUrl ?? '' });
    if (story) out.push(story);
  }
  return out;
}

/** Assembles the view of a digest; `doc` is the draft's document, or the approved one when there is one. */
export async function digestView(
  db: Db,
  actor: Actor,
  row: DigestRow,
  resource: Resource,
  doc: DigestDoc,
  stories: Omit<StoryView, 'caseId'>[],
  teamName: string | null,
): Promise<DigestView> {
  const users = await listUsers(db, row.workspace_id);
  const approver = row.approved_by ? users.find((u) => u.id === row.approved_by) : undefined;
  const subject = digestSubject(row);
  const canUpdate = authorize(actor, 'update', resource, subject);
  const canApprove = authorize(actor, 'approve', resource, subject);
  return {
    id: row.id,
    kind: row.kind,
    team: row.team_id ? { id: row.team_id, name: teamName ?? 'Former team' } : null,
    period: row.period,
    status: row.status,
    title: doc.title,
    rules: doc.rules,
    stories,
    leftOut: doc.leftOut,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    approvedAt: row.approved_at,
    approvedBy: approver ? { id: approver.id, name: approver.name } : null,
    sentAt: row.sent_at,
    sentTo: canApprove && row.sent_to ? (JSON.parse(row.sent_to) as string[]) : [],
    can: {
      update: canUpdate && row.sent_at === null,
      approve: canApprove && row.status === 'draft',
      send: canApprove && row.status === 'approved' && row.sent_at === null,
    },
  };
}

/** The approved document of a digest, or the draft's as published (no originals, no case references). */
export function approvedDocument(row: DigestRow): DigestDoc | null {
  return row.approved_document ? (JSON.parse(row.approved_document) as DigestDoc) : null;
}

/** A story of an approved document, as a view: nothing a reviewer could change it with. */
export const storyOfDocument = (s: DigestDoc['stories'][number]): Omit<StoryView, 'caseId'> => ({
  ...s,
  caseRef: null,
  redact: [],
  restore: [],
  restorable: [],
});

/** Freezes what the reviewer sees now as the digest's approved document. */
export async function approveDigest(db: Db, actor: Actor, row: DigestRow, doc: DigestDoc, stories: StoryView[], now: Date): Promise<void> {
  if (row.status === 'approved') throw new AppError('conflict', 'This digest is already approved');
  const published: DigestDoc = { ...doc, stories: stories.map(publishedStory) };
  await updateDigestRow(
    db,
    row.workspace_id,
    row.id,
    { status: 'approved', approved_document: JSON.stringify(published), approved_by: actor.userId, approved_at: now.toISOString() },
    now,
  );
}

/** Any change to a draft's stories takes its approval away: what goes out must be what was approved. */
export async function saveSelection(db: Db, row: DigestRow, selection: DigestSelection, now: Date): Promise<void> {
  if (row.sent_at !== null) throw new AppError('conflict', 'This digest was already mailed; it can no longer be changed');
  await updateDigestRow(
    db,
    row.workspace_id,
    row.id,
    { selection: JSON.stringify(selection), status: 'draft', approved_document: null, approved_by: null, approved_at: null },
    now,
  );
}

/**
 * Mails the approved document to each address, through the outbox (in the caller's transaction).
 * An unapproved digest is refused and nothing is queued.
 */
export async function mailDigest(db: Db, row: DigestRow, to: readonly string[], kind: string, now: Date): Promise<void> {
  const doc = approvedDocument(row);
  if (row.status !== 'approved' || !doc)
    throw new AppError('conflict', 'This digest is not approved: a reviewer must approve it before it can be mailed');
  if (row.sent_at !== null) throw new AppError('conflict', `This digest was already mailed on ${row.sent_at.slice(0, 10)}`);
  const addresses = [...new Set(to.map((a) => a.trim().toLowerCase()))];
  if (addresses.length === 0) throw invalid('to', 'name at least one address');
  const text = digestMarkdown(doc);
  const html = digestHtml(doc);
  for (const address of addresses)
    await queueEmail(db, { workspaceId: row.workspace_id, kind, to: address, subject: doc.title, text, html }, now);
  await updateDigestRow(db, row.workspace_id, row.id, { sent_at: now.toISOString(), sent_to: JSON.stringify(addresses) }, now);
}

/** Checks a reviewer's changes to one story: restores only of detections that may be restored. */
export function checkStoryChanges(
  story: StoryView | undefined,
  input: { redact?: string[] | undefined; restore?: string[] | undefined },
): void {
  if (!story) return;
  for (const term of input.restore ?? []) {
    const allowed = [...story.restorable, ...story.restore].some((r) => r.toLowerCase() === term.toLowerCase());
    if (!allowed)
      throw invalid(
        'restore',
        `"${term}" cannot be restored: only a detected name, date, order or account number or address that is not a known person's name`,
      );
  }
  for (const term of input.redact ?? []) if (term.trim().length < 2) throw invalid('redact', 'each term needs at least two characters');
}
