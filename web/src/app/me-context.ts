import { createContext, useContext } from 'react';
import type { Me } from '../api/types.js';

export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only used below the signed-in layout, which provides it. */
export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser outside the signed-in layout');
  return me;
}
