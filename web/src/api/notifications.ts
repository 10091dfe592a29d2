import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import { useInvalidatingMutation } from './invalidating-mutation.js';
import type { NotificationList, NotificationPreferences, NotificationPreferencesInput } from './types.js';

/** Query keys of the signed-in person's notifications. */
export const notificationKeys = {
  all: ['notifications'] as const,
};

/** The bell's list; also asked for by the router beside the account, so the first render has it. */
export const notificationsQuery = queryOptions({
  queryKey: notificationKeys.all,
  queryFn: () => api<NotificationList>('GET', '/notifications'),
  // Kept fresh by the minute (and by live updates), so a page change does not ask again.
  refetchInterval: 60_000,
  staleTime: 60_000,
});

export function useNotifications() {
  return useQuery(notificationsQuery);
}

/** Marks one notification read, or all of them with `'all'`. */
export const useMarkNotificationRead = () =>
  useInvalidatingMutation(notificationKeys.all, async (id: string | 'all'): Promise<void> => {
    if (id === 'all') await api<{ marked: number }>('POST', '/notifications/read-all');
    else await api<void>('POST', `/notifications/${encodeURIComponent(id)}/read`);
  });

// Apart from the bell's key, so a live bell refresh does not reload the form.
const preferencesKey = ['notification-preferences'] as const;

export function useNotificationPreferences() {
  return useQuery({ queryKey: preferencesKey, queryFn: () => api<NotificationPreferences>('GET', '/notifications/preferences') });
}

export function useSaveNotificationPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesInput) => api<NotificationPreferences>('PUT', '/notifications/preferences', body),
    onSuccess: (saved) => client.setQueryData(preferencesKey, saved),
  });
}
