import type { ReactNode } from 'react';
import type { Role } from '../api/types.js';
import { useCurrentUser } from '../app/me-context.js';
import { ForbiddenState } from './states.js';

/** Shows children only to the given roles; others get a clear "needs a different role" page. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const me = useCurrentUser();
  if (!roles.includes(me.role)) return <ForbiddenState />;
  return <>{children}</>;
}
