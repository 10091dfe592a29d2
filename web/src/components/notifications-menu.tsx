import { Badge, Group, Indicator, Menu, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useRef } from 'react';
import { useMarkNotificationRead, useNotifications } from '../api/notifications.js';
import type { AppNotification, NotificationList } from '../api/types.js';
import { relativeTime } from '../lib/time.js';
import { BellButton } from './bell-button.js';

type NotificationGroup = NotificationList['groups'][number];

const PRIORITY_BADGE = { urgent: { label: 'Urgent', color: 'red' }, high: { label: 'Important', color: 'orange' } } as const;

/** The item a group leads with: its most urgent unread one, else its newest. */
function leadOf(g: NotificationGroup): AppNotification | undefined {
  const rank = { urgent: 0, high: 1, normal: 2 } as const;
  const unread = g.items.filter((n) => !n.readAt).sort((a, b) => rank[a.priority] - rank[b.priority]);
  return unread[0] ?? g.items[0];
}

/**
 * The bell's menu: the notifications bundled by case (or forum thread), calls for help and serious
 * cases first, each group linking to what it is about. It replaces the plain bell on first use, open.
 */
export function NotificationsMenu({ defaultOpened = false }: { defaultOpened?: boolean }) {
  const target = useRef<HTMLButtonElement>(null);
  const list = useNotifications();
  const mark = useMarkNotificationRead();
  const navigate = useNavigate();
  const unread = list.data?.unread ?? 0;
  const groups = list.data?.groups ?? [];

  const open = (g: NotificationGroup, n: AppNotification) => {
    for (const item of g.items) if (!item.readAt) mark.mutate(item.id);
    if (n.caseRef) void navigate({ to: '/cases/$ref', params: { ref: n.caseRef } });
    else if (n.kind === 'theme_emerging') void navigate({ to: '/themes' });
    else if (n.link?.startsWith('/')) void navigate({ to: n.link });
  };

  return (
    // The indicator wraps the menu, not its target: the target's button carries the menu's ARIA attributes.
    <Indicator label={unread} size={16} disabled={unread === 0} offset={4}>
      {/* The focus placeholder Mantine adds is a focusable child a menu may not have (axe aria-required-children). */}
      <Menu
        position="bottom-end"
        width={340}
        shadow="md"
        withInitialFocusPlaceholder={false}
        defaultOpened={defaultOpened}
        // The plain bell that was clicked is gone: hand the keyboard back to this one.
        onClose={() => target.current?.focus()}
      >
        <Menu.Target>
          <BellButton ref={target} unread={unread} />
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Notifications</Menu.Label>
          {groups.length === 0 ? (
            // A menu holds menu items only (ARIA): the empty state is one, disabled.
            <Menu.Item disabled>
              <Text size="sm" c="dimmed">
                Nothing new. We tell you here when a promise is due, a customer answers, or someone asks for help.
              </Text>
            </Menu.Item>
          ) : (
            groups.slice(0, 10).map((g) => {
              const lead = leadOf(g);
              if (!lead) return null;
              const others = g.items.filter((n) => n.id !== lead.id);
              const badge = g.unread > 0 && g.priority !== 'normal' ? PRIORITY_BADGE[g.priority] : null;
              return (
                <Menu.Item key={g.key} onClick={() => open(g, lead)} data-testid="notification-group">
                  <Stack gap={0}>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      {badge && (
                        <Badge size="xs" color={badge.color} variant="filled" style={{ flexShrink: 0 }}>
                          {badge.label}
                        </Badge>
                      )}
                      <Text size="sm" fw={g.unread > 0 ? 700 : 400}>
                        {lead.title}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {lead.body}
                    </Text>
                    {others.length > 0 && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {`and ${others.length} more${g.unread > 1 ? ` (${g.unread} unread)` : ''}: ${others.map((n) => n.title).join(' · ')}`}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {relativeTime(g.latestAt)}
                    </Text>
                  </Stack>
                </Menu.Item>
              );
            })
          )}
          {groups.length > 10 ? (
            <Menu.Item disabled>
              <Text size="xs" c="dimmed">{`${groups.length - 10} more older groups`}</Text>
            </Menu.Item>
          ) : null}
          {unread > 0 ? (
            <>
              <Menu.Divider />
              <Menu.Item c="blue" onClick={() => mark.mutate('all')}>
                Mark all read
              </Menu.Item>
            </>
          ) : null}
        </Menu.Dropdown>
      </Menu>
    </Indicator>
  );
}
