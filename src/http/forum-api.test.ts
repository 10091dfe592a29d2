import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCast, type Person } from '../../test/people.js';
import { processEvents } from '../../test/process-events.js';
import { editPost } from '../services/forum-posts.js';

type Json = Record<string, unknown> & { items?: Record<string, unknown>[] };

describeEachDatabase('forum API', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  const as = (p: Person | { auth: Record<string, string> }) => ({
    get: async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: p.auth });
      return { status: res.statusCode, body: res.json() as Json, raw: res.body };
    },
    send: async (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
      const res = await t.app.inject({ method, url, headers: p.auth, ...(payload ? { payload } : {}) });
      return { status: res.statusCode, body: res.json() as Json, raw: res.body };
    },
  });

  beforeAll(async () => {
    t = await buildTestApp(kind);
    cast = await buildCast(t.workspace.ctx());
  }, 60_000);
  afterAll(async () => t.close());

  it('never sends the name of a post shown "as a colleague" to another employee, and says it to those who may see it', async () => {
    const created = await as(cast.employeeA).send('POST', '/api/v1/forum/threads', {
      title: 'Refunds without a receipt',
      body: 'Customers shout at us because the till refuses refunds without a receipt.',
      asColleague: true,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.author).toMatchObject({ name: 'Emma Involved', asColleague: true, isYou: true });

    for (const path of [`/api/v1/forum/threads/${id}`, `/api/v1/forum/threads/${id}/posts`, '/api/v1/forum/threads?sort=newest']) {
      const seen = await as(cast.employeeB).get(path);
      expect(seen.status).toBe(200);
      expect(seen.raw).not.toContain('Emma');
      expect(seen.raw).not.toContain(cast.employeeA.actor.userId);
      for (const who of [cast.supervisorB, cast.hr]) expect((await as(who).get(path)).raw).toContain('Emma Involved');
    }
    const similar = await as(cast.employeeB).get(`/api/v1/forum/threads/similar?title=${encodeURIComponent('No receipt, no refund')}`);
    expect(similar.body.items?.[0]).toMatchObject({ thread: { id, author: { id: null, name: null, asColleague: true } } });
    expect(similar.raw).not.toContain('Emma');
  });

  it('counts one vote per person, lets it be withdrawn, and tells voters when a supervisor reviews the thread', async () => {
    const { body: thread } = await as(cast.employeeB).send('POST', '/api/v1/forum/threads', {
      title: 'Gift cards cannot be split',
      body: 'A customer wanted to pay half with a gift card and the system would not let us.',
    });
    const id = thread.id as string;
    const vote = `/api/v1/forum/threads/${id}/vote`;
    expect((await as(cast.employeeA).send('PUT', vote)).body).toEqual({ votes: 1, voted: true });
    expect((await as(cast.employeeA).send('PUT', vote)).body).toEqual({ votes: 1, voted: true });
    expect((await as(cast.hr).send('PUT', vote)).body).toEqual({ votes: 2, voted: true });
    expect((await as(cast.hr).send('DELETE', vote)).body).toEqual({ votes: 1, voted: false });

    const review = `/api/v1/forum/threads/${id}/review`;
    expect((await as(cast.employeeA).send('PUT', review, { answer: 'Fine.' })).status).toBe(403);
    const reviewed = await as(cast.supervisorA).send('PUT', review, { answer: 'Split payments come with the next till update in May.' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({
      status: 'reviewed',
      review: { answer: 'Split payments come with the next till update in May.', byName: 'Sara Team' },
    });

    await processEvents(t.database.db);
    for (const p of [cast.employeeA, cast.employeeB]) {
      const mine = await as(p).get('/api/v1/notifications');
      expect(mine.body.items).toContainEqual(
        expect.objectContaining({
          kind: 'forum_reviewed',
          link: `/forum/${id}`,
          caseRef: null,
          body: 'Split payments come with the next till update in May.',
        }),
      );
    }
    // HR withdrew their vote, and the reviewer is not told of their own review.
    for (const p of [cast.hr, cast.supervisorA])
      expect((await as(p).get('/api/v1/notifications')).body.items?.some((n) => n.kind === 'forum_reviewed')).toBe(false);
  });

  it('keeps the old text of an edited post, and refuses edits after 15 minutes or by someone else', async () => {
    const { body: thread } = await as(cast.employeeA).send('POST', '/api/v1/forum/threads', {
      title: 'Opening hours on the website',
      body: 'Wrong hours.',
    });
    const posts = await as(cast.employeeA).get(`/api/v1/forum/threads/${thread.id}/posts`);
    const post = posts.body.items?.[0] as { id: string; editableUntil: string | null };
    expect(post.editableUntil).not.toBeNull();
    expect((await as(cast.employeeB).send('PATCH', `/api/v1/forum/posts/${post.id}`, { body: 'Mine now' })).status).toBe(403);
    const edited = await as(cast.employeeA).send('PATCH', `/api/v1/forum/posts/${post.id}`, {
      body: 'The website shows the winter hours all year.',
    });
    expect(edited.body).toMatchObject({ body: 'The website shows the winter hours all year.', revisions: [{ body: 'Wrong hours.' }] });
    expect(edited.body.editedAt).toEqual(expect.any(String));
    const later = { ...t.workspace.ctx(), actor: cast.employeeA.actor, now: new Date(Date.now() + 16 * 60_000) };
    await expect(editPost(later, post.id, 'Too late')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('searches with the case search grammar and sorts by votes, newest or unreviewed first', async () => {
    const search = await as(cast.employeeB).get(`/api/v1/forum/threads?q=${encodeURIComponent('receipts')}`);
    expect(search.body.items?.map((i) => i.title)).toEqual(['Refunds without a receipt']);
    expect((await as(cast.employeeB).get('/api/v1/forum/threads?q=the')).body.items).toEqual([]);
    const byVotes = (await as(cast.employeeB).get('/api/v1/forum/threads?sort=votes')).body.items ?? [];
    expect(byVotes[0]?.title).toBe('Gift cards cannot be split');
    const unreviewed = (await as(cast.employeeB).get('/api/v1/forum/threads?sort=unreviewed')).body.items ?? [];
    expect(unreviewed.at(-1)?.status).toBe('reviewed');
    const first = await as(cast.employeeB).get('/api/v1/forum/threads?sort=newest&limit=2');
    expect(first.body.items).toHaveLength(2);
    const next = await as(cast.employeeB).get(`/api/v1/forum/threads?sort=newest&limit=2&cursor=${first.body.nextCursor}`);
    expect(next.body.items?.map((i) => i.id)).not.toContain(first.body.items?.[0]?.id);
    expect((await as(cast.employeeB).get('/api/v1/forum/threads?cursor=bogus')).status).toBe(400);
  });

  it('merges a duplicate with its votes carried over and no one counted twice', async () => {
    const open = async (p: Person, title: string) =>
      (await as(p).send('POST', '/api/v1/forum/threads', { title, body: 'The car park gate closes before the shop does.' })).body
        .id as string;
    const keep = await open(cast.employeeA, 'Car park closes too early');
    const dup = await open(cast.employeeB, 'Car park gate shuts before closing');
    await as(cast.employeeA).send('PUT', `/api/v1/forum/threads/${keep}/vote`);
    await as(cast.employeeA).send('PUT', `/api/v1/forum/threads/${dup}/vote`);
    await as(cast.hr).send('PUT', `/api/v1/forum/threads/${dup}/vote`);
    expect((await as(cast.employeeA).send('POST', `/api/v1/forum/threads/${dup}/merge`, { intoId: keep })).status).toBe(403);
    const merged = await as(cast.supervisorB).send('POST', `/api/v1/forum/threads/${dup}/merge`, { intoId: keep });
    expect(merged.body).toMatchObject({ id: keep, votes: 2, merged: [{ id: dup, title: 'Car park gate shuts before closing' }] });
    const old = await as(cast.employeeB).get(`/api/v1/forum/threads/${dup}`);
    expect(old.body).toMatchObject({ status: 'merged', mergedInto: { id: keep }, can: { vote: false, reply: false } });
    expect((await as(cast.employeeB).send('PUT', `/api/v1/forum/threads/${dup}/vote`)).status).toBe(409);
    const list = (await as(cast.employeeB).get('/api/v1/forum/threads?sort=newest&limit=100')).body.items ?? [];
    expect(list.map((i) => i.id)).not.toContain(dup);
  });

  it('lets anyone report a post and moderators hide it, keeping its text for them only', async () => {
    const { body: thread } = await as(cast.employeeA).send('POST', '/api/v1/forum/threads', {
      title: 'Staff discounts',
      body: 'First post.',
    });
    const reply = await as(cast.employeeB).send('POST', `/api/v1/forum/threads/${thread.id}/posts`, {
      body: 'Something unkind about a colleague.',
    });
    expect(reply.status).toBe(201);
    const postId = reply.body.id as string;
    expect(
      (await as(cast.employeeA).send('POST', `/api/v1/forum/posts/${postId}/reports`, { reason: 'Personal attack' })).body,
    ).toMatchObject({
      reportedByYou: true,
      reports: null,
    });
    const flagged = await as(cast.supervisorA).get('/api/v1/forum/threads?reported=true');
    expect(flagged.body.items?.map((i) => i.id)).toEqual([thread.id]);
    expect((await as(cast.employeeA).get('/api/v1/forum/threads?reported=true')).status).toBe(403);
    expect((await as(cast.hr).send('POST', `/api/v1/forum/posts/${postId}/hide`, { reason: 'No' })).status).toBe(403);
    const hidden = await as(cast.supervisorA).send('POST', `/api/v1/forum/posts/${postId}/hide`, { reason: 'Personal attack' });
    expect(hidden.body).toMatchObject({
      body: 'Something unkind about a colleague.',
      hidden: { reason: 'Personal attack' },
      reports: ['Personal attack'],
    });
    const seen = await as(cast.employeeA).get(`/api/v1/forum/threads/${thread.id}/posts`);
    expect(seen.raw).not.toContain('unkind');
    expect(seen.body.items?.[1]).toMatchObject({ body: null, hidden: { reason: null } });
    expect((await as(cast.employeeA).get(`/api/v1/forum/threads?q=unkind`)).body.items).toEqual([]);
  });
});
