import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiItems } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type { Customer, Employee, Team } from './types.js';

/** Query keys of the workspace directory: teams, employees and customers. */
export const directoryKeys = {
  teams: ['teams'] as const,
  employees: ['employees'] as const,
  customers: ['customers'] as const,
};

/** The directory changes rarely: five minutes before a page asks again. */
const directoryOptions = { staleTime: 5 * 60_000 };

export const teamsQuery = queryOptions({ queryKey: directoryKeys.teams, queryFn: () => apiItems<Team>('/teams'), ...directoryOptions });

export function useTeams() {
  return useQuery(teamsQuery);
}

export function useEmployees(enabled = true) {
  return useQuery({ queryKey: directoryKeys.employees, queryFn: () => apiItems<Employee>('/employees'), enabled, ...directoryOptions });
}

export function useCustomers(enabled = true) {
  return useQuery({ queryKey: directoryKeys.customers, queryFn: () => apiItems<Customer>('/customers'), enabled, ...directoryOptions });
}

export const useCreateTeam = () => useInvalidatingMutation(directoryKeys.teams, (name: string) => api<Team>('POST', '/teams', { name }));

/** Renames a team, or archives it or brings it back. */
export const useUpdateTeam = () =>
  useInvalidatingMutation(directoryKeys.teams, ({ id, ...change }: { id: string; name?: string; archived?: boolean }) =>
    api<Team>('PATCH', `/teams/${id}`, change),
  );
