import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../src/http/app.js';
import type { DatabaseKind } from '../src/store/db.js';
import { openTestDatabase, type TestDatabase } from './databases.js';
import { buildWorkspace } from './factories.js';

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  auth: { authorization: string };
  workspace: Awaited<ReturnType<typeof buildWorkspace>>;
  close(): Promise<void>;
};

/** The real app over a fresh database, with one workspace and its admin's bearer header. */
export async function buildTestApp(kind: DatabaseKind, config: Omit<AppOptions['config'], 'logLevel'> = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const app = await buildApp({ config: { logLevel: 'silent', ...config }, database, logger: false });
  const workspace = await buildWorkspace(database.db);
  return {
    app,
    database,
    workspace,
    auth: { authorization: `Bearer ${workspace.token}` },
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
