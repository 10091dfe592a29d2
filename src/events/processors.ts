import type { EventProcessor } from './event-processor.js';
import type { LiveHub } from './live-hub.js';
import { liveProcessor } from './live-processor.js';
import { notificationsProcessor } from './notifications-processor.js';
import { reviewsProcessor } from './reviews-processor.js';
import { supportProcessor } from './support-processor.js';
import { themesProcessor } from './themes-processor.js';
import { webhooksProcessor } from './webhooks-processor.js';

/**
 * Every processor the server runs over the event outbox. A new one is one line here; it states
 * whether it replays the outbox from the beginning or starts from its first run.
 */
export function eventProcessors(deps: { publicUrl: string; live?: LiveHub | undefined }): EventProcessor[] {
  return [
    notificationsProcessor(deps.publicUrl),
    themesProcessor(),
    ...(deps.live ? [liveProcessor(deps.live)] : []),
    reviewsProcessor(),
    supportProcessor(),
    webhooksProcessor(deps.publicUrl),
  ];
}
