import { useMemo } from 'react';
import { useEmployees } from '../../api/directory.js';
import type { Me } from '../../api/types.js';
import { useUsers } from '../../api/users.js';

/** Resolves user and employee ids to names; ids not in the directory read "A colleague". */
export function useNames(me: Me) {
  const users = useUsers();
  const employees = useEmployees();
  return useMemo(() => {
    const userNames = new Map((users.data ?? []).map((u) => [u.id, u.name]));
    const employeeNames = new Map((employees.data ?? []).map((e) => [e.id, e.name]));
    return {
      users: users.data ?? [],
      employees: employees.data ?? [],
      user: (id: string | null | undefined) => (!id ? 'Defuse' : id === me.id ? 'You' : (userNames.get(id) ?? 'A colleague')),
      employee: (id: string | null | undefined) => (id ? (employeeNames.get(id) ?? 'an employee') : 'an employee'),
    };
  }, [users.data, employees.data, me.id]);
}

export type Names = ReturnType<typeof useNames>;
