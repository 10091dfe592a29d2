import type { Actor } from '../services/context.js';
import { requestHelp, takeHelpRequest } from '../services/help-requests.js';
import type { Db } from '../store/schema.js';

const MINUTE = 60_000;

/**
 * Two calls for a supervisor's help on cases still being worked: one a supervisor took within
 * minutes, and one that is open now, so Needs attention shows it.
 */
export async function playHelpRequests(db: Db, workspaceId: string, actors: readonly Actor[], now: Date): Promise<void> {
  const rows = await db
    .selectFrom('cases')
    .innerJoin('case_parties', 'case_parties.case_id', 'cases.id')
    .innerJoin('employees', 'employees.id', 'case_parties.employee_id')
    .select(['cases.ref', 'cases.team_id', 'cases.updated_at', 'employees.user_id'])
    .where('cases.workspace_id', '=', workspaceId)
    .where('cases.status', 'in', ['acknowledged', 'investigating', 'resolving'])
    .where('case_parties.role', '=', 'primary')
    .where('employees.user_id', 'is not', null)
    .orderBy('cases.updated_at', 'desc')
    .orderBy('cases.ref')
    .limit(2)
    .execute();
  const byUser = new Map(actors.map((a) => [a.userId, a]));
  const notes = ['The customer wants a manager and is getting louder.', 'He is filming me and says it goes online tonight.'];
  for (const [i, row] of rows.entries()) {
    const employee = row.user_id ? byUser.get(row.user_id) : undefined;
    if (!employee) continue;
    const askedAt = new Date(Math.max(Date.parse(row.updated_at) + MINUTE, now.getTime() - (i === 0 ? 90 : 20) * MINUTE));
    await requestHelp({ db, actor: employee, now: askedAt }, row.ref, notes[i]);
    if (i > 0) continue;
    const supervisor = actors.find((a) => a.role === 'supervisor' && row.team_id !== null && a.teamIds.includes(row.team_id));
    if (supervisor) await takeHelpRequest({ db, actor: supervisor, now: new Date(askedAt.getTime() + 4 * MINUTE) }, row.ref);
  }
}
