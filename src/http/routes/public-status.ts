import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ZStatusPageMessage } from '../../contracts/intake.js';
import { escapeHtml, longDate } from '../../services/emails/layout.js';
import { addStatusPageMessage, readStatusPage, type StatusPageState, type StatusPageView } from '../../services/status-page.js';
import { publicPage } from '../public-page.js';
import { publicRoute } from '../route-permission.js';

/** Per address: enough for a person, too few to guess tokens. */
const STATUS_PER_IP = { max: 30, timeWindow: '1 minute' };

type Params = { token: string };

const PROMISE_STATE: Record<StatusPageView['promises'][number]['state'], string> = {
  open: 'we are on it',
  kept: 'done',
  broken: 'we did not keep this one, and we are sorry',
  cancelled: 'no longer needed',
};

const GONE: Record<Exclude<StatusPageState, 'open'>, { status: number; title: string; text: string }> = {
  unknown: { status: 404, title: 'Case not found', text: 'We could not find this page. Please check that you copied the whole link.' },
  revoked: {
    status: 410,
    title: 'This link no longer works',
    text: 'The link to this case was turned off. If you still need us, please answer our last email or contact us again.',
  },
  expired: {
    status: 410,
    title: 'This link has expired',
    text: 'Your case was closed some time ago, so its page is no longer available. If something is still wrong, please contact us again.',
  },
};

function statusPage(view: StatusPageView, values: { message?: string } = {}, feedback?: { error?: string; saved?: boolean }): string {
  const promises =
    view.promises.length === 0
      ? ''
      : `<h2>What we promised you</h2><ul>${view.promises
          .map((p) => `<li>${escapeHtml(p.text)} — by ${escapeHtml(longDate(p.dueAt))} (${escapeHtml(PROMISE_STATE[p.state])})</li>`)
          .join('')}</ul>`;
  const messages =
    view.messages.length === 0
      ? ''
      : `<h2>What you added</h2>${view.messages
          .map(
            (m) =>
              `<div class="card"><p class="muted">${escapeHtml(longDate(m.receivedAt))}, ${m.via === 'email' ? 'by email' : 'on this page'}</p><p style="white-space:pre-wrap">${escapeHtml(m.body)}</p></div>`,
          )
          .join('')}`;
  return publicPage(
    `Your case ${view.caseRef}`,
    `${feedback?.saved ? '<p role="status"><strong>Thank you, we have added this to your case.</strong></p>' : ''}
<p class="muted">With ${escapeHtml(view.business)}, reported on ${escapeHtml(longDate(view.reportedAt))}.</p>
<div class="card"><h2 style="margin-top:0">${escapeHtml(view.status.title)}</h2><p>${escapeHtml(view.status.text)}</p></div>
${promises}${messages}
<h2>Add information</h2>
${feedback?.error ? `<p class="error" role="alert" id="message-error">${escapeHtml(feedback.error)}</p>` : ''}
<form method="post">
<div class="field"><label for="message">Anything you remember, or anything that changed</label>
<textarea id="message" name="message" required maxlength="5000"${feedback?.error ? ' aria-invalid="true" aria-describedby="message-error"' : ''}>${escapeHtml(values.message ?? '')}</textarea></div>
<button type="submit">Add to my case</button>
</form>
<p class="muted">This page is private to you: please do not share its address.</p>`,
  );
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(body);

function gone(reply: FastifyReply, state: Exclude<StatusPageState, 'open'>) {
  const g = GONE[state];
  return html(reply, g.status, publicPage(g.title, `<p>${escapeHtml(g.text)}</p>`));
}

/**
 * The customer's private status page (`/public/cases/{token}`): the link is the key. GET only
 * shows (mail scanners open links); POST adds what the customer writes to the case.
 */
export const publicStatusRoutes: FastifyPluginAsync<{ statusLinkDays: number }> = async (app, options) => {
  await app.register(formbody, { bodyLimit: 64 * 1024 });

  app.get<{ Params: Params }>(
    '/public/cases/:token',
    { config: { ...publicRoute, rateLimit: STATUS_PER_IP }, schema: { hide: true } },
    async (req, reply) => {
      const page = await readStatusPage(req.server.db, req.params.token, new Date(), options.statusLinkDays);
      if (page.state !== 'open') return gone(reply, page.state);
      return html(reply, 200, statusPage(page.view));
    },
  );

  app.post<{ Params: Params }>(
    '/public/cases/:token',
    { config: { ...publicRoute, rateLimit: STATUS_PER_IP }, schema: { hide: true } },
    async (req, reply) => {
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const parsed = ZStatusPageMessage.safeParse({ message: typeof raw.message === 'string' ? raw.message : '' });
      const now = new Date();
      if (!parsed.success) {
        const page = await readStatusPage(req.server.db, req.params.token, now, options.statusLinkDays);
        if (page.state !== 'open') return gone(reply, page.state);
        const message = typeof raw.message === 'string' ? raw.message : '';
        return html(
          reply,
          400,
          statusPage(page.view, { message }, { error: parsed.error.issues[0]?.message ?? 'Please check what you wrote.' }),
        );
      }
      const state = await addStatusPageMessage(req.server.db, req.params.token, parsed.data.message, now, options.statusLinkDays);
      if (state !== 'open') return gone(reply, state);
      const page = await readStatusPage(req.server.db, req.params.token, now, options.statusLinkDays);
      if (page.state !== 'open') return gone(reply, page.state);
      return html(reply, 200, statusPage(page.view, {}, { saved: true }));
    },
  );
};
