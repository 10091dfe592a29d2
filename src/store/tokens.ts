import { newId } from './ids.js';
import { prepared } from './prepared.js';
import type { ApiTokenRow, Db } from './schema.js';
import { foldUserFacts, type UserFacts } from './users.js';

export async function insertToken(
  db: Db,
  input: { workspaceId: string; userId: string; name: string; tokenHash: string },
  now: Date,
): Promise<ApiTokenRow> {
  const row: ApiTokenRow = {
    id: newId(),
    workspace_id: input.workspaceId,
    user_id: input.userId,
    name: input.name,
    token_hash: input.tokenHash,
    created_at: now.toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return row;
}

export type TokenOwner = UserFacts & { tokenId: string; lastUsedAt: string | null };

/**
 * The live (not revoked) token with this hash and everything about the active user it acts for,
 * in one round trip: this runs on every API request made with a token.
 */
export async function findTokenOwner(db: Db, tokenHash: string): Promise<TokenOwner | undefined> {
  const { rows } = await tokenOwnerRows(db, { tokenHash });
  const facts = foldUserFacts(rows.map(({ token_id: _id, token_last_used_at: _used, ...r }) => r));
  const first = rows[0];
  return facts && first ? { ...facts, tokenId: first.token_id, lastUsedAt: first.token_last_used_at } : undefined;
}

const tokenOwnerRows = prepared((db: Db, v: { tokenHash: string }) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .leftJoin('user_teams', 'user_teams.user_id', 'users.id')
    .leftJoin('employees', (join) =>
      join.onRef('employees.user_id', '=', 'users.id').onRef('employees.workspace_id', '=', 'users.workspace_id'),
    )
    .selectAll('users')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.last_used_at as token_last_used_at',
      'user_teams.team_id as member_of',
      'employees.id as employee_id',
    ])
    .where('api_tokens.token_hash', '=', v.tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.deactivated_at', 'is', null)
    .orderBy('user_teams.team_id'),
);

export async function touchToken(db: Db, tokenId: string, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', tokenId).execute();
}

export function listUserTokens(db: Db, workspaceId: string, userId: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function findToken(db: Db, workspaceId: string, id: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function revokeTokenRow(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
