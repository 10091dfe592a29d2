/** The kinds of root cause a closed case is filed under, so patterns across cases can be counted. */
export const ROOT_CAUSE_CATEGORIES = [
  'process',
  'policy',
  'product',
  'communication',
  'staffing',
  'training',
  'customer_expectation',
  'employee_conduct',
  'other',
] as const;
export type RootCauseCategory = (typeof ROOT_CAUSE_CATEGORIES)[number];

export type RootCause = { category: RootCauseCategory; whys: string[]; factors: string[] };

export const MAX_WHYS = 5;
export const MAX_FACTORS = 10;

export type ClosingFacts = { outcome?: string | undefined; rootCause?: Partial<RootCause> | undefined };

/**
 * What is missing before a case may close: an outcome, a root-cause category and a why-chain of one
 * to five answers. Returns field errors keyed the way the API names the fields; empty when complete.
 */
export function closingGaps(facts: ClosingFacts): { path: string; message: string }[] {
  const gaps: { path: string; message: string }[] = [];
  if (!facts.outcome?.trim()) gaps.push({ path: 'outcome', message: 'say how the case ended before closing it' });
  const rc = facts.rootCause;
  if (!rc?.category) gaps.push({ path: 'rootCause.category', message: 'choose what kind of root cause this was' });
  const whys = (rc?.whys ?? []).filter((w) => w.trim());
  if (whys.length < 1 || whys.length > MAX_WHYS)
    gaps.push({ path: 'rootCause.whys', message: `answer "why?" at least once and at most ${MAX_WHYS} times` });
  return gaps;
}
