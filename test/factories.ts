import { uuidv7 } from 'uuidv7';
import { createToken, initWorkspace } from '../src/services/accounts.js';
import type { NewCaseInput } from '../src/services/case-input.js';
import type { Actor, ServiceContext } from '../src/services/context.js';
import type { CommitmentRow, Db, FollowUpRow } from '../src/store/schema.js';

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

/** An answered follow-up row for a case, to insert as it stands; override what the test is about. */
export function buildFollowUpRow(row: Pick<FollowUpRow, 'workspace_id' | 'case_id'> & Partial<FollowUpRow>, at = new Date()): FollowUpRow {
  const iso = at.toISOString();
  return {
    id: uuidv7(),
    party: 'customer',
    employee_id: null,
    user_id: null,
    due_at: iso,
    status: 'answered',
    token_hash: null,
    sent_at: iso,
    expires_at: null,
    answered_at: iso,
    answer: JSON.stringify({ satisfaction: row.satisfaction ?? null }),
    satisfaction: null,
    wants_help: null,
    created_at: iso,
    ...row,
  };
}

/** A promise row for a case, closed with `status` unless it is open; override what the test is about. */
export function buildCommitmentRow(
  row: Pick<CommitmentRow, 'workspace_id' | 'case_id' | 'owner_id'> & Partial<CommitmentRow>,
  at = new Date(),
): CommitmentRow {
  const iso = at.toISOString();
  const status = row.status ?? 'open';
  return {
    id: uuidv7(),
    text: 'Call the customer back',
    due_at: iso,
    status,
    source: 'manual',
    created_by: row.owner_id,
    created_at: iso,
    remind_at: iso,
    reminded_at: null,
    escalated_at: null,
    escalated_to: null,
    closed_at: status === 'open' ? null : iso,
    closed_by: null,
    note: null,
    ...row,
  };
}
