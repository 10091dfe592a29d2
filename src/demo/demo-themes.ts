import type { Kysely } from 'kysely';
import { mineWorkspaceThemes, type ThemeRunView } from '../services/theme-mining.js';
import type { Tables } from '../store/schema.js';

/**
 * The demo opens with its themes already mined, as the nightly run would have left them, so the
 * Themes page, the case sidebar's phrases and the emerging-theme alerts have something to show.
 */
export async function mineDemoThemes(db: Kysely<Tables>, workspaceId: string, now: Date): Promise<ThemeRunView> {
  return mineWorkspaceThemes(db, workspaceId, 'demo', () => now);
}
