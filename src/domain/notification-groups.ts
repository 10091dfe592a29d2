/**
 * How the bell orders and bundles notifications: a call for help and abuse come first, then what is
 * serious (a severity 1 or 2 case, an approval waited on, a promise broken, an unhappy customer),
 * and several notifications about one case (or one thread) read as one line.
 */
export const NOTIFICATION_PRIORITIES = ['urgent', 'high', 'normal'] as const;
export type NotificationPriority = (typeof NOTIFICATION_PRIORITIES)[number];

const URGENT_KINDS = new Set(['help_requested', 'abuse']);
const HIGH_KINDS = new Set(['serious_case', 'approval_requested', 'commitment_overdue', 'follow_up_unhappy', 'needs_help', 'review_flag']);

/** A notification's priority from its kind and, when it is about a case, that case's severity. */
export function notificationPriority(kind: string, caseSeverity: number | null): NotificationPriority {
  if (URGENT_KINDS.has(kind)) return 'urgent';
  if (HIGH_KINDS.has(kind) || (caseSeverity !== null && caseSeverity <= 2)) return 'high';
  return 'normal';
}

type Groupable = {
  id: string;
  kind: string;
  caseRef: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  priority: NotificationPriority;
};

export type NotificationGroup<T> = {
  /** `case:<ref>`, `link:<path>` or `kind:<kind>`: what the notifications in it are about. */
  key: string;
  priority: NotificationPriority;
  unread: number;
  latestAt: string;
  /** Newest first; the first is the one the bell shows. */
  items: T[];
};

const rank = (p: NotificationPriority) => NOTIFICATION_PRIORITIES.indexOf(p);
const keyOf = (n: Groupable) => (n.caseRef ? `case:${n.caseRef}` : n.link ? `link:${n.link}` : `kind:${n.kind}`);

/**
 * Bundles notifications by what they are about. Groups with something unread come first, the most
 * urgent of their unread items first, then the newest; a group's priority is that of its unread
 * items (of all its items once everything is read), so an answered call for help stops shouting.
 */
export function groupNotifications<T extends Groupable>(items: readonly T[]): NotificationGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const n of items) {
    const key = keyOf(n);
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  return [...groups.entries()]
    .map(([key, list]) => {
      const sorted = [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const unread = sorted.filter((n) => n.readAt === null);
      const counted = unread.length > 0 ? unread : sorted;
      const priority = NOTIFICATION_PRIORITIES[Math.min(...counted.map((n) => rank(n.priority)))] ?? 'normal';
      return { key, priority, unread: unread.length, latestAt: sorted[0]?.createdAt ?? '', items: sorted };
    })
    .sort(
      (a, b) => Number(b.unread > 0) - Number(a.unread > 0) || rank(a.priority) - rank(b.priority) || b.latestAt.localeCompare(a.latestAt),
    );
}
