import { Badge } from '@mantine/core';
import type { Case, CaseStatus } from '../api/types.js';
import { SEVERITY_COLOR, SEVERITY_LABEL, STATUS_COLOR, STATUS_LABEL } from '../lib/labels.js';
import { SLA_COLOR, slaSummary } from '../lib/sla.js';
import { formatDateTime } from '../lib/time.js';

export function StatusBadge({ status, size = 'sm' }: { status: CaseStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size={size} radius="sm">
      {STATUS_LABEL[status]}
    </Badge>
  );
}

export function SeverityBadge({ severity, size = 'sm' }: { severity: number; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={SEVERITY_COLOR[severity] ?? 'gray'} variant={severity <= 2 ? 'filled' : 'outline'} size={size} radius="sm">
      S{severity} · {SEVERITY_LABEL[severity]}
    </Badge>
  );
}

/**
 * The SLA clock that matters now; red when breached, orange when due within two hours. Which clock
 * and when it is due are in its title and its accessible name (a tooltip library would add floating
 * code to every list of cases).
 */
export function SlaBadge({ kase, now, size = 'sm' }: { kase: Pick<Case, 'sla'>; now: Date; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const s = slaSummary(kase, now);
  const detail = `${s.description} · due ${formatDateTime(s.dueAt)}`;
  return (
    <Badge
      color={SLA_COLOR[s.tone]}
      variant={s.tone === 'breached' ? 'filled' : 'light'}
      size={size}
      radius="sm"
      data-sla={s.tone}
      tabIndex={0}
      title={detail}
      aria-label={`SLA: ${s.label}. ${detail}`}
    >
      {s.label}
    </Badge>
  );
}
