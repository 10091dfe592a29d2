import { Indicator } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useNotifications } from '../api/notifications.js';
import { BellButton } from './bell-button.js';

const loadMenu = () => import('./notifications-menu.js');
const NotificationsMenu = lazy(() => loadMenu().then((m) => ({ default: m.NotificationsMenu })));

/**
 * The bell in the header. Its menu, and the floating-dropdown code a menu needs, load when the
 * pointer or the keyboard reaches the bell, and open on the click that asked for them; until then
 * the bell is a plain button showing the unread count.
 */
export function NotificationsBell() {
  const list = useNotifications();
  const unread = list.data?.unread ?? 0;
  const [wanted, setWanted] = useState(false);
  const bell = (
    <Indicator label={unread} size={16} disabled={unread === 0} offset={4}>
      <BellButton
        unread={unread}
        aria-haspopup="menu"
        aria-expanded={false}
        onPointerEnter={() => void loadMenu()}
        onFocus={() => void loadMenu()}
        onClick={() => setWanted(true)}
      />
    </Indicator>
  );
  if (!wanted) return bell;
  return (
    <Suspense fallback={bell}>
      <NotificationsMenu defaultOpened />
    </Suspense>
  );
}
