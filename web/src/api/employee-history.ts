import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type { EmployeeHistory } from './types.js';

/** Query keys of employees' conflict histories (HR data: each read is logged). */
export const employeeHistoryKeys = {
  detail: (employeeId: string) => ['employee-history', employeeId] as const,
};

export function useEmployeeHistory(employeeId: string) {
  return useQuery({
    queryKey: employeeHistoryKeys.detail(employeeId),
    queryFn: () => api<EmployeeHistory>('GET', `/employees/${encodeURIComponent(employeeId)}/history`),
    // Every read is written to the access log: don't re-read behind the reader's back.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}
