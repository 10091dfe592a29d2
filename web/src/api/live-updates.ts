import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { caseKeys } from './cases.js';
import { followUpKeys } from './follow-ups.js';
import { notificationKeys } from './notifications.js';

/** One message of the live stream (the server's LiveUpdate): which event happened where. */
type LiveUpdate = { id: string; kind: string; caseRef: string | null; at: string; personal: boolean };

/** How long to gather a burst of events before refetching, so ten quick changes cost one refetch. */
const BATCH_MS = 60;

/**
 * Keeps what is on screen current while others work: subscribes to the server's event stream and
 * refetches the queries an event touches (the case and its tabs, the inbox, the bell). The browser
 * reconnects by itself and sends the last id it saw, so nothing is missed in between.
 */
export function useLiveUpdates(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events/stream');
    const touched = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      refetch(client, touched);
      touched.clear();
    };
    source.onmessage = (message: MessageEvent<string>) => {
      const update = JSON.parse(message.data) as LiveUpdate;
      if (update.personal) touched.add('notifications');
      if (update.caseRef) touched.add(`case:${update.caseRef}`);
      timer ??= setTimeout(flush, BATCH_MS);
    };
    // Too much was missed to replay: refetch everything on screen.
    source.addEventListener('reset', () => void client.invalidateQueries());
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [enabled, client]);
}

function refetch(client: QueryClient, touched: ReadonlySet<string>): void {
  let cases = false;
  for (const key of touched) {
    if (key === 'notifications') {
      void client.invalidateQueries({ queryKey: notificationKeys.all });
      void client.invalidateQueries({ queryKey: followUpKeys.mine });
    } else {
      cases = true;
      void client.invalidateQueries({ queryKey: caseKeys.detail(key.slice('case:'.length)) });
    }
  }
  if (cases) void client.invalidateQueries({ queryKey: caseKeys.lists() });
}
