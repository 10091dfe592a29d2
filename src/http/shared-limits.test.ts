import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { type Database, openSqlite } from '../store/db.js';
import { buildApp } from './app.js';

/**
 * Two app instances over one database, as in a deployment behind a load balancer: the account
 * lockout and the per-address limits must hold for the pair, not for each instance.
 */
describeEachDatabase('limits shared by instances', (kind) => {
  let t: TestApp;
  let second: Database;
  let apps: [FastifyInstance, FastifyInstance];
  beforeAll(async () => {
    t = await buildTestApp(kind);
    // On SQLite the second instance opens the file on a connection of its own, like a second process.
    second = t.database.sqliteFile ? openSqlite(t.database.sqliteFile) : t.database;
    apps = [t.app, await buildApp({ config: { logLevel: 'silent' }, database: second, logger: false })];
  }, 60_000);
  afterAll(async () => {
    await apps[1].close();
    if (second !== t.database) await second.close();
    await t.close();
  });

  const signIn = (app: FastifyInstance, email: string, password: string, ip: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, remoteAddress: ip });

  it('checks at most five passwords of an account, however many guesses race on both instances', async () => {
    const email = t.workspace.user.email;
    const guesses = Array.from({ length: 19 }, (_, i) => signIn(apps[i % 2] as FastifyInstance, email, `wrong guess ${i}`, `10.20.0.${i}`));
    const statuses = (await Promise.all(guesses)).map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(14);
    const right = await signIn(apps[1], email, 'correct horse battery', '10.20.0.99');
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(800);
  });

  it('gives one address 20 sign-in attempts a minute across both instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await signIn(apps[i % 2] as FastifyInstance, `nobody.${i}@example.test`, 'guess', '10.21.0.1')).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    expect((await signIn(apps[1], 'nobody@example.test', 'guess', '10.21.0.2')).statusCode).toBe(401);
  });

  it('gives one address 30 survey pages a minute across both instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++)
      statuses.push(
        (await (apps[i % 2] as FastifyInstance).inject({ url: `/public/survey/no-such-token-${i}`, remoteAddress: '10.22.0.1' }))
          .statusCode,
      );
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });
});
