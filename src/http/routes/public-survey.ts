import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ZSurveyAnswerInput } from '../../contracts/follow-ups.js';
import type { CustomerAnswer } from '../../domain/follow-through.js';
import { escapeHtml } from '../../services/emails/layout.js';
import { answerSurvey, readSurvey, type SurveyState, surveySubject } from '../../services/survey.js';
import { publicPage } from '../public-page.js';
import { publicRoute } from '../route-permission.js';

/** Per address: enough for a person with a slow hand, too few to guess tokens. */
const SURVEY_PER_IP = { max: 30, timeWindow: '1 minute' };

type Params = { token: string };
type SurveyAbout = { business: string; caseRef: string };
type FormValues = { satisfaction?: string | undefined; wouldReturn?: string | undefined; comment?: string | undefined };

const page = publicPage;

/** The survey form; it works without JavaScript and posts back to its own address. */
function formPage(about: SurveyAbout | null, values: FormValues = {}, error?: string): string {
  const radio = (name: string, value: string, label: string) =>
    `<label><input type="radio" name="${name}" value="${value}" required${values[name as keyof FormValues] === value ? ' checked' : ''}> ${escapeHtml(label)}</label>`;
  const scores = ['1', '2', '3', '4', '5'].map((n) => radio('satisfaction', n, n)).join('');
  return page(
    about ? `How did ${about.business} do?` : 'How did we do?',
    `${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
${about ? `<p>About your case ${escapeHtml(about.caseRef)}.</p>` : ''}
<p>Thank you for taking a minute. Your answer goes to the team that handled your problem.</p>
<form method="post">
<fieldset><legend>How happy are you with how we solved your problem? (1 = not at all, 5 = very)</legend>${scores}</fieldset>
<fieldset><legend>Would you come back to us?</legend>${radio('wouldReturn', 'yes', 'Yes')}${radio('wouldReturn', 'no', 'No')}</fieldset>
<p><label for="comment">Anything you want to tell us? (optional)</label><br>
<textarea id="comment" name="comment" maxlength="2000">${escapeHtml(values.comment ?? '')}</textarea></p>
<button type="submit">Send my answer</button>
</form>`,
  );
}

const STATE_PAGES: Record<Exclude<SurveyState, 'open'>, { status: number; title: string; text: string }> = {
  answered: { status: 409, title: 'Already answered', text: 'This survey was already answered. Thank you, we have your answer.' },
  expired: {
    status: 410,
    title: 'This link has expired',
    text: 'This survey link no longer works. If something is still wrong, please contact us again.',
  },
  unknown: { status: 404, title: 'Survey not found', text: 'We could not find this survey. Please check that you copied the whole link.' },
};

const isJson = (req: FastifyRequest) => (req.headers['content-type'] ?? '').startsWith('application/json');

function sendState(req: FastifyRequest, reply: FastifyReply, state: Exclude<SurveyState, 'open'>) {
  const p = STATE_PAGES[state];
  if (isJson(req))
    return reply.status(p.status).type('application/problem+json').send({ status: p.status, title: p.title, detail: p.text });
  return reply
    .status(p.status)
    .type('text/html; charset=utf-8')
    .send(page(p.title, `<p>${escapeHtml(p.text)}</p>`));
}

/** Reads the answer from the form (text fields) or a JSON body; an error message when it is not valid. */
function parseAnswer(req: FastifyRequest): { answer: CustomerAnswer } | { error: string; values: FormValues } {
  const raw = (req.body ?? {}) as Record<string, unknown>;
  const form = !isJson(req);
  const values: FormValues = {
    satisfaction: typeof raw.satisfaction === 'string' ? raw.satisfaction : undefined,
    wouldReturn: typeof raw.wouldReturn === 'string' ? raw.wouldReturn : undefined,
    comment: typeof raw.comment === 'string' ? raw.comment : undefined,
  };
  const candidate = form
    ? {
        satisfaction: /^[1-5]$/.test(values.satisfaction ?? '') ? Number(values.satisfaction) : Number.NaN,
        wouldReturn: values.wouldReturn === 'yes' ? true : values.wouldReturn === 'no' ? false : undefined,
        ...(values.comment?.trim() ? { comment: values.comment } : {}),
      }
    : raw;
  const parsed = ZSurveyAnswerInput.safeParse(candidate);
  if (!parsed.success) {
    const paths = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')));
    const missing = [
      paths.has('satisfaction') ? 'pick how happy you are, from 1 to 5' : '',
      paths.has('wouldReturn') ? 'say whether you would come back' : '',
      paths.has('comment') ? 'keep the comment under 2000 characters' : '',
    ].filter(Boolean);
    return { error: `Please ${missing.length > 0 ? missing.join(' and ') : 'check your answer'}.`, values };
  }
  return { answer: { satisfaction: parsed.data.satisfaction, wouldReturn: parsed.data.wouldReturn, comment: parsed.data.comment ?? null } };
}

/**
 * The customer's survey, outside the API: no sign-in, the private link is the key. GET only shows
 * the form (mail scanners open links), POST records the answer once. Tokens stay out of the logs:
 * the app's request serializer hides them.
 */
export const publicSurveyRoutes: FastifyPluginAsync = async (app) => {
  await app.register(formbody, { bodyLimit: 16 * 1024 });

  app.get<{ Params: Params }>(
    '/public/survey/:token',
    { config: { ...publicRoute, rateLimit: SURVEY_PER_IP }, schema: { hide: true } },
    async (req, reply) => {
      const state = await readSurvey(req.server.db, req.params.token, new Date());
      if (state !== 'open') return sendState(req, reply, state);
      const about = await surveySubject(req.server.db, req.params.token, new Date());
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(formPage(about));
    },
  );

  app.post<{ Params: Params }>(
    '/public/survey/:token',
    { config: { ...publicRoute, rateLimit: SURVEY_PER_IP }, schema: { hide: true } },
    async (req, reply) => {
      const state = await readSurvey(req.server.db, req.params.token, new Date());
      if (state !== 'open') return sendState(req, reply, state);
      const parsed = parseAnswer(req);
      if ('error' in parsed) {
        if (isJson(req))
          return reply.status(400).type('application/problem+json').send({ status: 400, title: 'Invalid answer', detail: parsed.error });
        const about = await surveySubject(req.server.db, req.params.token, new Date());
        return reply
          .status(400)
          .type('text/html; charset=utf-8')
          .send(formPage(about, parsed.values, parsed.error));
      }
      const result = await answerSurvey(req.server.db, req.params.token, parsed.answer, new Date());
      if (result !== 'recorded' && result !== 'open') return sendState(req, reply, result);
      if (isJson(req)) return reply.status(200).send({ status: 'recorded' });
      return reply
        .type('text/html; charset=utf-8')
        .send(page('Thank you', '<p>We have your answer. It helps us do better. You can close this page now.</p>'));
    },
  );
};
