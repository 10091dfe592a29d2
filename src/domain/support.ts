/**
 * Support for an employee after a hard case: what they may ask for, and how soon their supervisor
 * should answer. The content of a request stays between the employee and whoever helps them.
 */
export const SUPPORT_KINDS = ['talk', 'training', 'time_off', 'wellbeing'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const SUPPORT_KIND_LABELS: Record<SupportKind, string> = {
  talk: 'A talk with their supervisor',
  training: 'Training',
  time_off: 'Time off the front line',
  wellbeing: 'Wellbeing help',
};

export const SUPPORT_STATUSES = ['offered', 'open', 'answered', 'closed', 'declined'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

/** A supervisor answers within a working day; wellbeing and time off sooner. */
export function supportDueAt(kind: SupportKind, from: Date): Date {
  const hours = kind === 'wellbeing' || kind === 'time_off' ? 8 : 24;
  return new Date(from.getTime() + hours * 3600_000);
}
