import type { Role } from './permissions.js';

/**
 * The kinds of notification people receive, and how each reaches them unless they choose otherwise:
 * in the bell always, by email where the notifier writes one. A call for help, abuse and a new
 * severity 1–2 case cannot be silenced: one channel at least stays on.
 */
export type NotificationKindInfo = {
  kind: string;
  label: string;
  group: 'cases' | 'resolution' | 'people' | 'training' | 'learning' | 'workspace';
  emailByDefault: boolean;
  /** At least one channel stays on. */
  required: boolean;
  /** The roles that can receive it (the settings page shows only these). */
  roles: readonly Role[];
};

const STAFF: readonly Role[] = ['employee', 'supervisor', 'hr', 'admin'];
const LEADS: readonly Role[] = ['supervisor', 'admin'];
const k = (
  kind: string,
  label: string,
  group: NotificationKindInfo['group'],
  emailByDefault: boolean,
  roles: readonly Role[],
  required = false,
): NotificationKindInfo => ({ kind, label, group, emailByDefault, required, roles });

export const NOTIFICATION_KINDS: readonly NotificationKindInfo[] = [
  k('help_requested', 'A colleague asks for help now', 'cases', true, LEADS, true),
  k('abuse', 'An abusive interaction was ended', 'cases', false, LEADS, true),
  k('serious_case', 'A new severity 1 or 2 case in your team', 'cases', true, LEADS, true),
  k('case_reported', 'A new case in your team', 'cases', false, LEADS),
  k('help_taken', 'Someone is coming to help you', 'cases', false, STAFF),
  k('case_merged', 'A case you work on was merged into another', 'cases', false, STAFF),
  k('approval_requested', 'A resolution waits for your approval', 'resolution', true, LEADS),
  k('approval_decided', 'Your proposed resolution was decided', 'resolution', false, STAFF),
  k('commitment_due', 'A promise you made is due soon', 'resolution', true, STAFF),
  k('commitment_overdue', 'A promise in your team is overdue', 'resolution', true, LEADS),
  k('follow_up', 'How did a case go for you?', 'resolution', true, STAFF),
  k('follow_up_unhappy', 'A customer is unhappy after a follow-up', 'resolution', false, STAFF),
  k('needs_help', 'An employee asked for help after a case', 'people', true, LEADS),
  k('support_requested', 'Someone asks for support', 'people', false, STAFF),
  k('support_offered', 'Support is offered to you', 'people', false, STAFF),
  k('support_answered', 'Your support request was answered', 'people', false, STAFF),
  k('review_flag', 'A review rule flagged an employee', 'people', false, ['hr', 'admin']),
  k('review_opened', 'A review was opened', 'people', false, STAFF),
  k('review_decided', 'A review was decided', 'people', false, STAFF),
  k('training_assigned', 'Training assigned to you', 'training', true, STAFF),
  k('training_due_soon', 'Your training is due soon', 'training', true, STAFF),
  k('training_overdue', 'Training in your team is overdue', 'training', true, LEADS),
  k('training_completed', 'Someone in your team passed a training', 'training', false, LEADS),
  k('theme_emerging', 'A theme is emerging in your team’s cases', 'learning', false, LEADS),
  k('forum_reviewed', 'A forum thread you follow was reviewed', 'learning', false, STAFF),
  k('improvement_changed', 'An improvement you follow moved', 'learning', false, STAFF),
  k('webhook_disabled', 'A webhook was switched off after failures', 'workspace', true, ['admin']),
];

const BY_KIND = new Map(NOTIFICATION_KINDS.map((n) => [n.kind, n]));

export const notificationKind = (kind: string): NotificationKindInfo | undefined => BY_KIND.get(kind);

export type Channels = { inApp: boolean; email: boolean };

/**
 * How one notification of `kind` reaches a person: their choice when they made one, else the kind's
 * default (email when the notifier wrote one, for kinds not listed). A kind that may not be silenced
 * keeps the bell on if a stored choice would turn everything off.
 */
export function channelsFor(kind: string, chosen: Channels | undefined, notifierEmails: boolean): Channels {
  const info = BY_KIND.get(kind);
  const base = chosen ?? { inApp: true, email: info?.emailByDefault ?? notifierEmails };
  if (info?.required && !base.inApp && !base.email) return { inApp: true, email: base.email };
  return base;
}
