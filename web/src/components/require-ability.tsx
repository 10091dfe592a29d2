import type { ReactNode } from 'react';
import type { Me } from '../api/types.js';
import { useCurrentUser } from '../app/me-context.js';
import { ForbiddenState } from './states.js';

/**
 * Shows children only to those with the ability (from the permission table, sent with /me); others
 * get a clear "not for your role" page. The API refuses them anyway; this spares them the attempt.
 */
export function RequireAbility({ ability, children }: { ability: keyof Me['can']; children: ReactNode }) {
  const me = useCurrentUser();
  if (!me.can[ability]) return <ForbiddenState />;
  return <>{children}</>;
}
