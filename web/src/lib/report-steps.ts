import type { FieldProblem } from '../api/client.js';
import type { ReportDraft } from './report-draft.js';

/** The incident report's four steps, by their headings. */
export const REPORT_STEPS = ['What happened', 'Who was involved', 'The customer and what’s at stake', 'Check and send'] as const;

const LAST_STEP = REPORT_STEPS.length - 1;

/** Which step shows each API field, so a server error takes the person to the right place. */
const FIELD_STEP: Record<string, number> = {
  title: 0,
  summary: 0,
  occurredAt: 0,
  channel: 0,
  teamId: 1,
  employees: 1,
  customer: 1,
  'customer.name': 1,
  'customer.email': 1,
  'customer.phone': 1,
  customerState: 2,
  riskFlags: 2,
  financialImpact: 2,
  'financialImpact.amount': 2,
  'financialImpact.currency': 2,
  severity: 3,
};

/** What keeps a step from going on, by field: empty when the person may continue. */
export function stepProblems(draft: ReportDraft, step: number, nowMs: number): Record<string, string> {
  const errors: Record<string, string> = {};
  if (step === 0) {
    if (!draft.title.trim()) errors.title = 'Give the incident a short title';
    if (!draft.summary.trim()) errors.summary = 'Describe what happened, even briefly';
    if (!draft.channel) errors.channel = 'Choose where it happened';
    if (draft.occurredAt && new Date(draft.occurredAt).getTime() > nowMs + 5 * 60_000) errors.occurredAt = 'This is in the future';
  }
  if (step === 2 && !draft.customerState) errors.customerState = 'Choose the closest description';
  return errors;
}

/** The earliest step showing one of the API's field problems; the last step for fields it does not know. */
export function firstStepWithProblem(problems: readonly FieldProblem[]): number {
  const steps = problems.map((p) => {
    const field = p.path.replace(/^body\./, '');
    return FIELD_STEP[field] ?? FIELD_STEP[field.split('.')[0] ?? ''] ?? LAST_STEP;
  });
  return Math.min(...steps, LAST_STEP);
}

/** Whether this is the step that sends the report. */
export const isLastStep = (step: number) => step === LAST_STEP;
