import { AppError } from '../domain/errors.js';
import { applyTagChange, MAX_TAGS_PER_CASE } from '../domain/tags.js';
import { type CaseView, toCaseView } from '../presenters/case-presenter.js';
import { listTagCounts, writeCaseTags } from '../store/case-tags.js';
import type { CaseRow, Db } from '../store/schema.js';
import { caseScopeOf, listScope, requirePermission } from './authorization.js';
import { commitChange } from './case-change.js';
import { lockCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';

/**
 * Puts tags on and takes tags off a case the caller holds locked, with one `tags_changed` event for
 * the change; a change that changes nothing writes nothing. Bulk actions call this per case.
 */
export async function changeTagsOfRow(
  ctx: ServiceContext,
  db: Db,
  row: CaseRow,
  change: { add?: readonly string[]; remove?: readonly string[] },
): Promise<CaseView> {
  const current = JSON.parse(row.tags) as string[];
  const added = [...new Set(change.add ?? [])].filter((t) => !current.includes(t)).sort();
  const removed = [...new Set(change.remove ?? [])].filter((t) => current.includes(t)).sort();
  if (added.length === 0 && removed.length === 0) return toCaseView(row, ctx.now);
  const tags = applyTagChange(current, added, removed);
  if (tags.length > MAX_TAGS_PER_CASE)
    throw new AppError('validation', `tags: ${row.ref} would carry ${tags.length} tags; a case carries at most ${MAX_TAGS_PER_CASE}`, [
      { path: 'tags', message: `at most ${MAX_TAGS_PER_CASE} tags on a case` },
    ]);
  const at = ctx.now.toISOString();
  await writeCaseTags(db, row, { added, removed }, at);
  return commitChange(ctx, db, row, { tags: JSON.stringify(tags) }, [
    { kind: 'tags_changed', actorId: ctx.actor.userId, at, data: { added, removed } },
  ]);
}

/** Puts tags on a case (those it already carries are left as they are). */
export function tagCase(ctx: ServiceContext, ref: string, tags: readonly string[]): Promise<CaseView> {
  return inTransaction(ctx.db, async (db) => changeTagsOfRow(ctx, db, await lockCase(db, ctx.actor, ref, 'update'), { add: tags }));
}

/** Takes a tag off a case; 404 when the case does not carry it. */
export function untagCase(ctx: ServiceContext, ref: string, tag: string): Promise<CaseView> {
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'update');
    if (!(JSON.parse(row.tags) as string[]).includes(tag)) throw new AppError('not_found', `${ref} does not carry the tag “${tag}”`);
    return changeTagsOfRow(ctx, db, row, { remove: [tag] });
  });
}

/** The tags on the cases the caller may see, with how many of those cases carry each. */
export async function listTags(ctx: ServiceContext): Promise<{ tag: string; count: number }[]> {
  requirePermission(ctx.actor, 'list', 'case');
  return listTagCounts(ctx.db, ctx.actor.workspaceId, caseScopeOf(listScope(ctx.actor, 'case')));
}
