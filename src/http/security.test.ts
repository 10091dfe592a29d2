import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { createCase } from '../services/create-case.js';
import { inviteUser } from '../services/users.js';
import { buildApp } from './app.js';

const ORIGIN = 'http://localhost:80';
const HOST = 'localhost:80';

describeEachDatabase('accounts and hardening', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    cast = await buildCast(t.workspace.ctx());
  }, 60_000);
  afterAll(async () => t.close());

  /** An invited account that has chosen a password, so it can sign in. */
  async function accountWithPassword(password = 'a long enough password') {
    const { user, inviteToken } = await inviteUser(t.workspace.ctx(), {
      email: `person.${Math.random().toString(36).slice(2, 8)}@example.test`,
      name: 'Person',
      role: 'employee',
      teamIds: [cast.teamA.id],
    });
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invite',
      headers: { host: HOST },
      payload: { token: inviteToken, password },
    });
    expect(accepted.statusCode).toBe(200);
    return { user, password, inviteToken };
  }

  const signIn = (email: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { host: HOST }, payload: { email, password }, remoteAddress: ip });

  const cookieOf = (res: { cookies: { name: string; value: string }[] }) => {
    const c = res.cookies.find((x) => x.name === 'defuse_session');
    if (!c) throw new Error('no session cookie');
    return `defuse_session=${c.value}`;
  };

  const asCookie = (cookie: string, extra: Record<string, string> = {}) => ({ host: HOST, cookie, ...extra });

  it('signs in with a session cookie that is HttpOnly and SameSite=Lax, and signs out', async () => {
    const { user, password } = await accountWithPassword();
    const res = await signIn(user.email, password);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: user.email, role: 'employee', teamIds: [cast.teamA.id] });
    const raw = String(res.headers['set-cookie']);
    expect(raw).toContain('HttpOnly');
    expect(raw).toContain('SameSite=Lax');
    expect(raw).not.toContain('Secure');
    const cookie = cookieOf(res);
    // Beside it, a readable hint with nothing secret in it, so the web app skips /me when signed out.
    const hint = res.cookies.find((c) => c.name === 'defuse_signed_in');
    expect(hint).toMatchObject({ value: '1', sameSite: 'Lax' });
    expect(hint?.httpOnly).toBeFalsy();
    expect((await t.app.inject({ url: '/api/v1/me', headers: asCookie(cookie) })).statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: asCookie(cookie, { origin: ORIGIN }),
      payload: {},
    });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.filter((c) => c.name === 'defuse_session' || c.name === 'defuse_signed_in');
    expect(cleared.map((c) => [c.name, c.value])).toEqual([
      ['defuse_session', ''],
      ['defuse_signed_in', ''],
    ]);
    expect((await t.app.inject({ url: '/api/v1/me', headers: asCookie(cookie) })).statusCode).toBe(401);
  });

  it('tells a wrong password and an unknown email apart in nothing', async () => {
    const { user } = await accountWithPassword();
    const wrong = await signIn(user.email, 'not the password', '10.0.1.1');
    const unknown = await signIn('nobody.here@example.test', 'not the password', '10.0.1.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('locks one account after five wrong passwords, even from many addresses, with Retry-After', async () => {
    const { user, password } = await accountWithPassword();
    for (let i = 0; i < 5; i++) expect((await signIn(user.email, 'guess number one', `10.1.0.${i}`)).statusCode).toBe(401);
    const locked = await signIn(user.email, password, '10.1.0.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(locked.json().type).toBe('urn:defuse:problem:rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits sign-in attempts per address, whatever the account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await signIn(`someone.${i}@example.test`, 'guess', '10.2.0.1')).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    expect((await signIn('someone@example.test', 'guess', '10.2.0.2')).statusCode).toBe(401);
  });

  it('refuses cookie-authenticated changes without a same-site origin (CSRF), but not bearer-token calls', async () => {
    const { user, password } = await accountWithPassword();
    const cookie = cookieOf(await signIn(user.email, password, '10.3.0.1'));
    const body = {
      title: 'Raised voices at the till',
      summary: 'Refund refused.',
      channel: 'in_person',
      severity: 3,
      customerState: 'angry',
    };
    const post = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload: body });
    for (const headers of [
      asCookie(cookie),
      asCookie(cookie, { origin: 'https://evil.example' }),
      asCookie(cookie, { referer: 'https://evil.example/page' }),
      asCookie(cookie, { origin: ORIGIN, 'sec-fetch-site': 'cross-site' }),
      // Same host and port, other scheme: another origin.
      asCookie(cookie, { origin: 'https://localhost' }),
      asCookie(cookie, { referer: 'https://localhost/cases' }),
      asCookie(cookie, { origin: 'null' }),
    ]) {
      const res = await post(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().detail).toContain('Cross-site request refused');
    }
    expect((await post(asCookie(cookie, { origin: ORIGIN, 'sec-fetch-site': 'same-origin' }))).statusCode).toBe(201);
    expect((await post({ ...cast.employeeA.auth })).statusCode).toBe(201);
    // Reading needs no origin: a GET changes nothing.
    expect((await t.app.inject({ url: '/api/v1/cases', headers: asCookie(cookie) })).statusCode).toBe(200);
  });

  it('compares the whole origin behind a proxy too: the scheme the proxy reports must match', async () => {
    const { user, password } = await accountWithPassword();
    const proxied = await buildApp({ config: { logLevel: 'silent', trustProxy: true }, database: t.database, logger: false });
    try {
      const https = { host: 'defuse.example.com', 'x-forwarded-proto': 'https' };
      const signedIn = await proxied.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: https,
        payload: { email: user.email, password },
      });
      const note = (origin: string) =>
        proxied.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-out',
          headers: { ...https, cookie: cookieOf(signedIn), origin },
          payload: {},
        });
      expect((await note('http://defuse.example.com')).statusCode).toBe(403);
      expect((await note('https://defuse.example.com:8443')).statusCode).toBe(403);
      expect((await note('https://defuse.example.com:443')).statusCode).toBe(204);
    } finally {
      await proxied.close();
    }
  });

  it('keeps a client request id only when it is a short plain token, in responses and the access log', async () => {
    const employeeId = cast.employeeA.actor.employeeId as string;
    const read = (requestId: string) =>
      t.app.inject({ url: `/api/v1/employees/${employeeId}/history`, headers: { ...cast.hr.auth, 'x-request-id': requestId } });
    const logged = async () => (await t.app.inject({ url: '/api/v1/access-log?limit=1', headers: t.auth })).json().items[0].requestId;
    const kept = await read('trace-42.a:b');
    expect(kept.headers['x-request-id']).toBe('trace-42.a:b');
    expect(await logged()).toBe('trace-42.a:b');
    for (const forged of ['x'.repeat(3008), 'a'.repeat(65), 'two words', '<script>', '-leading-dash']) {
      const res = await read(forged);
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(await logged()).toBe(res.headers['x-request-id']);
    }
  });

  it('believes X-Forwarded-For only with DEFUSE_TRUST_PROXY on, for limits and the access log alike', async () => {
    const employeeId = cast.employeeA.actor.employeeId as string;
    for (const trustProxy of [false, true]) {
      const app = await buildApp({ config: { logLevel: 'silent', trustProxy }, database: t.database, logger: false });
      try {
        const socket = trustProxy ? '10.30.1.1' : '10.30.0.1';
        const spoofed = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}` });
        const history = await app.inject({
          url: `/api/v1/employees/${employeeId}/history`,
          headers: { ...cast.hr.auth, ...spoofed(7) },
          remoteAddress: socket,
        });
        const entry = (await app.inject({ url: '/api/v1/access-log?limit=1', headers: t.auth })).json().items[0];
        expect(entry.requestId).toBe(history.headers['x-request-id']);
        expect(entry.ip).toBe(trustProxy ? '203.0.113.7' : socket);
        const statuses: number[] = [];
        for (let i = 0; i < 21; i++)
          statuses.push(
            (
              await app.inject({
                method: 'POST',
                url: '/api/v1/auth/sign-in',
                headers: spoofed(100 + i),
                payload: { email: `spoof.${trustProxy}.${i}@example.test`, password: 'guess' },
                remoteAddress: socket,
              })
            ).statusCode,
          );
        // Off, the one socket address gets its 20 attempts whatever the header claims; on, each
        // forwarded address is a client of its own.
        expect(statuses.at(-1)).toBe(trustProxy ? 401 : 429);
        expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      } finally {
        await app.close();
      }
    }
  });

  it('ends every other session when the password changes, and keeps the one that changed it', async () => {
    const { user, password } = await accountWithPassword();
    const laptop = cookieOf(await signIn(user.email, password, '10.4.0.1'));
    const phone = cookieOf(await signIn(user.email, password, '10.4.0.2'));
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: asCookie(laptop, { origin: ORIGIN }),
      payload: { currentPassword: 'not my password', newPassword: 'a brand new password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('currentPassword');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: asCookie(laptop, { origin: ORIGIN }),
      payload: { currentPassword: password, newPassword: 'a brand new password' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: asCookie(phone) })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/me', headers: asCookie(laptop) })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/me', headers: asCookie(cookieOf(changed)) })).statusCode).toBe(200);
    expect((await signIn(user.email, password, '10.4.0.3')).statusCode).toBe(401);
    expect((await signIn(user.email, 'a brand new password', '10.4.0.3')).statusCode).toBe(200);
  });

  it('ends sessions and stops tokens of a deactivated user at once; reactivation restores sign-in only', async () => {
    const { user, password } = await accountWithPassword();
    const cookie = cookieOf(await signIn(user.email, password, '10.5.0.1'));
    const token = (
      await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: asCookie(cookie, { origin: ORIGIN }), payload: { name: 'cli' } })
    ).json().token as string;
    expect((await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    const off = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: t.auth, payload: { active: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await t.app.inject({ url: '/api/v1/me', headers: asCookie(cookie) })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await signIn(user.email, password, '10.5.0.2')).statusCode).toBe(401);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: t.auth, payload: { active: true } });
    expect((await signIn(user.email, password, '10.5.0.3')).statusCode).toBe(200);
  });

  it('never leaves a workspace without an active admin', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${t.workspace.user.id}`,
      headers: t.auth,
      payload: { role: 'hr' },
    });
    expect(res.statusCode).toBe(409);
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${t.workspace.user.id}`,
      headers: t.auth,
      payload: { active: false },
    });
    expect(off.statusCode).toBe(409);
  });

  it('revokes a token at once; someone else’s token reads as unknown', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: cast.employeeA.auth,
      payload: { name: 'script' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/v1/cases', headers: bearer })).statusCode).toBe(200);
    const listed = await t.app.inject({ url: '/api/v1/tokens', headers: cast.employeeA.auth });
    expect(listed.json().items.find((x: { id: string }) => x.id === id)).toMatchObject({ name: 'script', revokedAt: null });
    expect(JSON.stringify(listed.json())).not.toContain(token);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: cast.employeeB.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: cast.employeeA.auth })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/cases', headers: bearer })).statusCode).toBe(401);
  });

  it('writes every read of an employee history to the access log, which only HR and admins can list', async () => {
    const employeeId = cast.employeeA.actor.employeeId as string;
    const read = await t.app.inject({
      url: `/api/v1/employees/${employeeId}/history`,
      headers: { ...cast.hr.auth },
      remoteAddress: '10.6.0.7',
    });
    expect(read.statusCode).toBe(200);
    const log = await t.app.inject({ url: '/api/v1/access-log', headers: t.auth });
    expect(log.statusCode).toBe(200);
    expect(log.json().items[0]).toMatchObject({
      actor: { id: cast.hr.actor.userId },
      action: 'read',
      resource: 'employee_history',
      subjectId: employeeId,
      subjectLabel: 'Emma Involved',
      ip: '10.6.0.7',
      requestId: read.headers['x-request-id'],
    });
    expect((await t.app.inject({ url: '/api/v1/access-log', headers: cast.hr.auth })).statusCode).toBe(200);
    for (const p of [cast.employeeA, cast.supervisorA])
      expect((await t.app.inject({ url: '/api/v1/access-log', headers: p.auth })).statusCode).toBe(403);
    // A refused read is not a read: nothing is logged for it.
    const before = log.json().items.length;
    expect((await t.app.inject({ url: `/api/v1/employees/${employeeId}/history`, headers: cast.employeeB.auth })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/access-log', headers: t.auth })).json().items.length).toBe(before);
  });

  it('lists only the cases a caller may see, and hides contact details of other people’s customers', async () => {
    const ctx = t.workspace.ctx();
    const involved = await createCase(ctx, {
      ...buildCase(),
      teamId: cast.teamA.id,
      customer: { name: 'Cleo Contact', email: 'cleo@example.test' },
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
    });
    const otherTeam = await createCase(ctx, {
      ...buildCase(),
      teamId: cast.teamB.id,
      customer: { name: 'Otto Other', phone: '+1 555 0100' },
    });
    const refs = async (auth: Record<string, string>) =>
      ((await t.app.inject({ url: '/api/v1/cases?limit=200', headers: auth })).json().items as { ref: string }[]).map((c) => c.ref);
    expect(await refs(cast.employeeA.auth)).toContain(involved.ref);
    expect(await refs(cast.employeeA.auth)).not.toContain(otherTeam.ref);
    expect(await refs(cast.employeeB.auth)).not.toContain(involved.ref);
    expect(await refs(cast.supervisorA.auth)).toContain(involved.ref);
    expect(await refs(cast.supervisorA.auth)).not.toContain(otherTeam.ref);
    expect(await refs(cast.supervisorB.auth)).toContain(otherTeam.ref);
    expect(await refs(cast.hr.auth)).toEqual(expect.arrayContaining([involved.ref, otherTeam.ref]));
    // A report filed without a team lands in the reporter's team, where its supervisor finds it.
    const reported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: cast.employeeA.auth,
      payload: { title: 'Customer swore at me', summary: 'Over a late delivery.', channel: 'phone', severity: 3, customerState: 'hostile' },
    });
    expect(reported.json().teamId).toBe(cast.teamA.id);
    expect(await refs(cast.supervisorA.auth)).toContain(reported.json().ref);
    expect(await refs(cast.supervisorB.auth)).not.toContain(reported.json().ref);
    const customers = (await t.app.inject({ url: '/api/v1/customers', headers: cast.employeeA.auth })).json().items as {
      name: string;
      email: string | null;
      phone: string | null;
      contactHidden: boolean;
    }[];
    expect(customers.find((c) => c.name === 'Cleo Contact')).toMatchObject({ email: 'cleo@example.test', contactHidden: false });
    expect(customers.find((c) => c.name === 'Otto Other')).toBeUndefined();
    const asEmployee = (await t.app.inject({ url: `/api/v1/cases/${involved.ref}`, headers: cast.employeeA.auth })).json();
    expect(asEmployee.customer).toMatchObject({ name: 'Cleo Contact', email: 'cleo@example.test', contactHidden: false });
    expect(asEmployee.nextStatuses).toEqual([]);
    const asSupervisor = (await t.app.inject({ url: `/api/v1/cases/${involved.ref}`, headers: cast.supervisorA.auth })).json();
    expect(asSupervisor.nextStatuses.length).toBeGreaterThan(0);
  });

  it('lets an employee find only the customers of their own cases, and naming a stranger on a report opens nothing', async () => {
    const ctx = t.workspace.ctx();
    const mine = await createCase(ctx, {
      ...buildCase(),
      teamId: cast.teamA.id,
      customer: { name: 'Mina Mine', email: 'mina@example.test' },
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
    });
    const stranger = await createCase(ctx, {
      ...buildCase(),
      teamId: cast.teamA.id,
      customer: { name: 'Stan Stranger', email: 'stan@example.test', phone: '+1 555 0199' },
    });
    const customerIds = async (auth: Record<string, string>) =>
      ((await t.app.inject({ url: '/api/v1/customers', headers: auth })).json().items as { id: string }[]).map((c) => c.id);
    expect(await customerIds(cast.employeeA.auth)).toContain(mine.customerId);
    expect(await customerIds(cast.employeeA.auth)).not.toContain(stranger.customerId);
    expect(await customerIds(cast.supervisorA.auth)).toEqual(expect.arrayContaining([mine.customerId, stranger.customerId]));

    const report = (customerId: string | null) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: cast.employeeA.auth,
        payload: { title: 'Probe', summary: 'Probe.', channel: 'phone', severity: 4, customerState: 'calm', customerId },
      });
    const before = (await t.app.inject({ url: '/api/v1/cases?limit=200', headers: cast.employeeA.auth })).json().items.length;
    const probe = await report(stranger.customerId);
    const unknown = await report('0190a000-0000-7000-8000-000000000000');
    expect(probe.statusCode).toBe(400);
    expect(probe.json().errors).toEqual([{ path: 'customerId', message: 'no such customer in this workspace' }]);
    expect(unknown.json().errors).toEqual(probe.json().errors);
    expect((await t.app.inject({ url: '/api/v1/cases?limit=200', headers: cast.employeeA.auth })).json().items.length).toBe(before);
    expect(await customerIds(cast.employeeA.auth)).not.toContain(stranger.customerId);

    // Typing a customer's exact details names their record (the reporter knew all of it); fewer
    // details make a new record, so nothing the reporter did not type comes back.
    const byDetails = (customer: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: cast.employeeA.auth,
        payload: { title: 'Again', summary: 'Again.', channel: 'phone', severity: 4, customerState: 'calm', customer },
      });
    const exact = (await byDetails({ name: 'Stan Stranger', email: 'STAN@example.test', phone: '+1 555 0199' })).json();
    expect(exact.customerId).toBe(stranger.customerId);
    const partial = (await byDetails({ name: 'Stan Stranger', email: 'stan@example.test' })).json();
    expect(partial.customerId).not.toBe(stranger.customerId);
    const partialSeen = (await t.app.inject({ url: `/api/v1/cases/${partial.ref}`, headers: cast.employeeA.auth })).json();
    expect(partialSeen.customer).toMatchObject({ email: 'stan@example.test', phone: null });

    const again = await report(mine.customerId);
    expect(again.statusCode).toBe(201);
    const seen = (await t.app.inject({ url: `/api/v1/cases/${again.json().ref}`, headers: cast.employeeA.auth })).json();
    expect(seen.customer).toMatchObject({ name: 'Mina Mine', email: 'mina@example.test' });
  });

  it('answers 404 for every record of another workspace, so ids cannot be probed', async () => {
    const other = await buildWorkspace(t.database.db);
    const bearer = { authorization: `Bearer ${other.token}` };
    const kase = await createCase(t.workspace.ctx(), buildCase());
    const token = (await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.auth, payload: { name: 'x' } })).json().id;
    const checks = [
      { method: 'GET', url: `/api/v1/cases/${kase.ref}` },
      { method: 'GET', url: `/api/v1/employees/${cast.employeeA.actor.employeeId}/history` },
      { method: 'PATCH', url: `/api/v1/users/${cast.employeeA.actor.userId}`, payload: { name: 'x' } },
      { method: 'DELETE', url: `/api/v1/tokens/${token}` },
    ] as const;
    for (const c of checks) expect((await t.app.inject({ ...c, headers: bearer })).statusCode, c.url).toBe(404);
  });

  it('invites by one-time link that expires and cannot be reused', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...t.auth, host: 'defuse.example.com' },
      payload: { email: 'New.Starter@Example.test', name: 'New Starter', role: 'supervisor', teamIds: [cast.teamA.id, cast.teamB.id] },
    });
    expect(res.statusCode).toBe(201);
    const { user, inviteUrl } = res.json() as { user: { id: string; email: string; invitePending: boolean }; inviteUrl: string };
    expect(user).toMatchObject({ email: 'new.starter@example.test', invitePending: true });
    expect(inviteUrl).toMatch(/^http:\/\/defuse\.example\.com\/invite\/[\w-]{40,}$/);
    const token = inviteUrl.split('/').at(-1) as string;
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/accept-invite', payload: { token, password: 'short' } });
    expect(weak.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/accept-invite', payload: { token, password: 'my own password' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ role: 'supervisor', teamIds: expect.arrayContaining([cast.teamA.id, cast.teamB.id]) });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invite',
      payload: { token, password: 'my own password' },
    });
    expect(again.statusCode).toBe(404);
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.auth,
      payload: { email: 'new.starter@example.test', name: 'Again', role: 'employee' },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('sends security headers with a strict content security policy, and Secure cookies behind HTTPS', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined();

    const { user, password } = await accountWithPassword();
    const proxied = await buildApp({ config: { logLevel: 'silent', trustProxy: true }, database: t.database, logger: false });
    try {
      const signedIn = await proxied.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'defuse.example.com' },
        payload: { email: user.email, password },
      });
      expect(signedIn.statusCode).toBe(200);
      expect(String(signedIn.headers['set-cookie'])).toContain('Secure');
      expect(signedIn.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await proxied.close();
    }
  });
  it('scores replies recorded on cases and shows each caller only the people the table allows', async () => {
    const kase = await createCase(t.workspace.ctx(), {
      ...buildCase(),
      teamId: cast.teamA.id,
      employees: [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }],
    });
    const good = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${kase.ref}/replies`,
      headers: cast.employeeA.auth,
      payload: {
        body: 'I am so sorry you waited. So the parcel never arrived. I will refund you today and call you tomorrow at 10am. Thank you for your patience.',
        customerMessage: 'My parcel never arrived and nobody answers!',
      },
    });
    expect(good.statusCode).toBe(201);
    expect(good.json().event).toMatchObject({ kind: 'reply', data: { score: { total: expect.any(Number) } } });
    const poor = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${kase.ref}/replies`,
      headers: cast.supervisorA.auth,
      payload: { body: 'Calm down. Not my department.' },
    });
    expect(poor.statusCode).toBe(201);
    expect(poor.json().analysis.reply.problems.map((p: { kind: string }) => p.kind)).toEqual(
      expect.arrayContaining(['dismissive', 'deflection']),
    );
    expect(poor.json().event.data.score.total).toBeLessThan(good.json().event.data.score.total);

    const names = async (auth: Record<string, string>) =>
      ((await t.app.inject({ url: '/api/v1/reports/coaching', headers: auth })).json().items as { userId: string }[]).map((r) => r.userId);
    expect(await names(t.auth)).toEqual(expect.arrayContaining([cast.employeeA.actor.userId, cast.supervisorA.actor.userId]));
    expect(await names(cast.supervisorA.auth)).toEqual(expect.arrayContaining([cast.employeeA.actor.userId]));
    expect(await names(cast.supervisorB.auth)).not.toContain(cast.employeeA.actor.userId);
    expect(await names(cast.employeeA.auth)).toEqual([cast.employeeA.actor.userId]);
    const report = (await t.app.inject({ url: '/api/v1/reports/coaching', headers: t.auth })).json().items as {
      userId: string;
      weakest: string;
      examples: { ref: string }[];
    }[];
    expect(report.find((r) => r.userId === cast.supervisorA.actor.userId)?.examples[0]?.ref).toBe(kase.ref);
    const verified = await t.app.inject({ url: `/api/v1/cases/${kase.ref}/verification`, headers: t.auth });
    expect(verified.json().intact).toBe(true);
  });
});
