import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type EventCursor, formatCursor, isAfter, parseCursor } from '../../domain/domain-events.js';
import type { LiveHub, LiveMessage } from '../../events/live-hub.js';
import { createLiveAudience, type LiveUpdate, missedUpdates, streamStart } from '../../services/live-events.js';
import { contextOf } from '../authenticate.js';
import { signedIn } from '../route-permission.js';
import { errorResponses } from './responses.js';

const HEARTBEAT_MS = 20_000;

/**
 * Live updates as Server-Sent Events: each message names an event (its kind, its case) that the
 * caller may see, and its id is the stream position, so a browser that reconnects with
 * Last-Event-ID gets what it missed. Messages carry no content: the page refetches what it shows.
 */
export function eventStreamRoutes(hub: LiveHub): FastifyPluginAsyncZod {
  return async (app) => {
    const audience = createLiveAudience(app.db);
    // Open streams never end by themselves: a closing server ends them before it waits for connections.
    const openStreams = new Set<() => void>();
    app.addHook('preClose', async () => {
      for (const end of openStreams) end();
    });
    app.get(
      '/events/stream',
      {
        config: signedIn,
        schema: {
          tags: ['live'],
          summary: 'Live updates (text/event-stream) of what happens to what you may see',
          headers: z.object({ 'last-event-id': z.string().max(64).optional() }),
          querystring: z
            .object({
              lastEventId: z.string().max(64).optional().describe('Where to resume, for clients that cannot send the Last-Event-ID header'),
              once: z
                .enum(['true', 'false'])
                .optional()
                .describe('true: send what happened since lastEventId, then close (a poll, for clients that cannot hold a connection)'),
            })
            .strict(),
          response: { 200: z.string().describe('text/event-stream'), ...errorResponses },
        },
      },
      async (req, reply) => {
        const { actor } = contextOf(req);
        const resumeFrom = parseCursor(req.headers['last-event-id'] ?? req.query.lastEventId);
        // Listen before reading, so nothing published meanwhile is lost; order is restored by cursor.
        const waiting: LiveMessage[] = [];
        let deliver: ((m: LiveMessage) => void) | null = null;
        const unsubscribe = hub.subscribe((m) => (deliver ? deliver(m) : waiting.push(m)));

        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
          'x-request-id': req.id,
        });
        let open = true;
        const write = (text: string) => {
          if (open) raw.write(text);
        };
        const send = (u: LiveUpdate) => write(`id: ${u.id}\ndata: ${JSON.stringify(u)}\n\n`);
        write('retry: 2000\n\n');

        let last: EventCursor;
        if (resumeFrom) {
          const missed = await missedUpdates(app.db, audience, actor, resumeFrom);
          for (const u of missed.updates) send(u);
          if (!missed.complete) write('event: reset\ndata: {}\n\n');
          last = missed.last;
        } else last = await streamStart(app.db);
        if (req.query.once === 'true') {
          unsubscribe();
          // The position reached, so the next poll can start there even when nothing was visible.
          write(`id: ${formatCursor(last)}\nevent: caught-up\ndata: {}\n\n`);
          raw.end();
          return;
        }

        // One message at a time, in arrival order, so ids only ever grow on the wire.
        let queue = Promise.resolve();
        deliver = (m) => {
          queue = queue.then(async () => {
            if (!open || !isAfter(m, last)) return;
            last = m;
            const update = await audience.updateFor(actor, m).catch(() => null);
            if (update) send(update);
          });
        };
        for (const m of waiting.splice(0)) deliver(m);

        const heartbeat = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS);
        const close = () => {
          open = false;
          clearInterval(heartbeat);
          unsubscribe();
          openStreams.delete(end);
        };
        const end = () => {
          close();
          raw.end();
        };
        openStreams.add(end);
        raw.on('close', close);
        raw.on('error', close);
      },
    );
  };
}
