import { createToken, initWorkspace } from '../src/services/accounts.js';
import type { NewCaseInput } from '../src/services/case-input.js';
import type { Actor, ServiceContext } from '../src/services/context.js';
import type { Db } from '../src/store/schema.js';

let counter = 0;

/** A valid new-case input; override what the test is about. */
export function buildCase(overrides: Partial<NewCaseInput> = {}): NewCaseInput {
  counter += 1;
  return {
    title: `Customer upset at the till #${counter}`,
    summary: 'The customer was refused a refund without a receipt and raised their voice.',
    channel: 'in_person',
    severity: 3,
    customerState: 'frustrated',
    ...overrides,
  };
}

/** A new workspace with an admin, its actor and an API token. */
export async function buildWorkspace(db: Db, name = `Shop ${Math.random().toString(36).slice(2, 8)}`) {
  const { workspace, user } = await initWorkspace(
    db,
    { workspace: name, email: `admin@${workspace_slug(name)}.test`, password: 'correct horse battery' },
    new Date(),
  );
  const actor: Actor = { userId: user.id, workspaceId: workspace.id, role: 'admin', teamIds: [], employeeId: null };
  const { token } = await createToken(db, { workspaceId: workspace.id, userId: user.id, name: 'test' }, new Date());
  const ctx = (now = new Date()): ServiceContext => ({ db, actor, now });
  return { workspace, user, actor, token, ctx };
}

function workspace_slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
