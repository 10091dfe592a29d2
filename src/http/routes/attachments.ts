import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZProblem, ZRef } from '../../contracts/cases.js';
import { ZAttachment, ZAttachmentParams, ZAttachmentUpload } from '../../contracts/intake.js';
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachment-files.js';
import { addAttachment, listAttachments, readAttachment } from '../../services/attachments.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses, listOf } from './responses.js';

const tags = ['cases'];

/**
 * Files on a case. An upload is the file's bytes as the body (`application/octet-stream`, name in the
 * query); a download is always an attachment of the type its bytes are, never shown inline or run.
 */
export const attachmentRoutes =
  (dir: string): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1 }, (_req, body, done) =>
      done(null, body),
    );
    app.get(
      '/cases/:ref/attachments',
      {
        config: can('read', 'case'),
        schema: { tags, summary: 'Files added to the case', params: ZRef, response: { 200: listOf(ZAttachment), ...errorResponses } },
      },
      async (req) => ({ items: await listAttachments(contextOf(req), req.params.ref) }),
    );
    app.post(
      '/cases/:ref/attachments',
      {
        config: can('annotate', 'case'),
        schema: {
          tags,
          summary: 'Add a file (photo, PDF, text; at most 10 MB): the body is its bytes, as application/octet-stream',
          params: ZRef,
          querystring: ZAttachmentUpload,
          response: { 201: ZAttachment, ...errorResponses },
        },
      },
      async (req, reply) => {
        const bytes = Buffer.isBuffer(req.body) ? req.body : null;
        return reply.status(201).send(await addAttachment(contextOf(req), dir, req.params.ref, { ...req.query, bytes }));
      },
    );
    app.get(
      '/cases/:ref/attachments/:id',
      {
        config: can('read', 'case'),
        schema: {
          tags,
          summary:
            'Download a file of the case (always as a download, with its type and a sandboxing policy); 410 when it was erased with the customer’s personal data',
          params: ZAttachmentParams,
          response: { 200: z.unknown(), ...errorResponses, 410: ZProblem },
        },
      },
      async (req, reply) => {
        const { view, bytes } = await readAttachment(contextOf(req), dir, req.params.ref, req.params.id);
        return reply
          .type(view.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : view.contentType)
          .header(
            'content-disposition',
            `attachment; filename="${view.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(view.fileName)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-store')
          .send(bytes);
      },
    );
  };
