import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { Config } from '../config/config.js';
import { ZProblem } from '../contracts/cases.js';
import { AppError } from '../domain/errors.js';
import { DEFAULT_STATUS_LINK_DAYS } from '../domain/status-page.js';
import { createLocalHub, type LiveHub } from '../events/live-hub.js';
import type { Database, DatabaseKind } from '../store/db.js';
import type { Db } from '../store/schema.js';
import { identify } from './authenticate.js';
import { markDeprecation } from './deprecation.js';
import { registerJsonBodyParser } from './json-body.js';
import { nameOperation, tidyDocument } from './openapi-document.js';
import { addExamples } from './openapi-examples.js';
import { registerOperations } from './operations.js';
import { sendNotFound, sendProblem } from './problem.js';
import { gateByRole, requireDeclaredPermissions } from './route-permission.js';
import { accountRoutes } from './routes/accounts.js';
import { attachmentRoutes } from './routes/attachments.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { bulkCaseRoutes } from './routes/bulk-cases.js';
import { caseClockRoutes } from './routes/case-clocks.js';
import { caseMergeRoutes } from './routes/case-merges.js';
import { caseTagRoutes } from './routes/case-tags.js';
import { caseRoutes } from './routes/cases.js';
import { coachRoutes } from './routes/coach.js';
import { commitmentRoutes } from './routes/commitments.js';
import { customerRoutes } from './routes/customers.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { dataRightsRoutes } from './routes/data-rights.js';
import { digestRoutes } from './routes/digests.js';
import { directoryRoutes } from './routes/directory.js';
import { eventStreamRoutes } from './routes/events-stream.js';
import { followUpRoutes } from './routes/follow-ups.js';
import { forumRoutes } from './routes/forum.js';
import { importRoutes } from './routes/imports.js';
import { improvementRoutes } from './routes/improvements.js';
import { intakeRoutes } from './routes/intake.js';
import { notificationRoutes } from './routes/notifications.js';
import { playbookRoutes } from './routes/playbooks.js';
import { publicComplaintRoutes } from './routes/public-complaint.js';
import { publicStatusRoutes } from './routes/public-status.js';
import { publicSurveyRoutes } from './routes/public-survey.js';
import { resolutionRoutes } from './routes/resolution.js';
import { reviewRoutes } from './routes/reviews.js';
import { savedReplyRoutes } from './routes/saved-replies.js';
import { savedViewRoutes } from './routes/saved-views.js';
import { settingsRoutes } from './routes/settings.js';
import { supportRoutes } from './routes/support.js';
import { themeRoutes } from './routes/themes.js';
import { trainingRoutes } from './routes/training.js';
import { trainingAssignmentRoutes } from './routes/training-assignments.js';
import { webhookRoutes } from './routes/webhooks.js';
import { sharedRateLimitStore } from './shared-rate-limit-store.js';
import { webApp } from './web-app.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    databaseKind: DatabaseKind;
    /** Base of links in emails sent from requests (DEFUSE_PUBLIC_URL). */
    publicUrl: string;
    /** Domain of per-case reply addresses (DEFUSE_REPLY_DOMAIN); undefined: the placeholder. */
    replyDomain: string | undefined;
  }
}

export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

export type AppOptions = {
  config: Pick<Config, 'logLevel'> &
    Partial<Pick<Config, 'trustProxy' | 'publicUrl' | 'replyDomain' | 'metricsToken' | 'secret' | 'statusLinkDays' | 'attachmentsDir'>>;
  database: Database;
  logger?: boolean;
  /** The built web app to serve at `/` (default dist/web). */
  webRoot?: string;
  /** Where live updates arrive (default: an in-process hub, which the server's live processor feeds). */
  live?: LiveHub;
};

/**
 * The content security policy the web app runs under: scripts only from our origin, no inline
 * script, no framing. Inline styles stay allowed because the component library sets CSS variables.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** A client's `x-request-id` when it is one well-formed id: 1–64 letters, digits and `._:-`. */
export function clientRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(header) ? header : undefined;
}

/** Builds the HTTP app over an open, migrated database; only the server entry calls listen(). */
export async function buildApp({
  config,
  database,
  logger = true,
  webRoot,
  live = createLocalHub(),
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          // Survey links carry a secret token in the path: never write it to the log.
          serializers: {
            req: (req: { method: string; url: string; hostname?: string; ip?: string }) => ({
              method: req.method,
              url: req.url.replace(/^\/public\/(survey|cases)\/[^/?#]+/, '/public/$1/[token]'),
              ...(req.hostname === undefined ? {} : { hostname: req.hostname }),
              ...(req.ip === undefined ? {} : { remoteAddress: req.ip }),
            }),
          },
        }
      : false,
    bodyLimit: 1024 * 1024,
    // The request id ends up in logs and the access log, so a client's own is kept only when it is
    // a short plain token; anything else gets one of ours.
    requestIdHeader: false,
    genReqId: (req) => clientRequestId(req.headers['x-request-id']) ?? uuidv7(),
    routerOptions: { maxParamLength: 200 },
    trustProxy: config.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('db', database.db);
  app.decorate('databaseKind', database.kind);
  app.decorate('publicUrl', config.publicUrl ?? '');
  app.decorate('replyDomain', config.replyDomain);
  app.decorate('routePermissions', new Map());
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  app.setNotFoundHandler((request, reply) => sendNotFound(request, reply));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerJsonBodyParser(app);
  app.addHook('onRequest', async (request) => {
    // A NUL in a path or query would reach PostgreSQL as text, which cannot hold it.
    if (/%00/.test(request.url)) throw new AppError('validation', 'The URL contains a NUL character (%00)');
  });

  await app.register(cookie);
  // JSON above 1 KiB goes out as brotli or gzip when the client accepts it (lists shrink to about
  // a sixth); the web app's files are compressed once at build time and sent as they are.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // HSTS only means something over HTTPS; the server sends it when a proxy says the request was HTTPS.
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  // Limits are declared per route (sign-in, invitations, survey pages) and counted in the database,
  // so they hold across instances.
  await app.register(rateLimit, {
    global: false,
    store: sharedRateLimitStore(database.db),
    errorResponseBuilder: (_req, context) =>
      new AppError(
        'rate_limited',
        `Too many attempts from your address; try again in ${context.after}`,
        undefined,
        Math.ceil(context.ttl / 1000),
      ),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Defuse API',
        version: VERSION,
        description:
          'Customer–employee conflict resolution: cases, timelines, statements. Versioned in the path (/api/v1); see the README’s “API versions and deprecation”.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      // Relative when no public address is configured: the server that served this document.
      servers: [{ url: config.publicUrl || '/', description: 'This Defuse server' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'defuse_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas registered with an id (zod's registry) become components the operations point at.
    transformObject: (input) => addExamples(tidyDocument(jsonSchemaTransformObject(input))),
  });
  app.addHook('onRoute', nameOperation);
  app.addHook('onRoute', markDeprecation);
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness and database check',
        security: [],
        // 400: the one refusal every route shares, a URL with a NUL character in it.
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() }),
          400: ZProblem,
        },
      },
    },
    async () => {
      await sql`select 1`.execute(app.db);
      return { status: 'ok' as const, database: app.databaseKind, version: VERSION };
    },
  );

  await registerOperations(app, { metricsToken: config.metricsToken });

  await webApp(app, { root: webRoot });
  await app.register(publicSurveyRoutes);
  // Without a configured secret (tests), the form's timing field is signed with a key of this process.
  const formKey = config.secret ?? randomBytes(32).toString('base64url');
  const intakeLinks = { publicUrl: config.publicUrl ?? '', replyDomain: config.replyDomain };
  const statusLinkDays = config.statusLinkDays ?? DEFAULT_STATUS_LINK_DAYS;
  // Without a configured directory (tests), attachments go to a fresh directory of this process.
  const attachmentsDir = config.attachmentsDir ?? mkdtempSync(join(tmpdir(), 'defuse-attachments-'));
  await app.register(publicComplaintRoutes, { formKey, links: intakeLinks, statusLinkDays });
  await app.register(publicStatusRoutes, { statusLinkDays });

  await app.register(
    async (v1) => {
      requireDeclaredPermissions(v1, app.routePermissions);
      v1.addHook('onRequest', identify);
      v1.addHook('preHandler', gateByRole);
      await v1.register(authRoutes);
      await v1.register(accountRoutes);
      await v1.register(caseRoutes);
      await v1.register(directoryRoutes);
      await v1.register(playbookRoutes);
      await v1.register(coachRoutes);
      await v1.register(resolutionRoutes);
      await v1.register(caseClockRoutes);
      await v1.register(settingsRoutes);
      await v1.register(commitmentRoutes);
      await v1.register(followUpRoutes);
      await v1.register(notificationRoutes);
      await v1.register(trainingRoutes);
      await v1.register(trainingAssignmentRoutes);
      await v1.register(themeRoutes);
      await v1.register(improvementRoutes);
      await v1.register(auditRoutes);
      await v1.register(digestRoutes);
      await v1.register(eventStreamRoutes(live));
      await v1.register(forumRoutes);
      await v1.register(reviewRoutes);
      await v1.register(supportRoutes);
      await v1.register(customerRoutes);
      await v1.register(dataRightsRoutes(attachmentsDir));
      await v1.register(webhookRoutes);
      await v1.register(intakeRoutes(attachmentsDir));
      await v1.register(dashboardRoutes);
      await v1.register(attachmentRoutes(attachmentsDir));
      await v1.register(caseTagRoutes);
      await v1.register(caseMergeRoutes);
      await v1.register(savedReplyRoutes);
      await v1.register(savedViewRoutes);
      await v1.register(bulkCaseRoutes);
      await v1.register(importRoutes);
    },
    { prefix: '/api/v1' },
  );

  return app;
}
