import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { emailBacklog, eventProcessorLag, jobQueueDepths } from '../store/operations.js';
import { identify } from './authenticate.js';
import { can, gateByRole } from './route-permission.js';
import { errorResponses } from './routes/responses.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** From now on `/api/ready` answers 503 and every response closes its connection (the start of a stop). */
    markDraining(): void;
  }
  interface FastifyRequest {
    /** Set when the caller presented the metrics scraper's token instead of signing in. */
    metricsScraper?: boolean;
  }
}

// Node's own figures (heap, event-loop delay, handles) describe the process, so they are collected
// once per process however many apps it builds (tests build many).
let processMetrics: Registry | undefined;
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics, prefix: 'defuse_' });
  }
  return processMetrics;
}

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Readiness, request metrics and a clean stop: `/api/ready` (distinct from the liveness check
 * `/api/health`) answers 503 once the server starts stopping, so a load balancer moves traffic away
 * while in-flight requests finish; responses sent meanwhile close their connection, so keep-alive
 * clients reconnect elsewhere instead of holding the stop up until their idle timeout.
 */
export async function registerOperations(app: FastifyInstance, options: { metricsToken?: string | undefined }): Promise<void> {
  const registry = new Registry();
  const requests = new Counter({
    name: 'defuse_http_requests_total',
    help: 'HTTP requests answered, by route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'defuse_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its response, by route template',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const db = app.db;
  new Gauge({
    name: 'defuse_jobs',
    help: 'Background jobs not yet done, by job and state',
    labelNames: ['job', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const d of await jobQueueDepths(db)) this.set({ job: d.job, state: d.state }, d.count);
    },
  });
  new Gauge({
    name: 'defuse_email_outbox_waiting',
    help: 'Emails queued and neither sent nor given up on',
    registers: [registry],
    async collect() {
      this.set((await emailBacklog(db)).waiting);
    },
  });
  new Gauge({
    name: 'defuse_email_outbox_oldest_seconds',
    help: 'Age of the oldest email still waiting to be sent (0 when none waits)',
    registers: [registry],
    async collect() {
      const { oldestQueuedAt } = await emailBacklog(db);
      this.set(oldestQueuedAt ? Math.max(0, (Date.now() - Date.parse(oldestQueuedAt)) / 1000) : 0);
    },
  });
  const lagGauges = {
    behind: new Gauge({
      name: 'defuse_event_processor_behind',
      help: 'Events an event processor has not handled yet (counted up to 100000)',
      labelNames: ['processor'] as const,
      registers: [registry],
    }),
    seconds: new Gauge({
      name: 'defuse_event_processor_lag_seconds',
      help: 'Age of the oldest event an event processor has not handled yet (0 when it is caught up)',
      labelNames: ['processor'] as const,
      registers: [registry],
    }),
    failures: new Gauge({
      name: 'defuse_event_processor_failures',
      help: 'Events an event processor gave up on after retries',
      labelNames: ['processor'] as const,
      registers: [registry],
    }),
  };
  const collectLag = async () => {
    for (const g of Object.values(lagGauges)) g.reset();
    for (const lag of await eventProcessorLag(db)) {
      lagGauges.behind.set({ processor: lag.processor }, lag.behind);
      lagGauges.seconds.set({ processor: lag.processor }, lag.oldestAt ? Math.max(0, (Date.now() - Date.parse(lag.oldestAt)) / 1000) : 0);
      lagGauges.failures.set({ processor: lag.processor }, lag.failures);
    }
  };

  // Labelled by the route's template, never its raw URL, so ids in paths cannot explode the series.
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    durations.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  let draining = false;
  app.decorate('markDraining', () => {
    draining = true;
  });
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });

  const zApp = app.withTypeProvider<ZodTypeProvider>();
  zApp.get(
    '/api/ready',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: 200 while this instance takes traffic, 503 while it is stopping or cannot reach its database',
        security: [],
        // 400: a malformed URL (a NUL in it) is refused here as on every route.
        response: { 200: z.object({ status: z.literal('ready') }), 400: errorResponses[400], 503: errorResponses[400] },
      },
    },
    async () => {
      if (draining) throw new AppError('unavailable', 'This instance is shutting down');
      try {
        await sql`select 1`.execute(app.db);
      } catch {
        throw new AppError('unavailable', 'The database cannot be reached');
      }
      return { status: 'ready' as const };
    },
  );

  await app.register(async (scope) => {
    // A scraper presents the operator's metrics token; anyone else signs in and needs the
    // permission table's `read operations` (admins).
    const isScraper = (request: FastifyRequest): boolean => {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      return Boolean(options.metricsToken && match?.[1] && sameSecret(match[1], options.metricsToken));
    };
    scope.addHook('onRequest', async (request, reply) => {
      if (isScraper(request)) request.metricsScraper = true;
      else await identify(request, reply);
    });
    scope.addHook('preHandler', async (request, reply) => {
      if (!request.metricsScraper) await gateByRole(request, reply);
    });
    scope.withTypeProvider<ZodTypeProvider>().get(
      '/api/metrics',
      {
        config: can('read', 'operations'),
        schema: {
          tags: ['operations'],
          summary: 'Metrics in the Prometheus text format (the metrics token, or an admin)',
          response: { 200: z.string().describe('text/plain; version=0.0.4'), ...errorResponses },
        },
      },
      async (_request, reply) => {
        await collectLag();
        const text = await Registry.merge([processRegistry(), registry]).metrics();
        return reply.type(registry.contentType).send(text);
      },
    );
  });
}
