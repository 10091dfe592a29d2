import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import type { AppError } from '../domain/errors.js';
import { updateCase } from './change-case.js';
import { createCase } from './create-case.js';
import { createTeam, listTeamsOf, updateTeam } from './directory.js';
import { getCase } from './read-cases.js';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => e.code,
  );

describeEachDatabase('renaming and archiving teams', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('renames a team; a name another team has is refused', async () => {
    const ws = await buildWorkspace(database.db);
    const north = await createTeam(ws.ctx(), 'North');
    await createTeam(ws.ctx(), 'South');
    expect((await updateTeam(ws.ctx(), north.id, { name: 'North Mall' })).name).toBe('North Mall');
    expect(await codeOf(updateTeam(ws.ctx(), north.id, { name: 'south' }))).toBe('conflict');
    expect((await listTeamsOf(ws.ctx())).map((t) => t.name)).toEqual(['North Mall', 'South']);
  });

  it('an archived team keeps its cases but takes no new ones until it is brought back', async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const old = await createCase(ws.ctx(), { ...buildCase(), teamId: cast.teamA.id });
    const archived = await updateTeam(ws.ctx(), cast.teamA.id, { archived: true });
    expect(archived.archivedAt).not.toBeNull();

    // Its case and its supervisor's view of it stay as they were, and it can still be edited.
    expect((await getCase({ ...ws.ctx(), actor: cast.supervisorA.actor }, old.ref)).teamId).toBe(cast.teamA.id);
    expect((await updateCase(ws.ctx(), old.ref, { title: 'Still worked on', teamId: cast.teamA.id })).title).toBe('Still worked on');

    expect(await codeOf(createCase(ws.ctx(), { ...buildCase(), teamId: cast.teamA.id }))).toBe('validation');
    const other = await createCase(ws.ctx(), { ...buildCase(), teamId: cast.teamB.id });
    expect(await codeOf(updateCase(ws.ctx(), other.ref, { teamId: cast.teamA.id }))).toBe('validation');

    expect((await updateTeam(ws.ctx(), cast.teamA.id, { archived: false })).archivedAt).toBeNull();
    expect((await createCase(ws.ctx(), { ...buildCase(), teamId: cast.teamA.id })).teamId).toBe(cast.teamA.id);
  });

  it('only an admin renames or archives, and only teams of their workspace', async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const other = await buildWorkspace(database.db);
    expect(await codeOf(updateTeam({ ...ws.ctx(), actor: cast.supervisorA.actor }, cast.teamA.id, { archived: true }))).toBe('forbidden');
    expect(await codeOf(updateTeam(other.ctx(), cast.teamA.id, { name: 'Taken over' }))).toBe('not_found');
    expect((await listTeamsOf(ws.ctx())).find((t) => t.id === cast.teamA.id)?.archivedAt).toBeNull();
  });
});
