import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ZComplaintForm } from '../../contracts/intake.js';
import { isInTheFuture } from '../../domain/case.js';
import { type MailLinks, statusPageUrl } from '../../services/acknowledgement.js';
import { escapeHtml } from '../../services/emails/layout.js';
import { complaintFormOf, fileComplaint } from '../../services/public-complaint.js';
import { checkFormTiming, formStartedToken } from '../form-timer.js';
import { publicPage } from '../public-page.js';
import { publicRoute } from '../route-permission.js';

/** Per address: a person correcting a typo a few times, not a script. */
const COMPLAINT_PER_IP = { max: 10, timeWindow: '10 minutes' };

export type PublicIntakeOptions = { formKey: string; links: MailLinks; statusLinkDays: number };

type Params = { slug: string };
type Values = Partial<Record<'name' | 'email' | 'phone' | 'story' | 'when' | 'teamId' | 'employeeName' | 'wants', string>>;
type Form = { business: string; teams: { id: string; name: string }[] };

const FIELDS = ['name', 'email', 'phone', 'story', 'when', 'teamId', 'employeeName', 'wants'] as const;

function field(name: keyof Values, label: string, control: string, errors: Partial<Record<string, string>>, hint?: string): string {
  const error = errors[name];
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  const aria = `${described ? ` aria-describedby="${described}"` : ''}${error ? ' aria-invalid="true"' : ''}`;
  return `<div class="field"><label for="${name}">${escapeHtml(label)}</label>${
    hint ? `<p class="hint" id="${name}-hint">${escapeHtml(hint)}</p>` : ''
  }${control.replace('%ARIA%', aria)}${error ? `<p class="field-error" id="${name}-error">${escapeHtml(error)}</p>` : ''}</div>`;
}

/** The complaint form; it works without JavaScript, labels every field and says what is wrong next to it. */
function formPage(form: Form, token: string, values: Values = {}, errors: Partial<Record<string, string>> = {}, notice?: string): string {
  const v = (name: keyof Values) => escapeHtml(values[name] ?? '');
  const problems = Object.values(errors).filter(Boolean);
  const teams = form.teams
    .map((t) => `<option value="${escapeHtml(t.id)}"${values.teamId === t.id ? ' selected' : ''}>${escapeHtml(t.name)}</option>`)
    .join('');
  return publicPage(
    `Tell ${form.business} what happened`,
    `${notice ? `<p class="error" role="alert">${escapeHtml(notice)}</p>` : ''}${
      problems.length > 0
        ? `<div role="alert"><p class="error">Please check ${problems.length === 1 ? 'one answer' : `${problems.length} answers`}:</p><ul>${problems
            .map((p) => `<li>${escapeHtml(p as string)}</li>`)
            .join('')}</ul></div>`
        : ''
    }
<p>A person from our team reads every report. We will email you a private link where you can follow your case.</p>
<form method="post" novalidate>
<input type="hidden" name="started" value="${escapeHtml(token)}">
${field('story', 'What happened?', `<textarea id="story" name="story" required maxlength="5000"%ARIA%>${v('story')}</textarea>`, errors, 'In your own words. Please leave out card numbers and passwords.')}
${field('when', 'When did it happen? (optional)', `<input id="when" name="when" type="date" value="${v('when')}"%ARIA%>`, errors)}
${
  form.teams.length > 0
    ? field(
        'teamId',
        'Where did it happen? (optional)',
        `<select id="teamId" name="teamId"%ARIA%><option value="">Not sure</option>${teams}</select>`,
        errors,
      )
    : ''
}
${field('employeeName', 'Who did you deal with? (optional)', `<input id="employeeName" name="employeeName" maxlength="200" value="${v('employeeName')}"%ARIA%>`, errors, 'Their name, if you know it.')}
${field('wants', 'What would you like us to do? (optional)', `<textarea id="wants" name="wants" maxlength="2000"%ARIA%>${v('wants')}</textarea>`, errors)}
<fieldset><legend>How can we reach you?</legend>
${field('name', 'Your name', `<input id="name" name="name" required maxlength="200" autocomplete="name" value="${v('name')}"%ARIA%>`, errors)}
${field('email', 'Your email', `<input id="email" name="email" type="email" required maxlength="254" autocomplete="email" inputmode="email" value="${v('email')}"%ARIA%>`, errors)}
${field('phone', 'Your phone (optional)', `<input id="phone" name="phone" type="tel" maxlength="40" autocomplete="tel" value="${v('phone')}"%ARIA%>`, errors)}
</fieldset>
<div class="trap" aria-hidden="true"><label for="website">Leave this empty</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">Send my report</button>
</form>`,
  );
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

const NOT_FOUND = publicPage('Page not found', '<p>We could not find this form. Please check the address.</p>');

/**
 * The public complaint form of a workspace (`/public/complaint/{slug}`): no sign-in, no script.
 * Refused without creating anything: a filled hidden field (bots fill every field), a form sent
 * sooner than a person could fill it, too many reports from one address or to one workspace in an
 * hour, and too-long answers.
 */
export const publicComplaintRoutes: FastifyPluginAsync<PublicIntakeOptions> = async (app, options) => {
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  const token = () => formStartedToken(options.formKey, Date.now());

  app.get<{ Params: Params }>(
    '/public/complaint/:slug',
    { config: { ...publicRoute, rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { hide: true } },
    async (req, reply) => {
      const form = await complaintFormOf(req.server.db, req.params.slug);
      if (!form) return html(reply, 404, NOT_FOUND);
      return html(reply, 200, formPage(form, token()));
    },
  );

  app.post<{ Params: Params }>(
    '/public/complaint/:slug',
    { config: { ...publicRoute, rateLimit: COMPLAINT_PER_IP }, schema: { hide: true } },
    async (req, reply) => {
      const form = await complaintFormOf(req.server.db, req.params.slug);
      if (!form) return html(reply, 404, NOT_FOUND);
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const values: Values = Object.fromEntries(FIELDS.flatMap((f) => (typeof raw[f] === 'string' ? [[f, raw[f] as string]] : [])));
      // Shown again with a fresh timing field and what they typed, so a person only sends it again.
      const refuse = (status: number, notice: string) => html(reply, status, formPage(form, token(), values, {}, notice));
      if (typeof raw.website === 'string' && raw.website !== '')
        return refuse(400, 'We could not accept this form. Please leave the last, hidden field empty and send it again.');
      const timing = checkFormTiming(options.formKey, raw.started, Date.now());
      if (timing !== 'ok')
        return refuse(
          400,
          timing === 'fast'
            ? 'That was quicker than we expected. Please check your answers and send the form again.'
            : 'This form was open for a long time. Please check your answers and send it again.',
        );
      const parsed = ZComplaintForm.safeParse(values);
      const now = new Date();
      const errors: Record<string, string> = {};
      for (const issue of parsed.success ? [] : parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      if (parsed.success && parsed.data.when && isInTheFuture(`${parsed.data.when}T00:00:00.000Z`, now))
        errors.when = 'The date cannot be in the future.';
      if (parsed.success && parsed.data.teamId && !form.teams.some((t) => t.id === parsed.data.teamId))
        errors.teamId = 'Please pick a place from the list.';
      if (!parsed.success || Object.keys(errors).length > 0) return html(reply, 400, formPage(form, token(), values, errors));
      const d = parsed.data;
      const outcome = await fileComplaint(
        req.server.db,
        req.params.slug,
        {
          name: d.name,
          email: d.email,
          phone: d.phone,
          story: d.story,
          wants: d.wants,
          occurredAt: d.when ? new Date(Math.min(Date.parse(`${d.when}T12:00:00.000Z`), now.getTime())).toISOString() : undefined,
          teamId: d.teamId,
          employeeName: d.employeeName,
        },
        now,
        options.links,
      );
      if (outcome.kind === 'unknown') return html(reply, 404, NOT_FOUND);
      if (outcome.kind === 'busy')
        return refuse(429, 'We have received many reports in the last hour and cannot take this one now. Please try again in an hour.');
      const url = statusPageUrl(options.links.publicUrl, outcome.token);
      return html(
        reply,
        201,
        publicPage(
          'Thank you, we have your report',
          `<p>Your case number is <strong>${escapeHtml(outcome.ref)}</strong>. A person from our team will read it and get back to you.</p>
<p>We have emailed you a private link to follow your case and add anything you remember. You can also use it now:</p>
<p><a href="${escapeHtml(url)}">See your case</a></p>`,
        ),
      );
    },
  );
};
