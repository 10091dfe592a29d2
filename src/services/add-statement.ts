import { AppError, invalid } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { commitTo } from '../domain/personal-data.js';
import { rolesThatMay } from '../domain/refusal.js';
import { type StatementView, toStatementView } from '../presenters/case-presenter.js';
import { findStatement, insertStatement } from '../store/cases.js';
import { newId } from '../store/ids.js';
import { findEmployees } from '../store/people.js';
import { newSalt } from '../store/personal-data.js';
import type { CaseRow, Db, StatementRow } from '../store/schema.js';
import { forbidden } from './authorization.js';
import { applyCaseChange } from './case-change.js';
import { loadCase, whomToAsk } from './case-helpers.js';
import type { NewStatementInput } from './case-input.js';
import { inTransaction, type ServiceContext } from './context.js';

const WHOSE: Record<NewStatementInput['party'], string> = {
  customer: 'the customer’s',
  employee: 'another employee’s',
  witness: 'a witness’s',
};

/**
 * Records one party's account. Statements are never edited: a correction is a new statement that
 * names the one it corrects. The event carries a salted commitment to the author and text (the salt
 * kept apart), so `audit verify` notices a statement altered in the database, while a later erasure
 * of a customer's words destroys the salt instead of breaking the chain. An employee's statement also
 * names its author in the event; a customer's does not, as the chain cannot forget a name.
 */
export function addStatement(ctx: ServiceContext, ref: string, input: NewStatementInput): Promise<StatementView> {
  const ws = ctx.actor.workspaceId;
  return inTransaction(ctx.db, async (db) => {
    const { row: kase, subject } = await loadCase(db, ctx.actor, ref, 'read', true);
    let authorName = input.authorName?.trim() ?? '';
    let authorUserId: string | null = null;
    if (input.employeeId) {
      const [employee] = await findEmployees(db, ws, [input.employeeId]);
      if (!employee) throw invalid('employeeId', 'no such employee in this workspace');
      authorName ||= employee.name;
      authorUserId = employee.user_id;
    } else if (input.party === 'employee') {
      throw invalid('employeeId', "an employee's statement names the employee");
    }
    // Front-line staff write their own account; recording anyone else's is a supervisor's job.
    if (!authorize(ctx.actor, 'create', 'statement', { ...subject, ownerUserId: authorUserId }))
      throw forbidden(ctx.actor, 'create', 'statement', {
        doing: `add ${WHOSE[input.party]} statement`,
        // The roles that record other people's accounts, not only their own.
        roles: rolesThatMay('create', 'statement', ['self']),
        ask: await whomToAsk(db, kase, ctx.actor),
      });
    if (!authorName) throw invalid('authorName', 'say whose account this is');
    if (input.correctsId && !(await findStatement(db, ws, kase.id, input.correctsId))) {
      throw new AppError('validation', 'correctsId: no such statement on this case', [
        { path: 'correctsId', message: 'no such statement on this case' },
      ]);
    }
    const at = ctx.now.toISOString();
    const row: StatementRow = {
      id: newId(),
      workspace_id: ws,
      case_id: kase.id,
      party: input.party,
      employee_id: input.employeeId ?? null,
      author_name: authorName,
      body: input.body,
      taken_by: ctx.actor.userId,
      taken_at: at,
      corrects_id: input.correctsId ?? null,
    };
    await writeStatement(db, kase, row, ctx.actor.userId, ctx.now);
    return toStatementView(row);
  });
}

/** What a statement's commitment covers: whose account it is and its words. */
export const statementText = (row: Pick<StatementRow, 'author_name' | 'body'>) => ({ authorName: row.author_name, body: row.body });

/**
 * Stores a statement and appends its `statement_added` event (a salted commitment to its words) to
 * the case it belongs to, which the caller holds locked in this transaction.
 */
export async function writeStatement(db: Db, kase: CaseRow, row: StatementRow, actorId: string | null, now: Date): Promise<void> {
  await insertStatement(db, row);
  const salt = await newSalt(db, row.workspace_id, 'statement', row.id);
  const data = {
    statementId: row.id,
    party: row.party,
    employeeId: row.employee_id,
    ...(row.employee_id ? { authorName: row.author_name } : {}),
    correctsId: row.corrects_id,
    textCommitment: commitTo(salt, statementText(row)),
  };
  await applyCaseChange(
    db,
    kase,
    { search_text: `${kase.search_text}\n${row.body}` },
    [{ kind: 'statement_added', actorId, at: row.taken_at, data }],
    now,
  );
}
