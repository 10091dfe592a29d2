import { Badge } from '@mantine/core';
import type { Case, CaseStatus } from '../api/types.js';
import { SEVERITY_COLOR, SEVERITY_LABEL, STATUS_COLOR, STATUS_LABEL } from '../lib/labels.js';
import { SLA_COLOR, slaSummary } from '../lib/sla.js';
import { formatDateTime } from '../lib/time.js';
import { type BadgeLook, ListBadge } from './list-badge.js';

type Size = 'xs' | 'sm' | 'md' | 'lg';

export const statusLook = (status: CaseStatus): BadgeLook => ({
  color: STATUS_COLOR[status],
  variant: 'light',
  label: STATUS_LABEL[status],
});

export const severityLook = (severity: number): BadgeLook => ({
  color: SEVERITY_COLOR[severity] ?? 'gray',
  variant: severity <= 2 ? 'filled' : 'outline',
  label: `S${severity} · ${SEVERITY_LABEL[severity]}`,
});

export function StatusBadge({ status, size = 'sm' }: { status: CaseStatus; size?: Size }) {
  const look = statusLook(status);
  return (
    <Badge color={look.color} variant={look.variant} size={size} radius="sm">
      {look.label}
    </Badge>
  );
}

export function SeverityBadge({ severity, size = 'sm' }: { severity: number; size?: Size }) {
  const look = severityLook(severity);
  return (
    <Badge color={look.color} variant={look.variant} size={size} radius="sm">
      {look.label}
    </Badge>
  );
}

/**
 * The SLA clock that matters now; red when breached, orange when due within two hours. Which clock
 * and when it is due are in its title and its accessible name (a tooltip library would add floating
 * code to every list of cases).
 */
function slaBadgeProps(kase: Pick<Case, 'sla'>, now: Date) {
  const s = slaSummary(kase, now);
  // Imported history runs no clock: its far-future due time is not worth showing.
  const detail = s.dueAt.startsWith('9999') ? s.description : `${s.description} · due ${formatDateTime(s.dueAt)}`;
  return {
    look: { color: SLA_COLOR[s.tone], variant: s.tone === 'breached' ? 'filled' : 'light', label: s.label } satisfies BadgeLook,
    attributes: { 'data-sla': s.tone, tabIndex: 0, title: detail, 'aria-label': `SLA: ${s.label}. ${detail}` },
  };
}

export function SlaBadge({ kase, now, size = 'sm' }: { kase: Pick<Case, 'sla'>; now: Date; size?: Size }) {
  const { look, attributes } = slaBadgeProps(kase, now);
  return (
    <Badge color={look.color} variant={look.variant} size={size} radius="sm" {...attributes}>
      {look.label}
    </Badge>
  );
}

/** The three badges of a case in a list, as light list badges. */
export function CaseListBadges({ kase, now }: { kase: Pick<Case, 'sla' | 'severity' | 'status'>; now: Date }) {
  const severity = severityLook(kase.severity);
  const status = statusLook(kase.status);
  const sla = slaBadgeProps(kase, now);
  return (
    <>
      <ListBadge color={severity.color} variant={severity.variant}>
        {severity.label}
      </ListBadge>
      <ListBadge color={status.color} variant={status.variant}>
        {status.label}
      </ListBadge>
      <ListBadge color={sla.look.color} variant={sla.look.variant} {...sla.attributes}>
        {sla.look.label}
      </ListBadge>
    </>
  );
}
