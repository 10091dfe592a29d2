import { describe, expect, it } from 'vitest';
import { groupNotifications, notificationPriority } from './notification-groups.js';

let n = 0;
const note = (over: {
  kind?: string;
  caseRef?: string | null;
  link?: string | null;
  at: string;
  read?: boolean;
  severity?: number | null;
}) => {
  const kind = over.kind ?? 'case_reported';
  return {
    id: `n${++n}`,
    kind,
    caseRef: over.caseRef ?? null,
    link: over.link ?? null,
    createdAt: over.at,
    readAt: over.read ? over.at : null,
    priority: notificationPriority(kind, over.severity ?? null),
  };
};

describe('notification priority', () => {
  it('puts a call for help first, a serious case or a waiting approval next, the rest after', () => {
    expect(notificationPriority('help_requested', 4)).toBe('urgent');
    expect(notificationPriority('case_reported', 2)).toBe('high');
    expect(notificationPriority('approval_requested', 4)).toBe('high');
    expect(notificationPriority('case_reported', 3)).toBe('normal');
    expect(notificationPriority('forum_reviewed', null)).toBe('normal');
  });
});

describe('grouping the bell', () => {
  it('bundles one case’s notifications, newest first, and counts its unread', () => {
    const groups = groupNotifications([
      note({ caseRef: 'C-2026-000001', at: '2026-12-01T09:00:00Z' }),
      note({ kind: 'commitment_due', caseRef: 'C-2026-000001', at: '2026-12-01T10:00:00Z' }),
      note({ kind: 'follow_up', caseRef: 'C-2026-000001', at: '2026-12-01T08:00:00Z', read: true }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.unread).toBe(2);
    expect(groups[0]?.items.map((i) => i.kind)).toEqual(['commitment_due', 'case_reported', 'follow_up']);
  });

  it('orders unread groups by urgency, then by time; read groups last', () => {
    const groups = groupNotifications([
      note({ caseRef: 'C-2026-000001', at: '2026-12-01T12:00:00Z' }),
      note({ kind: 'help_requested', caseRef: 'C-2026-000002', at: '2026-12-01T08:00:00Z' }),
      note({ caseRef: 'C-2026-000003', at: '2026-12-01T09:00:00Z', severity: 1 }),
      note({ kind: 'help_requested', caseRef: 'C-2026-000004', at: '2026-12-01T13:00:00Z', read: true }),
      note({ kind: 'forum_reviewed', link: '/forum/t1', at: '2026-12-01T11:00:00Z' }),
    ]);
    expect(groups.map((g) => [g.key, g.priority])).toEqual([
      ['case:C-2026-000002', 'urgent'],
      ['case:C-2026-000003', 'high'],
      ['case:C-2026-000001', 'normal'],
      ['link:/forum/t1', 'normal'],
      ['case:C-2026-000004', 'urgent'],
    ]);
  });

  it('lets an answered call for help stop leading its group once it is read', () => {
    const [group] = groupNotifications([
      note({ kind: 'help_requested', caseRef: 'C-2026-000005', at: '2026-12-01T08:00:00Z', read: true }),
      note({ kind: 'commitment_due', caseRef: 'C-2026-000005', at: '2026-12-01T09:00:00Z' }),
    ]);
    expect(group?.priority).toBe('normal');
  });
});
