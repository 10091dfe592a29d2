import type { Role } from '../src/domain/permissions.js';
import { createToken, loadActor } from '../src/services/accounts.js';
import type { Actor, ServiceContext } from '../src/services/context.js';
import { createTeam } from '../src/services/directory.js';
import { inviteUser } from '../src/services/users.js';

export type Person = { actor: Actor; token: string; auth: { authorization: string } };

let counter = 0;

/** An account of the given role in the admin's workspace, with its teams, employee record and an API token. */
export async function buildPerson(admin: ServiceContext, role: Role, teamIds: string[], name = `${role} ${++counter}`): Promise<Person> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${++counter}@example.test`;
  const { user } = await inviteUser(admin, { email, name, role, teamIds });
  const actor = await loadActor(admin.db, user.id);
  if (!actor) throw new Error('the new account has no actor');
  const { token } = await createToken(admin.db, { workspaceId: actor.workspaceId, userId: actor.userId, name: 'test' }, new Date());
  return { actor, token, auth: { authorization: `Bearer ${token}` } };
}

/**
 * The cast of the permission tests in one workspace: two teams, and for each role someone inside
 * the team a case belongs to and (for front-line roles) someone outside it.
 */
export async function buildCast(admin: ServiceContext) {
  const teamA = await createTeam(admin, `Team A ${++counter}`);
  const teamB = await createTeam(admin, `Team B ${++counter}`);
  const people = {
    employeeA: await buildPerson(admin, 'employee', [teamA.id], 'Emma Involved'),
    employeeB: await buildPerson(admin, 'employee', [teamB.id], 'Eli Elsewhere'),
    supervisorA: await buildPerson(admin, 'supervisor', [teamA.id], 'Sara Team'),
    supervisorB: await buildPerson(admin, 'supervisor', [teamB.id], 'Sol Other'),
    hr: await buildPerson(admin, 'hr', [], 'Hana People'),
  };
  return { teamA, teamB, ...people };
}
