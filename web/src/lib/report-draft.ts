import type { Channel, CustomerState, ImpactKind, NewCase, RiskFlag } from '../api/types.js';
import { type KeyValueStore, readJson, writeJson } from './storage.js';
import { fromLocalInput } from './time.js';

/** Everything the report form holds, as the person typed it (strings for inputs). */
export type ReportDraft = {
  title: string;
  summary: string;
  occurredAt: string;
  channel: Channel | '';
  teamId: string;
  involvement: 'primary' | 'witness' | 'not_involved';
  otherEmployeeIds: string[];
  customerName: string;
  customerEmail: string;
  customerPhone: string;
  customerState: CustomerState | '';
  severity: '1' | '2' | '3' | '4' | '';
  amount: string;
  currency: string;
  impactKind: ImpactKind | '';
  riskFlags: RiskFlag[];
  savedAt?: string;
};

export const EMPTY_DRAFT: ReportDraft = {
  title: '',
  summary: '',
  occurredAt: '',
  channel: '',
  teamId: '',
  involvement: 'primary',
  otherEmployeeIds: [],
  customerName: '',
  customerEmail: '',
  customerPhone: '',
  customerState: '',
  severity: '',
  amount: '',
  currency: 'EUR',
  impactKind: '',
  riskFlags: [],
};

const draftKey = (userId: string) => `defuse:report-draft:${userId}`;

const isDraft = (v: unknown): v is ReportDraft =>
  typeof v === 'object' && v !== null && typeof (v as ReportDraft).title === 'string' && typeof (v as ReportDraft).summary === 'string';

/** The user's saved draft merged over the empty one (so fields added later get defaults), or null. */
export function loadDraft(store: KeyValueStore | null, userId: string): ReportDraft | null {
  const saved = readJson<ReportDraft | null>(store, draftKey(userId), (v): v is ReportDraft | null => isDraft(v), null);
  return saved ? { ...EMPTY_DRAFT, ...saved } : null;
}

/** Keeps the draft unless it is still empty, so opening the form leaves nothing behind. */
export function saveDraft(store: KeyValueStore | null, userId: string, draft: ReportDraft, now: Date): void {
  if (isBlank(draft)) {
    store?.removeItem(draftKey(userId));
    return;
  }
  writeJson(store, draftKey(userId), { ...draft, savedAt: now.toISOString() });
}

export function clearDraft(store: KeyValueStore | null, userId: string): void {
  try {
    store?.removeItem(draftKey(userId));
  } catch {
    // nothing to clear
  }
}

/** True when nobody has typed anything that would be lost. */
export function isBlank(d: ReportDraft): boolean {
  return (
    !d.title.trim() &&
    !d.summary.trim() &&
    !d.occurredAt &&
    !d.channel &&
    !d.customerName.trim() &&
    !d.customerState &&
    !d.severity &&
    !d.amount &&
    d.riskFlags.length === 0 &&
    d.otherEmployeeIds.length === 0
  );
}

/**
 * A first guess at severity from the facts, which the reporter can change: hostile customers,
 * legal or media threats and large sums are serious; a calm customer with nothing at stake is not.
 */
export function suggestSeverity(d: Pick<ReportDraft, 'customerState' | 'riskFlags' | 'amount'>): 1 | 2 | 3 | 4 {
  const amount = parseAmount(d.amount) ?? 0;
  if (d.customerState === 'hostile' || d.riskFlags.includes('legal_threat') || d.riskFlags.includes('media') || amount >= 1000) return 1;
  if (d.customerState === 'angry' || d.riskFlags.length > 0 || amount >= 200) return 2;
  if (d.customerState === 'frustrated' || amount > 0) return 3;
  return 4;
}

/** The POST /cases body for a draft; `me` names the reporter's own employee record. */
export function draftToNewCase(d: ReportDraft, me: { employeeId: string | null }): NewCase {
  const employees: NonNullable<NewCase['employees']> = [];
  if (me.employeeId && d.involvement !== 'not_involved') employees.push({ employeeId: me.employeeId, role: d.involvement });
  for (const id of d.otherEmployeeIds) {
    if (id !== me.employeeId && !employees.some((e) => e.employeeId === id)) employees.push({ employeeId: id, role: 'witness' });
  }
  const amount = parseAmount(d.amount);
  const severity = d.severity ? (Number(d.severity) as 1 | 2 | 3 | 4) : suggestSeverity(d);
  return {
    title: d.title.trim(),
    summary: d.summary.trim(),
    channel: (d.channel || 'other') as Channel,
    severity,
    customerState: (d.customerState || 'calm') as CustomerState,
    ...(d.teamId ? { teamId: d.teamId } : {}),
    ...(fromLocalInput(d.occurredAt) ? { occurredAt: fromLocalInput(d.occurredAt) } : {}),
    ...(d.customerName.trim()
      ? {
          customer: {
            name: d.customerName.trim(),
            ...(d.customerEmail.trim() ? { email: d.customerEmail.trim() } : {}),
            ...(d.customerPhone.trim() ? { phone: d.customerPhone.trim() } : {}),
          },
        }
      : {}),
    ...(employees.length ? { employees } : {}),
    ...(amount !== null && amount > 0
      ? { financialImpact: { amount, currency: d.currency.trim().toUpperCase() || 'EUR', kind: d.impactKind || 'refund' } }
      : {}),
    ...(d.riskFlags.length ? { riskFlags: d.riskFlags } : {}),
  };
}

/** A typed amount ("249.50", "249,50", " 80 ") as a number, or null when it is not one. */
export function parseAmount(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
