import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_RULE, evaluateRule, type RuleCaseFacts, windowStart } from './review-rules.js';
import { assertDecidable, assertSignOff, noticeOf } from './reviews.js';

const now = new Date('2026-06-30T12:00:00.000Z');
const fact = (over: Partial<RuleCaseFacts>): RuleCaseFacts => ({
  caseId: Math.random().toString(36),
  ref: 'C-2026-000001',
  reportedAt: '2026-05-01T10:00:00.000Z',
  lossMinor: 60_000,
  currency: 'USD',
  customerFlagged: false,
  rootCause: 'employee_conduct',
  costApproved: false,
  unhappyFollowUps: 0,
  brokenPromises: 0,
  ...over,
});
const rule = { id: 'r', ...DEFAULT_REVIEW_RULE };

describe('review rules', () => {
  it('counts costly cases inside the window, sets apart unfair ones, and ignores small or old ones', () => {
    const out = evaluateRule(
      rule,
      [
        fact({}),
        fact({ customerFlagged: true }),
        fact({ rootCause: 'staffing' }),
        fact({ costApproved: true }),
        fact({ lossMinor: 49_999 }),
        fact({ reportedAt: '2025-06-29T12:00:00.000Z' }),
      ],
      now,
    );
    expect(out).toMatchObject({ flagged: false, total: 1 });
    expect(out.excluded.map((c) => c.reasons)).toEqual([['abusive_customer'], ['systemic_root_cause'], ['approved_cost']]);
    const counted = evaluateRule({ ...rule, countExclusions: ['approved_cost'] }, [fact({}), fact({ costApproved: true })], now);
    expect(counted).toMatchObject({ flagged: true, total: 2 });
    expect(evaluateRule({ ...rule, enabled: false }, [fact({}), fact({})], now).flagged).toBe(false);
    expect(evaluateRule({ ...rule, currency: 'EUR' }, [fact({}), fact({})], now).total).toBe(0);
  });

  it('weighs unhappy follow-ups and broken promises by how many each case had', () => {
    const unhappy = { ...rule, kind: 'unhappy_follow_ups' as const, threshold: 3, windowMonths: 6, minLossMinor: null };
    expect(evaluateRule(unhappy, [fact({ unhappyFollowUps: 2 }), fact({ unhappyFollowUps: 1 })], now)).toMatchObject({
      flagged: true,
      total: 3,
    });
    expect(windowStart(now, 6).toISOString()).toBe('2025-12-30T12:00:00.000Z');
  });
});

describe('review decisions', () => {
  const facts = {
    status: 'open' as const,
    responseDueAt: '2026-07-07T12:00:00.000Z',
    waived: false,
    firstDecider: null,
    comparableOutcomes: [],
  };
  const code = (fn: () => void) => {
    try {
      fn();
      return 'ok';
    } catch (e) {
      return (e as { code: string }).code;
    }
  };
  it('refuses a decision inside the window, without rationale, departing without reason, or an appeal by the first decider', () => {
    const input = { outcome: 'coaching' as const, rationale: 'Because' };
    expect(code(() => assertDecidable(facts, input, 'hr', now))).toBe('conflict');
    expect(code(() => assertDecidable({ ...facts, waived: true }, input, 'hr', now))).toBe('ok');
    expect(code(() => assertDecidable({ ...facts, waived: true }, { ...input, rationale: ' ' }, 'hr', now))).toBe('validation');
    expect(code(() => assertDecidable({ ...facts, waived: true, comparableOutcomes: ['no_action'] }, input, 'hr', now))).toBe('validation');
    expect(
      code(() =>
        assertDecidable({ ...facts, waived: true, comparableOutcomes: ['no_action'] }, { ...input, departureReason: 'Worse' }, 'hr', now),
      ),
    ).toBe('ok');
    expect(code(() => assertDecidable({ ...facts, waived: true, status: 'appealed', firstDecider: 'hr' }, input, 'hr', now))).toBe(
      'forbidden',
    );
    expect(code(() => assertSignOff('hr', 'hr', 'hr'))).toBe('forbidden');
    expect(code(() => assertSignOff('hr', 'sup', 'supervisor'))).toBe('forbidden');
    expect(code(() => assertSignOff('hr', 'admin', 'admin'))).toBe('ok');
  });

  it('gives notice only for training on the policy before the case', () => {
    const records = [
      {
        kind: 'practice' as const,
        key: 'refund-no-receipt',
        title: 'A refund without a receipt',
        finishedAt: '2026-04-01T00:00:00.000Z',
        passed: true,
      },
      {
        kind: 'practice' as const,
        key: 'cake-not-ready',
        title: 'The birthday cake',
        finishedAt: '2026-04-01T00:00:00.000Z',
        passed: true,
      },
    ];
    expect(noticeOf('Refunds and receipts policy', records, '2026-05-01T00:00:00.000Z').records.map((r) => r.key)).toEqual([
      'refund-no-receipt',
    ]);
    expect(noticeOf('Refunds and receipts policy', records, '2026-03-01T00:00:00.000Z').trained).toBe(false);
    expect(noticeOf('Price matching', records, '2026-05-01T00:00:00.000Z').trained).toBe(false);
  });
});
