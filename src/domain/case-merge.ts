import { AppError } from './errors.js';

/**
 * Merging cases: the same incident reported twice. The duplicate closes as merged and points at the
 * case kept; both timelines say so. These are the rules for when a merge makes sense.
 */

type MergeSide = { id: string; ref: string; status: string; customerId: string | null; mergedIntoRef: string | null };

/** Throws the refusal a person would want to read when merging `duplicate` into `kept` makes no sense; returns nothing when it does. */
export function assertMergeable(duplicate: MergeSide, kept: MergeSide, confirmDifferentCustomers: boolean): void {
  if (duplicate.id === kept.id)
    throw new AppError('validation', 'intoRef: a case cannot be merged into itself', [
      { path: 'intoRef', message: 'name the other case, the one to keep' },
    ]);
  if (duplicate.mergedIntoRef !== null)
    throw new AppError('conflict', `${duplicate.ref} was already merged into ${duplicate.mergedIntoRef}`);
  if (kept.mergedIntoRef !== null)
    throw new AppError('conflict', `${kept.ref} was itself merged into ${kept.mergedIntoRef}; merge into ${kept.mergedIntoRef} instead`);
  if (duplicate.status === 'closed')
    throw new AppError('conflict', `${duplicate.ref} is closed; reopen it first if it still needs to be merged`);
  if (kept.status === 'closed')
    throw new AppError('conflict', `${kept.ref} is closed; reopen it first, or merge it into ${duplicate.ref} instead`);
  const differ = duplicate.customerId !== null && kept.customerId !== null && duplicate.customerId !== kept.customerId;
  if (differ && !confirmDifferentCustomers)
    throw new AppError(
      'conflict',
      `${duplicate.ref} and ${kept.ref} name different customers; confirm that they are the same incident to merge them`,
      [{ path: 'confirmDifferentCustomers', message: 'the two cases name different customers: confirm to merge anyway' }],
    );
}

/** The earlier of two deadlines of a clock still running: the customer has waited since the first report. */
export function earlierDeadline(kept: string, duplicate: string): string {
  return duplicate < kept ? duplicate : kept;
}
