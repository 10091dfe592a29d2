/**
 * The dashboard's requests for `npm run bench:scale`: one entry per widget API call, each built for
 * a period, so the million-case run can time it over HTTP for 90 days and for three years, cold and
 * warm, beside the same queries run directly against the database.
 */
export type DashboardBenchEntry = { name: string; path: (range: { from: string; to: string }) => string };

const q = (range: { from: string; to: string }, extra = '') =>
  `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}${extra}`;

export const DASHBOARD_BENCH: DashboardBenchEntry[] = [
  // Every widget of the page comes from this one call (volume, response times, breaches, both sides'
  // satisfaction, cost, promises, coach scores, themes, backlog, heatmap), for the period and the one before.
  { name: 'dashboard', path: (r) => `/api/v1/reports/dashboard?${q(r)}` },
  { name: 'dashboard by week', path: (r) => `/api/v1/reports/dashboard?${q(r, '&bucket=week')}` },
  { name: 'dashboard, one channel and severity', path: (r) => `/api/v1/reports/dashboard?${q(r, '&channel=email&severity=1,2')}` },
  { name: 'dashboard as CSV', path: (r) => `/api/v1/reports/dashboard?${q(r, '&format=csv')}` },
  { name: 'people report', path: (r) => `/api/v1/reports/people?${q(r)}` },
  // Streamed: received by curl in another process, timed to the last byte, the rows divided by the
  // seconds (budget ≥ 50,000 rows/s).
  { name: 'cases with metrics (CSV rows/s)', path: (r) => `/api/v1/reports/cases?${q(r)}` },
  // The drill-down's inbox count over the same period.
  {
    name: 'inbox drill-down (breached)',
    path: (r) => `/api/v1/cases?reportedFrom=${encodeURIComponent(r.from)}&reportedTo=${encodeURIComponent(r.to)}&breached=true&limit=50`,
  },
];
