/**
 * Worked examples for the main operations of the OpenAPI document, keyed by operationId: what a
 * client sends and what it gets back. Redocly checks each against its schema (the lint test), and
 * src/http/openapi-examples.test.ts sends the requests to a real server and compares the answers'
 * shape with these, so an example cannot drift from the API it describes.
 */

export type OperationExample = {
  summary: string;
  /** Example values of path and query parameters, by name. */
  parameters?: Record<string, string | number>;
  request?: unknown;
  /** Example bodies by status code. */
  responses?: Record<string, unknown>;
};

const CASE_ID = '019a8c2e-5d10-7b3c-9f41-2c6d8e0a1b23';
const CUSTOMER_ID = '019a8c2e-5c90-7e21-a8b4-71f0c3d2e456';
const REPORTER_ID = '019a8c1f-0a40-7c55-b1e2-93d4f5a6b789';
const STATEMENT_ID = '019a8c2f-1e22-7a90-8c3d-4b5e6f708192';
const WEBHOOK_ID = '019a8c30-2b44-7d11-9e5f-a0b1c2d3e4f5';
const AT = '2026-11-24T09:41:00.000Z';

const exampleCase = {
  id: CASE_ID,
  ref: 'C-2026-000123',
  title: 'Refund refused at the till',
  summary:
    'A customer brought back a kettle that stopped working after a week; the cashier refused a refund without a receipt and the customer raised their voice.',
  channel: 'in_person',
  teamId: null,
  customerId: CUSTOMER_ID,
  reporterId: REPORTER_ID,
  assigneeId: null,
  severity: 2,
  customerState: 'angry',
  financialImpact: { amount: 49.9, currency: 'EUR', kind: 'refund' },
  riskFlags: ['threatened_review'],
  status: 'reported',
  nextStatuses: ['acknowledged', 'investigating'],
  occurredAt: '2026-11-24T09:15:00.000Z',
  reportedAt: AT,
  updatedAt: AT,
  sla: {
    acknowledge: { dueAt: '2026-11-24T13:41:00.000Z', state: 'pending', doneAt: null },
    resolve: { dueAt: '2026-11-27T09:41:00.000Z', state: 'pending', doneAt: null },
  },
  clock: { basis: 'calendar', pausedAt: null },
  eventCount: 1,
  caseTypeId: null,
  playbook: null,
  strategy: null,
  outcome: null,
  rootCause: null,
  help: null,
  tags: [],
  mergedInto: null,
};

const exampleStatement = {
  id: STATEMENT_ID,
  party: 'customer',
  employeeId: null,
  authorName: 'Maya Lindqvist',
  body: 'I was told I could bring it back within 30 days. Nobody said a receipt was needed.',
  takenBy: REPORTER_ID,
  takenAt: '2026-11-24T09:52:00.000Z',
  correctsId: null,
};

const exampleWebhook = {
  id: WEBHOOK_ID,
  url: 'https://hooks.example.com/defuse',
  description: 'Ticketing bridge',
  eventTypes: ['case.created', 'case.status_changed'],
  scopes: [],
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  consecutiveFailures: 0,
  secrets: [{ hint: 'Qk0=', createdAt: AT, expiresAt: null }],
  createdAt: AT,
};

const figure = (current: number | null, previous: number | null) => ({
  current,
  previous,
  change: current === null || previous === null ? null : current - previous,
});
const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

const exampleDashboard = {
  period: { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' },
  previous: { from: '2026-11-16T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' },
  bucket: 'week',
  timeZone: 'UTC',
  headline: {
    cases: figure(14, 11),
    acknowledgeMedian: figure(2460, 3120),
    acknowledgeP90: figure(9800, 12600),
    resolveMedian: figure(151200, 172800),
    resolveP90: figure(302400, 345600),
    breaches: figure(1, 3),
    breachRate: figure(0.07, 0.27),
    customerSatisfaction: figure(4.1, 3.8),
    customerGoodShare: figure(0.75, 0.6),
    employeeSupported: figure(4.3, 4),
    keptOnTimeRate: figure(0.9, 0.8),
    repeatCustomers: figure(2, 1),
    threats: figure(1, 2),
  },
  volume: {
    overTime: [{ bucket: '2026-11-23', from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z', count: 14 }],
    byTeam: [{ key: '019a8c10-7f00-7a00-8b00-0c0d0e0f1011', label: 'Riverside store', count: 9 }],
    byChannel: [
      { key: 'in_person', label: 'In person', count: 8 },
      { key: 'email', label: 'Email', count: 6 },
    ],
    bySeverity: [
      { key: '1', label: 'Severity 1', count: 1 },
      { key: '2', label: 'Severity 2', count: 4 },
      { key: '3', label: 'Severity 3', count: 7 },
      { key: '4', label: 'Severity 4', count: 2 },
    ],
    byRootCause: [{ key: 'process', label: 'Process', count: 3 }],
  },
  response: {
    acknowledge: { count: 13, median: 2460, p90: 9800 },
    resolve: { count: 6, median: 151200, p90: 302400 },
    breaches: {
      count: 1,
      rate: 0.07,
      bySeverity: [
        { severity: 1, cases: 1, breached: 0, rate: 0 },
        { severity: 2, cases: 4, breached: 1, rate: 0.25 },
        { severity: 3, cases: 7, breached: 0, rate: 0 },
        { severity: 4, cases: 2, breached: 0, rate: 0 },
      ],
    },
  },
  satisfaction: {
    customer: { asked: 6, answered: 4, responseRate: 0.67, mean: 4.1, goodShare: 0.75, distribution: [0, 0, 1, 1, 2] },
    employee: { asked: 6, answered: 3, responseRate: 0.5, mean: 4.3, goodShare: 1, distribution: [0, 0, 0, 2, 1] },
  },
  cost: { byKind: [], byTeam: [] },
  commitments: { closed: 10, keptOnTime: 9, broken: 1, overdueNow: 0, rate: 0.9, byTeam: [], byOwner: [] },
  coaching: {
    replies: 0,
    parts: ['empathy', 'comprehension', 'solution', 'tone', 'clarity', 'closing'].map((part) => ({ part, average: null })),
    byTeam: [],
    overTime: [{ bucket: '2026-11-23', replies: 0, average: null }],
  },
  customers: { repeatCustomers: 2, casesOfRepeatCustomers: 5, threats: 1 },
  themes: [],
  backlog: days.map((date, i) => ({ date, open: 20 + i })),
  heatmap: [],
};

export const OPERATION_EXAMPLES: Record<string, OperationExample> = {
  postCases: {
    summary: 'A refund refused at the till, with the customer’s details',
    request: {
      title: 'Refund refused at the till',
      summary: exampleCase.summary,
      channel: 'in_person',
      severity: 2,
      customerState: 'angry',
      occurredAt: '2026-11-24T09:15:00.000Z',
      customer: { name: 'Maya Lindqvist', email: 'maya.lindqvist@example.com' },
      financialImpact: { amount: 49.9, currency: 'EUR', kind: 'refund' },
      riskFlags: ['threatened_review'],
    },
    responses: {
      201: exampleCase,
      400: {
        type: 'urn:defuse:problem:validation',
        title: 'The request is not valid',
        status: 400,
        detail: 'body.title: must not be empty',
        errors: [{ path: 'body.title', message: 'must not be empty' }],
      },
    },
  },
  getCases: {
    summary: 'Severity 1 and 2 cases still reported, most urgent first',
    parameters: { status: 'reported', severity: '1,2', sort: 'next_due_at', limit: 25 },
    responses: { 200: { items: [exampleCase], nextCursor: null, total: 1, totalCapped: false } },
  },
  postCasesByRefStatements: {
    summary: 'The customer’s own account',
    parameters: { ref: 'C-2026-000123' },
    request: { party: 'customer', authorName: 'Maya Lindqvist', body: exampleStatement.body },
    responses: { 201: exampleStatement },
  },
  getCasesByRefStatements: {
    summary: 'Every statement on a case, both sides',
    parameters: { ref: 'C-2026-000123' },
    responses: { 200: { items: [exampleStatement] } },
  },
  postWebhooks: {
    summary: 'Tell a ticketing system about new cases and status changes',
    request: {
      url: 'https://hooks.example.com/defuse',
      description: 'Ticketing bridge',
      eventTypes: ['case.created', 'case.status_changed'],
    },
    responses: { 201: { ...exampleWebhook, secret: 'whsec_MfKQ9r0qHAGgVAvXAeCxtWnkpDTa3C6Ys3LnbQk0' } },
  },
  getWebhooks: {
    summary: 'The workspace’s subscriptions (secrets are never shown again)',
    responses: { 200: { items: [exampleWebhook] } },
  },
  getReportsDashboard: {
    summary: 'Last week’s figures beside the week before',
    parameters: { from: '2026-11-23T00:00:00Z', to: '2026-11-30T00:00:00Z', bucket: 'week' },
    responses: { 200: exampleDashboard },
  },
};

type Operation = {
  parameters?: { name?: string; example?: unknown }[];
  requestBody?: { content?: Record<string, { examples?: Record<string, unknown> }> };
  responses?: Record<string, { content?: Record<string, { examples?: Record<string, unknown> }> }>;
};

/** Puts the examples into the document: on parameters, on the JSON request body and on each response's JSON body. */
export function addExamples<T>(document: T): T {
  for (const operations of Object.values(
    (document as { paths?: Record<string, Record<string, Operation & { operationId?: string }>> }).paths ?? {},
  )) {
    for (const operation of Object.values(operations)) {
      const example = operation.operationId ? OPERATION_EXAMPLES[operation.operationId] : undefined;
      if (!example) continue;
      for (const parameter of operation.parameters ?? [])
        if (parameter.name && example.parameters?.[parameter.name] !== undefined) parameter.example = example.parameters[parameter.name];
      const body = operation.requestBody?.content?.['application/json'];
      if (body && example.request !== undefined) body.examples = { example: { summary: example.summary, value: example.request } };
      for (const [status, value] of Object.entries(example.responses ?? {})) {
        const media = operation.responses?.[status]?.content?.['application/json'];
        if (media) media.examples = { example: { summary: Number(status) >= 400 ? 'What a refusal looks like' : example.summary, value } };
      }
    }
  }
  return document;
}
