import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from './states.js';

/** The part of a TanStack query result (plain or infinite) the ladder reads. */
type QueryLike<T> = { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown };

type QueryStateProps<T> = {
  query: QueryLike<T>;
  /** What is loading, in words ("Loading tokens"); screen readers read it. */
  label: string;
  /** Skeleton rows while loading; without them a spinner shows the label. */
  rows?: number;
  /** When this says the data is empty, `empty` shows instead of the children. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
};

/**
 * The one ladder every query climbs: loading, then an error with a retry, then empty, then the
 * data. Pages pass what each rung says; the order and the retry are the same everywhere.
 */
export function QueryState<T>({ query, label, rows, isEmpty, empty, children }: QueryStateProps<T>) {
  if (query.isPending) return <LoadingState label={label} rows={rows} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  // Neither pending nor failed: TanStack Query guarantees the data is there.
  const data = query.data as T;
  if (isEmpty?.(data)) return <>{empty}</>;
  return <>{children(data)}</>;
}
