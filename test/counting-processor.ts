import type { EventProcessor } from '../src/events/event-processor.js';
import type { Db } from '../src/store/schema.js';

/** A processor for crash tests: its effect for each event is a row noting that event's position. */
export function countingProcessor(effect: (db: Db, note: string) => Promise<void>): EventProcessor {
  return {
    name: 'counting',
    startFrom: 'beginning',
    handle: (event, { db }) => effect(db, `event ${event.position}`),
  };
}
