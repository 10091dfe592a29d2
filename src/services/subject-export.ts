import { isFlagActive } from '../domain/data-rights.js';
import { notFound } from '../domain/errors.js';
import { findCustomerRecord, listCustomerContacts } from '../store/customer-records.js';
import type { Db } from '../store/schema.js';
import {
  attachmentsOfCases,
  commitmentsOfCases,
  customerCaseRows,
  customerFollowUpsOfCases,
  dataRequestsAbout,
  employeeRecord,
  eventsOfCases,
  mailTo,
  resolutionsOfCases,
  statementsOfCases,
  workspaceName,
} from '../store/subject-records.js';
import { recordAccess } from './access-log.js';
import { requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';

/** One section of an export: a heading and its rows of label → value, or a list of such rows. */
export type ExportSection = { title: string; rows: Record<string, string | number | boolean | null>[] };

/** Everything held about one person, as data (the JSON export) and as sections (the readable one). */
export type SubjectExport = {
  kind: 'customer' | 'employee';
  id: string;
  exportedAt: string;
  /** Who holds the data (the workspace), named on the readable export. */
  holder: string;
  data: Record<string, unknown>;
  sections: ExportSection[];
};

/** Timeline entries that carry words someone wrote; the rest are listed by kind and time. */
const wordsOf = (kind: string, data: Record<string, unknown>): string | null => {
  if (kind === 'note' && typeof data.text === 'string') return data.text;
  if (kind === 'reply' && typeof data.body === 'string') return data.body;
  if (kind === 'abuse_reported' && typeof data.note === 'string') return data.note;
  return null;
};

/** Exports everything held about a customer, audited in the access log. */
export async function exportCustomer(ctx: ServiceContext, customerId: string): Promise<SubjectExport> {
  requirePermission(ctx.actor, 'read', 'personal_data');
  const ws = ctx.actor.workspaceId;
  const c = await findCustomerRecord(ctx.db, ws, customerId);
  if (!c) throw notFound('Customer');
  const data = await customerData(ctx.db, ws, customerId, ctx.now);
  await recordAccess(ctx, { action: 'export', resource: 'personal_data', subjectId: customerId, subjectLabel: 'customer record exported' });
  const d = data as CustomerData;
  const sections: ExportSection[] = [
    { title: 'Customer', rows: [d.customer] },
    { title: 'Further contacts', rows: d.contacts },
    { title: 'Abuse flag', rows: d.abuseFlag ? [d.abuseFlag] : [] },
    {
      title: 'Cases',
      rows: d.cases.map(({ statements: _s, files: _files, timeline: _t, promises: _p, followUps: _f, resolution: _r, ...rest }) => rest),
    },
    ...d.cases.flatMap((k) => [
      { title: `${k.ref}: statements`, rows: k.statements },
      { title: `${k.ref}: files`, rows: k.files },
      { title: `${k.ref}: timeline`, rows: k.timeline },
      { title: `${k.ref}: promises`, rows: k.promises },
      { title: `${k.ref}: follow-ups`, rows: k.followUps },
      { title: `${k.ref}: resolution`, rows: k.resolution ? [k.resolution] : [] },
    ]),
    { title: 'Mail sent', rows: d.mail },
    { title: 'Requests about their data', rows: d.dataRequests },
  ];
  return { kind: 'customer', id: customerId, exportedAt: ctx.now.toISOString(), holder: await workspaceName(ctx.db, ws), data, sections };
}

type Row = Record<string, string | number | boolean | null>;
type CaseData = {
  ref: string;
  title: string;
  summary: string;
  channel: string;
  status: string;
  outcome: string | null;
  reportedAt: string;
  resolvedAt: string | null;
  statements: Row[];
  files: Row[];
  timeline: Row[];
  promises: Row[];
  followUps: Row[];
  resolution: Row | null;
};
type CustomerData = {
  customer: Row;
  contacts: Row[];
  abuseFlag: Row | null;
  cases: CaseData[];
  mail: Row[];
  dataRequests: Row[];
};

async function customerData(db: Db, ws: string, id: string, now: Date): Promise<CustomerData> {
  const c = (await findCustomerRecord(db, ws, id)) as NonNullable<Awaited<ReturnType<typeof findCustomerRecord>>>;
  const contacts = await listCustomerContacts(db, ws, id);
  const cases = await customerCaseRows(db, ws, id);
  const ids = cases.map((k) => k.id);
  const [events, statements, files, promises, resolutions, followUps, requests] = await Promise.all([
    eventsOfCases(db, ws, ids),
    statementsOfCases(db, ws, ids),
    attachmentsOfCases(db, ws, ids),
    commitmentsOfCases(db, ws, ids),
    resolutionsOfCases(db, ws, ids),
    customerFollowUpsOfCases(db, ws, ids),
    dataRequestsAbout(db, ws, 'customer', id),
  ]);
  const addresses = [c.email, ...contacts.filter((x) => x.kind === 'email').map((x) => x.value)].filter((a): a is string => !!a);
  const mail = await mailTo(db, ws, ids, addresses);
  return {
    customer: {
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      createdAt: c.created_at,
      erasedAt: c.erased_at,
      mergedInto: c.merged_into_id,
    },
    contacts: contacts.map((x) => ({ kind: x.kind, value: x.value, since: x.created_at })),
    abuseFlag: c.flagged_at
      ? {
          flaggedAt: c.flagged_at,
          reason: c.flag_reason,
          expiresAt: c.flag_expires_at,
          active: isFlagActive(c.flagged_at, c.flag_expires_at, now),
        }
      : null,
    cases: cases.map((k) => {
      const r = resolutions.find((x) => x.case_id === k.id);
      return {
        ref: k.ref,
        title: k.title,
        summary: k.summary,
        channel: k.channel,
        status: k.status,
        outcome: k.outcome,
        reportedAt: k.reported_at,
        resolvedAt: k.resolved_at,
        statements: statements
          .filter((s) => s.case_id === k.id)
          .map((s) => ({ party: s.party, author: s.author_name, words: s.body, takenAt: s.taken_at })),
        // Listed, not included: the bytes are handed over on request. An erased one says so, and when.
        files: files
          .filter((f) => f.case_id === k.id)
          .map((f) => ({
            file: f.file_name,
            type: f.content_type,
            size: f.size,
            from: f.source === 'email' ? 'an email' : f.statement_party === 'customer' ? 'a statement of theirs' : 'staff',
            addedAt: f.added_at,
            sha256: f.sha256,
            erasedAt: f.erased_at,
            status: f.erased_at ? `erased with their personal data on ${f.erased_at.slice(0, 10)}` : 'kept',
          })),
        timeline: events
          .filter((e) => e.case_id === k.id)
          .map((e) => ({
            seq: e.seq,
            at: e.at,
            kind: e.kind,
            words: wordsOf(e.kind, JSON.parse(e.data) as Record<string, unknown>),
            hash: e.hash,
          })),
        promises: promises.filter((p) => p.case_id === k.id).map((p) => ({ promise: p.text, dueAt: p.due_at, status: p.status })),
        followUps: followUps
          .filter((f) => f.case_id === k.id)
          .map((f) => ({ status: f.status, dueAt: f.due_at, answeredAt: f.answered_at, satisfaction: f.satisfaction, answer: f.answer })),
        resolution: r
          ? { problem: r.problem, solution: r.solution, cost: r.cost_minor / 100, currency: r.currency, approval: r.approval_state }
          : null,
      };
    }),
    mail: mail.map((m) => ({ to: m.to_address, subject: m.subject, words: m.text_body, queuedAt: m.created_at, sentAt: m.sent_at })),
    dataRequests: requests.map((r) => ({
      kind: r.kind,
      law: r.regime,
      requestedBy: r.requested_by,
      receivedAt: r.received_at,
      dueAt: r.due_at,
      status: r.status,
      outcome: r.outcome,
    })),
  };
}

/** Exports what is held about an employee for their own request, audited in the access log. */
export async function exportEmployee(ctx: ServiceContext, employeeId: string): Promise<SubjectExport> {
  requirePermission(ctx.actor, 'read', 'personal_data');
  const ws = ctx.actor.workspaceId;
  const record = await employeeRecord(ctx.db, ws, employeeId);
  if (!record) throw notFound('Employee');
  const requests = await dataRequestsAbout(ctx.db, ws, 'employee', employeeId);
  await recordAccess(ctx, { action: 'export', resource: 'personal_data', subjectId: employeeId, subjectLabel: 'employee record exported' });
  const e = record.employee;
  const person = { id: e.id, name: e.name, email: e.email, team: e.team, since: e.created_at };
  const cases = record.cases.map((k) => ({ ref: k.ref, title: k.title, status: k.status, reportedAt: k.reported_at, role: k.role }));
  const statements = record.statements.map((s) => ({ case: s.ref, words: s.body, takenAt: s.taken_at }));
  const support = record.support.map((s) => ({ kind: s.kind, status: s.status, askedAt: s.created_at, closedAt: s.closed_at }));
  // The employee's own side of a review is theirs; HR's evidence and findings are reached through HR.
  const reviews = record.reviews.map((r) => ({ status: r.status, openedAt: r.opened_at, ownStatement: r.employee_statement }));
  const dataRequests = requests.map((r) => ({
    kind: r.kind,
    law: r.regime,
    receivedAt: r.received_at,
    status: r.status,
    outcome: r.outcome,
  }));
  return {
    kind: 'employee',
    id: employeeId,
    exportedAt: ctx.now.toISOString(),
    holder: await workspaceName(ctx.db, ws),
    data: { employee: person, cases, statements, support, reviews, dataRequests },
    sections: [
      { title: 'Employee', rows: [person] },
      { title: 'Cases they are part of', rows: cases },
      { title: 'Their statements', rows: statements },
      { title: 'Support they asked for', rows: support },
      { title: 'Reviews of them', rows: reviews },
      { title: 'Requests about their data', rows: dataRequests },
    ],
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The readable export: one self-contained HTML page with a table per section (no script, no outside resources). */
export function renderExportHtml(x: SubjectExport): string {
  const title = `What ${x.holder} holds about this ${x.kind}`;
  const body = x.sections
    .map((s) => {
      if (s.rows.length === 0) return `<h2>${escapeHtml(s.title)}</h2>\n<p>None.</p>`;
      const cols = [...new Set(s.rows.flatMap((r) => Object.keys(r)))];
      const head = cols.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
      const rows = s.rows.map(
        (r) => `<tr>${cols.map((c) => `<td>${escapeHtml(r[c] === null || r[c] === undefined ? '' : String(r[c]))}</td>`).join('')}</tr>`,
      );
      return `<h2>${escapeHtml(s.title)}</h2>\n<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%;margin-bottom:1rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top;white-space:pre-wrap}th{background:#eee}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
<p>Exported ${escapeHtml(x.exportedAt)} under a request for access to personal data.</p>
${body}
</body></html>
`;
}
