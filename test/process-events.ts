import { createEventRunner } from '../src/events/event-runner.js';
import { eventProcessors } from '../src/events/processors.js';
import type { Db } from '../src/store/schema.js';
import { captureLog } from './job-effects.js';

/** Runs the server's event processors until they have handled every event so far (notifications, mail). */
export async function processEvents(db: Db, options: { publicUrl?: string; now?: () => Date } = {}): Promise<void> {
  const runner = createEventRunner({
    db,
    processors: eventProcessors({ publicUrl: options.publicUrl ?? 'http://defuse.test' }),
    log: captureLog(),
    ...(options.now ? { now: options.now } : {}),
  });
  await runner.drain();
}
