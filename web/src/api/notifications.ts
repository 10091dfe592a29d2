import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type { NotificationList } from './types.js';

/** Query keys of the signed-in person's notifications. */
export const notificationKeys = {
  all: ['notifications'] as const,
};

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: () => api<NotificationList>('GET', '/notifications'),
    refetchInterval: 60_000,
  });
}

/** Marks one notification read, or all of them with `'all'`. */
export const useMarkNotificationRead = () =>
  useInvalidatingMutation(notificationKeys.all, async (id: string | 'all'): Promise<void> => {
    if (id === 'all') await api<{ marked: number }>('POST', '/notifications/read-all');
    else await api<void>('POST', `/notifications/${encodeURIComponent(id)}/read`);
  });
