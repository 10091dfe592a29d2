import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZDashboard, ZPeopleReport } from '../../../src/contracts/dashboard.js';
import { api, queryString } from './client.js';

export type Dashboard = z.infer<typeof ZDashboard>;
export type PeopleReport = z.infer<typeof ZPeopleReport>;
type ReportQuery = Record<string, string | undefined>;

export const dashboardKeys = {
  dashboard: (query: ReportQuery) => ['reports', 'dashboard', query] as const,
  people: (query: ReportQuery) => ['reports', 'people', query] as const,
};

/** The dashboard for a period and filters; the previous figures stay on screen while new ones load. */
export function useDashboard(query: ReportQuery) {
  return useQuery({
    queryKey: dashboardKeys.dashboard(query),
    queryFn: () => api<Dashboard>('GET', `/reports/dashboard${queryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function usePeopleReport(query: ReportQuery) {
  return useQuery({
    queryKey: dashboardKeys.people(query),
    queryFn: () => api<PeopleReport>('GET', `/reports/people${queryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** The address of a report's CSV download (the browser sends the session cookie). */
export const reportCsvUrl = (report: 'dashboard' | 'cases' | 'people', query: ReportQuery, bom: boolean) =>
  `/api/v1/reports/${report}${queryString({ ...query, ...(report === 'cases' ? {} : { format: 'csv' }), bom: bom ? 'true' : undefined })}`;
