import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Role } from '../domain/permissions.js';
import { createToken, slugify } from '../services/accounts.js';
import { addStatement } from '../services/add-statement.js';
import { assignCase, transitionCase } from '../services/change-case.js';
import type { Actor, ServiceContext } from '../services/context.js';
import { createCase } from '../services/create-case.js';
import { countCases } from '../store/cases.js';
import { insertEmployee } from '../store/people.js';
import type { Tables } from '../store/schema.js';
import { setUserTeams } from '../store/users.js';
import { findWorkspaceBySlug, insertTeam, insertUser, insertWorkspace, listUsers } from '../store/workspaces.js';

/**
 * A second, unrelated business on the same server: its people and cases exist so that anyone can
 * check that nothing of one workspace shows up in the other.
 */
export const SECOND_WORKSPACE_NAME = 'Cedar Lane Books';

const PEOPLE: readonly { name: string; email: string; role: Role; password: string; staff: boolean }[] = [
  { name: 'Nadia Haddad', email: 'nadia.haddad@cedarlane.example', role: 'admin', password: 'cedar-password-1', staff: false },
  { name: 'Felix Brandt', email: 'felix.brandt@cedarlane.example', role: 'supervisor', password: 'cedar-password-2', staff: true },
  { name: 'Maya Lindqvist', email: 'maya.lindqvist@cedarlane.example', role: 'employee', password: 'cedar-password-3', staff: true },
];

const CASES = [
  {
    title: 'Special order arrived a month late',
    summary: 'A customer ordered a signed edition for a birthday; it came after the date and nobody had called.',
    customer: 'I was promised a phone call if anything changed. Nobody called and the birthday has come and gone.',
  },
  {
    title: 'Refund refused for a damaged atlas',
    summary: 'The spine of an atlas split on the first day; the till refused a refund because the receipt was lost.',
    customer: 'It fell apart the day I bought it. Your colleague would not even look at it without a receipt.',
  },
  {
    title: 'Argument over a reserved book sold to someone else',
    summary: 'A reserved copy was sold at the counter while the customer was on the way to collect it.',
    customer: 'I drove forty minutes because you told me it was on hold with my name on it.',
  },
];

export type SecondWorkspace = {
  workspace: { id: string; name: string; slug: string };
  logins: { role: string; name: string; email: string; password: string; token: string }[];
  cases: number;
};

/** Creates the second workspace once (admin, supervisor, employee, one team, three cases); re-runs issue fresh tokens. */
export async function seedSecondWorkspace(db: Kysely<Tables>, now: Date): Promise<SecondWorkspace> {
  const slug = slugify(SECOND_WORKSPACE_NAME);
  let workspace = await findWorkspaceBySlug(db, slug);
  if (!workspace) {
    const hashes = await Promise.all(PEOPLE.map((p) => hash(p.password)));
    workspace = await db.transaction().execute(async (trx) => {
      const ws = await insertWorkspace(trx, { name: SECOND_WORKSPACE_NAME, slug }, now);
      const team = await insertTeam(trx, ws.id, 'Shop floor', now);
      const actors: Actor[] = [];
      for (const [i, p] of PEOPLE.entries()) {
        const user = await insertUser(
          trx,
          { workspaceId: ws.id, email: p.email, name: p.name, role: p.role, passwordHash: hashes[i] ?? null },
          now,
        );
        const teamIds = p.staff ? [team.id] : [];
        await setUserTeams(trx, ws.id, user.id, teamIds);
        const employee = p.staff
          ? await insertEmployee(trx, { workspaceId: ws.id, name: p.name, email: p.email, teamId: team.id, userId: user.id }, now)
          : null;
        actors.push({ userId: user.id, workspaceId: ws.id, role: p.role, teamIds, employeeId: employee?.id ?? null });
      }
      const [, supervisor, employee] = actors as [Actor, Actor, Actor];
      for (const [i, c] of CASES.entries()) {
        const at = (minutes: number): ServiceContext => ({
          db: trx,
          actor: supervisor,
          now: new Date(now.getTime() - (CASES.length - i) * 86_400_000 + minutes * 60_000),
        });
        const created = await createCase(
          { db: trx, actor: employee, now: at(0).now },
          {
            title: c.title,
            summary: c.summary,
            channel: 'in_person',
            teamId: team.id,
            severity: 3,
            customerState: 'frustrated',
            employees: [{ employeeId: employee.employeeId as string, role: 'primary' }],
          },
        );
        await addStatement(at(30), created.ref, { party: 'customer', authorName: 'Customer', body: c.customer });
        if (i > 0) {
          await transitionCase(at(60), created.ref, { to: 'acknowledged' });
          await assignCase(at(61), created.ref, supervisor.userId);
        }
      }
      return ws;
    });
  }
  const users = new Map((await listUsers(db, workspace.id)).map((u) => [u.email, u]));
  const logins: SecondWorkspace['logins'] = [];
  for (const p of PEOPLE) {
    const user = users.get(p.email);
    if (!user) continue;
    const { token } = await createToken(db, { workspaceId: workspace.id, userId: user.id, name: 'demo' }, now);
    logins.push({ role: user.role, name: user.name, email: user.email, password: p.password, token });
  }
  return { workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug }, logins, cases: await countCases(db, workspace.id) };
}
