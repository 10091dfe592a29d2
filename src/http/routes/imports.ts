import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../contracts/accounts.js';
import { ZImport, ZImportReport, ZImportUpload } from '../../contracts/imports.js';
import { listImports, readImport, startImport } from '../../services/import-records.js';
import { importTickets } from '../../services/import-tickets.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses, listOf } from './responses.js';

const tags = ['imports'];

/** The largest export one upload may carry: about 200,000 Zendesk CSV rows. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/**
 * Settings → Import: past tickets from another helpdesk's export. The upload is the file's bytes as
 * the body; a dry run answers with its report at once, a real import answers 202 with its record and
 * goes on in the background while the page polls that record.
 */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const type of ['application/octet-stream', 'text/csv'])
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) => done(null, body));
  app.post(
    '/imports',
    {
      config: can('create', 'import'),
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary:
          'Import past tickets (the export file as an application/octet-stream or text/csv body); dryRun=true reports without changing anything',
        querystring: ZImportUpload,
        response: { 200: ZImportReport, 202: ZImport, ...errorResponses },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const { format, dryRun, ...rest } = req.query;
      const input = { ...rest, source: format, bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) };
      if (dryRun) return reply.status(200).send(await importTickets(ctx, { ...input, dryRun: true }));
      const { view, done } = await startImport(ctx, input);
      void done.then((error) => {
        if (error) req.log.error({ err: error, importId: view.id }, 'an import stopped before its last row');
      });
      return reply.status(202).send(view);
    },
  );
  app.get(
    '/imports',
    {
      config: can('list', 'import'),
      schema: { tags, summary: 'Imports of the workspace, newest first', response: { 200: listOf(ZImport), ...errorResponses } },
    },
    async (req) => ({ items: await listImports(contextOf(req)) }),
  );
  app.get(
    '/imports/:id',
    {
      config: can('read', 'import'),
      schema: { tags, summary: 'One import and how far it got', params: ZIdParam, response: { 200: ZImport, ...errorResponses } },
    },
    async (req) => readImport(contextOf(req), req.params.id),
  );
};
