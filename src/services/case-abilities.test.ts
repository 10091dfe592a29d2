import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import type { Actor } from './context.js';
import { createCase } from './create-case.js';
import { getCase } from './read-cases.js';

describeEachDatabase('what each caller may do with a case (the can block)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('follows the permission table for each role, written out', async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const kase = await createCase(ws.ctx(), {
      ...buildCase(),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
    });
    const can = async (actor: Actor) => (await getCase({ db: database.db, actor, now: new Date() }, kase.ref)).can;
    const all = {
      update: true,
      assign: true,
      transition: true,
      annotate: true,
      reportAbuse: true,
      requestHelp: true,
      takeHelp: false,
      runPlaybook: true,
      setCaseType: true,
      addCustomerStatement: true,
      addOwnStatement: true,
      proposeResolution: true,
      addCommitment: true,
      planFollowUp: true,
      merge: true,
      split: true,
    };
    expect(await can(cast.employeeA.actor)).toEqual({
      ...all,
      assign: false,
      transition: false,
      setCaseType: false,
      addCustomerStatement: false,
      planFollowUp: false,
      merge: false,
    });
    expect(await can(cast.supervisorA.actor)).toEqual(all);
    expect(await can(ws.actor)).toEqual(all);
    expect(await can(cast.hr.actor)).toEqual(Object.fromEntries(Object.keys(all).map((k) => [k, false])));
  });
});
