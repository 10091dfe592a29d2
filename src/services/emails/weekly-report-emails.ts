import type { Compared } from '../../domain/dashboard-metrics.js';
import type { Dashboard } from '../dashboard.js';
import { buildEmail, type EmailBody, longDate } from './layout.js';

const minutes = (n: number | null) => (n === null ? 'no figure' : n < 90 ? `${n} min` : `${Math.round((n / 60) * 10) / 10} h`);
const pct = (n: number | null) => (n === null ? 'no figure' : `${Math.round(n * 1000) / 10}%`);
const num = (n: number | null) => (n === null ? 'no figure' : String(n));

/** "12 (8 the week before)". */
function line(label: string, c: Compared, format: (n: number | null) => string): string {
  const before = c.previous === null ? 'no figure the week before' : `${format(c.previous)} the week before`;
  return `${label}: ${format(c.current)} (${before})`;
}

/** The weekly summary: the headline figures of last week beside the week before, and a link to the dashboard. */
export function weeklyReportEmail(d: Dashboard, scope: string, publicUrl: string | undefined): EmailBody {
  const h = d.headline;
  const lastDay = new Date(Date.parse(d.period.to) - 1).toISOString();
  return buildEmail(
    `Conflicts last week: ${h.cases.current ?? 0} cases (${scope})`,
    [
      `The week from ${longDate(d.period.from)} to ${longDate(lastDay)}, for ${scope}.`,
      [
        line('Cases reported', h.cases, num),
        line('Median time to acknowledge', h.acknowledgeMedian, minutes),
        line('Median time to resolve', h.resolveMedian, minutes),
        line('Deadline breach rate', h.breachRate, pct),
        line('Customer satisfaction after follow-up (of 5)', h.customerSatisfaction, num),
        line('Employees felt supported (of 5)', h.employeeSupported, num),
        line('Promises kept on time', h.keptOnTimeRate, pct),
        line('Reputational threats', h.threats, num),
      ].join('\n'),
      'Every figure counts the cases reported that week; the dashboard says how each is counted and opens the cases behind it.',
    ],
    { label: 'Open the dashboard', url: `${publicUrl ?? ''}/dashboard` },
  );
}
