/**
 * Which case a team talks about: the rule the agenda states and applies. Seed 001's idea is one
 * challenging situation per team meeting; "challenging" is made of facts the records hold, each
 * worth stated points, so a supervisor can see why this case and not another.
 */

/** What the rule reads of one case. */
export type CaseSignals = {
  id: string;
  ref: string;
  /** 1 is the most serious, 4 the least. */
  severity: number;
  customerState: string;
  status: string;
  reportedAt: string;
  /** The larger of the financial impact and the agreed cost, in major units (any currency). */
  amount: number;
  riskFlags: readonly string[];
  brokenPromises: number;
  /** Lowest customer satisfaction answered (1–5), null when none. */
  customerSatisfaction: number | null;
  /** Lowest "felt supported" an involved employee answered (1–5), null when none. */
  employeeSupport: number | null;
};

export type Reason = { key: string; points: number; text: string };
export type Scored = { signals: CaseSignals; points: number; reasons: Reason[] };

const FINISHED = new Set(['resolved', 'following_up', 'closed']);

/** The rule in words, as the agenda prints it. */
export const SELECTION_RULE =
  'Each team gets the case of the last four weeks (not discussed at an earlier meeting) with the most points: ' +
  'severity 1–4 gives 40, 30, 20 or 10; a cost or loss of 500 or more gives 20 (100 or more: 10; any: 5); ' +
  'a broken promise 25; an unhappy follow-up (customer satisfaction or employee support 2 of 5 or lower) 25; ' +
  'a case that went well despite an angry or hostile customer (finished, customer satisfied 4 or 5) 20; ' +
  'a threatened review, public post, legal threat or media 10. Ties go to the more serious, then the older case.';

/** Weeks of cases an agenda chooses from, ending with its own week. */
export const AGENDA_LOOKBACK_WEEKS = 4;

/** Scores one case by the rule, with each reason that added points. */
export function scoreCase(s: CaseSignals): Scored {
  const reasons: Reason[] = [];
  const add = (key: string, points: number, text: string) => reasons.push({ key, points, text });
  const severity = Math.min(4, Math.max(1, s.severity));
  add('severity', (5 - severity) * 10, `severity ${severity}`);
  if (s.amount >= 500) add('cost', 20, `cost or loss of ${Math.round(s.amount)}`);
  else if (s.amount >= 100) add('cost', 10, `cost or loss of ${Math.round(s.amount)}`);
  else if (s.amount > 0) add('cost', 5, `cost or loss of ${Math.round(s.amount)}`);
  if (s.brokenPromises > 0)
    add('broken_promise', 25, s.brokenPromises === 1 ? 'a promise was broken' : `${s.brokenPromises} promises were broken`);
  const unhappy = [s.customerSatisfaction, s.employeeSupport].some((v) => v !== null && v <= 2);
  if (unhappy) add('unhappy_follow_up', 25, 'an unhappy follow-up');
  const hostile = s.customerState === 'hostile' || s.customerState === 'angry';
  if (hostile && FINISHED.has(s.status) && (s.customerSatisfaction ?? 0) >= 4)
    add('went_well', 20, `went well despite an ${s.customerState} customer`);
  if (s.riskFlags.length > 0) add('risk', 10, `risk to reputation (${s.riskFlags.join(', ').replace(/_/g, ' ')})`);
  return { signals: s, points: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** The candidates best first: most points, then more serious, then older, then by reference. */
export function rankCases(candidates: readonly CaseSignals[]): Scored[] {
  return candidates
    .map(scoreCase)
    .sort(
      (a, b) =>
        b.points - a.points ||
        a.signals.severity - b.signals.severity ||
        a.signals.reportedAt.localeCompare(b.signals.reportedAt) ||
        a.signals.ref.localeCompare(b.signals.ref),
    );
}
