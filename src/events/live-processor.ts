import type { EventProcessor } from './event-processor.js';
import type { LiveHub } from './live-hub.js';

/**
 * Publishes every event to the browsers that are connected (each stream decides what its user may
 * see). It starts from the newest event: history is for the Last-Event-ID replay, not for the hub.
 */
export function liveProcessor(hub: LiveHub): EventProcessor {
  return {
    name: 'live',
    startFrom: 'now',
    retryLimit: 2,
    backoffSeconds: 1,
    async handle(event, { db }) {
      const { data: _data, ...message } = event;
      await hub.publish(db, message);
    },
  };
}
