import { Button, Indicator, Menu, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useMarkNotificationRead, useNotifications } from '../api/notifications.js';
import type { AppNotification } from '../api/types.js';
import { relativeTime } from '../lib/time.js';

/** The bell in the header: unread count, the latest notifications, each linking to its case (or forum thread). */
export function NotificationsMenu() {
  const list = useNotifications();
  const mark = useMarkNotificationRead();
  const navigate = useNavigate();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const open = (n: AppNotification) => {
    if (!n.readAt) mark.mutate(n.id);
    if (n.caseRef) void navigate({ to: '/cases/$ref', params: { ref: n.caseRef } });
    else if (n.kind === 'theme_emerging') void navigate({ to: '/themes' });
    else if (n.link?.startsWith('/')) void navigate({ to: n.link });
  };

  return (
    // The indicator wraps the menu, not its target: the target's button carries the menu's ARIA attributes.
    <Indicator label={unread} size={16} disabled={unread === 0} offset={4}>
      {/* The focus placeholder Mantine adds is a focusable child a menu may not have (axe aria-required-children). */}
      <Menu position="bottom-end" width={340} shadow="md" withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button variant="default" size="xs" aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}>
            <BellIcon />
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Notifications</Menu.Label>
          {items.length === 0 ? (
            // A menu holds menu items only (ARIA): the empty state is one, disabled.
            <Menu.Item disabled>
              <Text size="sm" c="dimmed">
                Nothing new. We tell you here when a promise is due, a customer answers, or someone asks for help.
              </Text>
            </Menu.Item>
          ) : (
            items.slice(0, 10).map((n) => (
              <Menu.Item key={n.id} onClick={() => open(n)}>
                <Stack gap={0}>
                  <Text size="sm" fw={n.readAt ? 400 : 700}>
                    {n.title}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {n.body}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {relativeTime(n.createdAt)}
                  </Text>
                </Stack>
              </Menu.Item>
            ))
          )}
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

/** A bell drawn inline: emoji fonts are missing on many Linux desktops and in headless browsers. */
function BellIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
