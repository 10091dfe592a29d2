import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Tables } from './schema.js';

/** The inbox's filter by tag: cases carrying any of these tags. */
export type TagFilter = { tags?: readonly string[] | undefined };

/** The condition the tag filter puts on a case, or none when no tag is asked for. */
export function tagConditions(eb: ExpressionBuilder<Tables, 'cases'>, workspaceId: string, filter: TagFilter): Expression<SqlBool>[] {
  if (!filter.tags?.length) return [];
  return [
    eb(
      'cases.id',
      'in',
      eb
        .selectFrom('case_tags')
        .select('case_tags.case_id')
        .where('case_tags.workspace_id', '=', workspaceId)
        .where('case_tags.tag', 'in', filter.tags),
    ),
  ];
}
