import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding, Move, Span } from '../domain/coach.js';
import { createCoach } from './coach.js';
import { isNegated } from './patterns.js';
import { findShouting } from './shouting.js';

const coach = createCoach();
const NOW = new Date('2026-03-02T10:00:00');
const words = (text: string, span: Span) => text.slice(span[0], span[1]);
/** The words behind every finding of one kind, so each test checks the span, not just the label. */
const found = (text: string, findings: readonly (Finding<string> | Move)[], kind: string) =>
  findings.filter((f) => f.kind === kind).map((f) => words(text, f.span));

describe('customer message', () => {
  it('reads anger, its intensity, threats and wants, each with the words that caused it', () => {
    const text =
      "This is the THIRD time I've called about my refund!!! I want my money back or I'm leaving a 1-star review and calling my lawyer.";
    const r = coach.analyze({ customer: text }).customer;
    expect(r?.emotion).toBe('anger');
    // Intensity ranks messages as people rank how serious a complaint is, so it is checked against a milder one.
    const mild = coach.analyze({ customer: 'My parcel is a day late, could you check where it is?' }).customer;
    expect(r?.intensity).toBeGreaterThan(0.55);
    expect(r?.intensity).toBeGreaterThan((mild?.intensity ?? 1) + 0.2);
    expect(found(text, r?.escalation ?? [], 'repeat_contact')).toEqual(['THIRD time']);
    expect(found(text, r?.escalation ?? [], 'review')).toEqual(['leaving a 1-star review']);
    expect(found(text, r?.escalation ?? [], 'legal')).toEqual(['my lawyer']);
    expect(found(text, r?.wants ?? [], 'refund')).toEqual(['refund', 'my money back']);
  });

  it.each([
    ['I will never shop here again.', 'leave', 'never shop here again'],
    ['I am going to the press with this.', 'media', 'going to the press'],
    ['Put me through to your manager.', 'manager', 'Put me through to your manager'],
    ['I want to speak to a supervisor.', 'manager', 'speak to a supervisor'],
  ])('flags %s as %s', (text, kind, span) => {
    const r = coach.analyze({ customer: text }).customer;
    expect(found(text, r?.escalation ?? [], kind)).toContain(span);
  });

  it.each([
    ['Please send a replacement.', 'replacement', 'send a replacement'],
    ['I expect an apology from the driver.', 'apology', 'an apology'],
    ['Can someone explain why I was charged twice?', 'explanation', 'Can someone explain'],
    ['Please call me back this afternoon.', 'callback', 'call me back'],
    ['I want to speak to a manager.', 'escalation', 'speak to a manager'],
  ])('reads what %s wants', (text, kind, span) => {
    const r = coach.analyze({ customer: text }).customer;
    expect(found(text, r?.wants ?? [], kind)).toEqual([span]);
  });

  it.each([
    ['I am fed up with chasing this.', 'frustration'],
    ['Really disappointed, I expected better.', 'disappointment'],
    ['I am so worried my flight will be missed.', 'anxiety'],
    ["I don't understand which form to fill in.", 'confusion'],
    ['Thank you so much, you were brilliant!', 'gratitude'],
    ['Can I change my delivery day to Friday?', 'neutral'],
  ])('reads "%s" as %s', (text, emotion) => {
    expect(coach.analyze({ customer: text }).customer?.emotion).toBe(emotion);
  });

  it('respects negation: a promise not to review is no review threat, a refused refund is no want', () => {
    const r = coach.analyze({ customer: "I'm not going to leave a review and I don't want a refund, I want a replacement." }).customer;
    expect(r?.escalation).toEqual([]);
    expect(r?.wants.map((w) => w.kind)).toEqual(['replacement']);
  });

  it('hears sarcasm: "thanks for nothing" is not gratitude', () => {
    expect(coach.analyze({ customer: 'Thanks for nothing.' }).customer?.emotion).toBe('anger');
  });

  it('never lowers intensity when the customer adds shouting', () => {
    fc.assert(
      fc.property(fc.constantFrom('My parcel is late.', 'I am annoyed about the wait.', 'Where is my refund?'), (text) => {
        const calm = coach.analyze({ customer: text }).customer?.intensity ?? 0;
        const loud = coach.analyze({ customer: `${text.toUpperCase()}!!!` }).customer?.intensity ?? 0;
        expect(loud).toBeGreaterThanOrEqual(calm);
      }),
    );
  });
});

describe('draft reply', () => {
  it('finds each move with its words, an open question, and a commitment due time', () => {
    const customer = 'The engineer never came on Tuesday and I took the day off work.';
    const reply =
      "I'm so sorry. That must have been really frustrating. So the engineer didn't turn up on Tuesday after you took the day off? " +
      "What time suits you best? Don't worry, you won't be charged. I've booked our senior engineer for Thursday. " +
      "I'll call you back tomorrow at 3pm to confirm. Thank you for your patience.";
    const r = coach.analyze({ customer, reply, now: NOW }).reply;
    // The rules' findings, with their exact words; the learned layer may add whole sentences beside them.
    const moves = (r?.moves ?? []).filter((m) => !m.model);
    for (const m of (r?.moves ?? []).filter((m) => m.model)) {
      expect(m.model?.cues.length, `${m.kind} found by the model names no words`).toBeGreaterThan(0);
      expect(words(reply, m.span)).toMatch(/^\S.*[.?!]$/);
    }
    expect(found(reply, moves, 'apology')).toEqual(["I'm so sorry"]);
    expect(found(reply, moves, 'empathy')).toEqual(['That must have been really frustrating']);
    expect(found(reply, moves, 'paraphrase')).toEqual(["So the engineer didn't turn up on Tuesday after you took the day off?"]);
    expect(moves.filter((m) => m.kind === 'question').map((m) => [words(reply, m.span), m.open])).toEqual([
      ["So the engineer didn't turn up on Tuesday after you took the day off?", false],
      ['What time suits you best?', true],
    ]);
    expect(found(reply, moves, 'reassurance')).toEqual(["Don't worry", "you won't be charged"]);
    expect(found(reply, moves, 'solution')).toEqual(["I've booked our senior engineer for Thursday"]);
    const commitment = moves.find((m) => m.kind === 'commitment');
    expect(words(reply, commitment?.span ?? [0, 0])).toBe("I'll call you back tomorrow at 3pm to confirm");
    expect(commitment?.due).toBe(new Date('2026-03-03T15:00:00').toISOString());
    expect(found(reply, moves, 'thanks')).toEqual(['Thank you']);
    expect(r?.problems).toEqual([]);
    expect(r?.missing).toEqual([]);
    expect(r?.score.total).toBeGreaterThanOrEqual(90);
  });

  it('reads due times on the wall clock of the workspace’s time zone', () => {
    const now = new Date('2026-11-23T18:00:00Z'); // 10:00 in Los Angeles
    const due = (reply: string) =>
      coach.analyze({ reply, now, timeZone: 'America/Los_Angeles' }).reply?.moves.find((m) => m.kind === 'commitment')?.due;
    expect(due("I'll call you back tomorrow at 3pm.")).toBe('2026-11-24T23:00:00.000Z');
    expect(due('I will refund the scarf by Friday.')).toBe('2026-11-28T01:00:00.000Z');
    expect(due("I'll call you back by end of day.")).toBe('2026-11-24T01:00:00.000Z');
    const fridayEvening = new Date('2026-11-28T03:00:00Z'); // Friday 19:00 in Los Angeles
    const onFriday = coach.analyze({ reply: 'I will refund the scarf by Friday.', now: fridayEvening, timeZone: 'America/Los_Angeles' });
    expect(onFriday.reply?.moves.find((m) => m.kind === 'commitment')?.due).toBe('2026-12-05T01:00:00.000Z');
    const inDelhi = coach.analyze({ reply: "I'll call you back tomorrow at 3pm.", now, timeZone: 'Asia/Kolkata' }).reply;
    expect(inDelhi?.moves.find((m) => m.kind === 'commitment')?.due).toBe('2026-11-24T09:30:00.000Z'); // 23:30 in Delhi: tomorrow is the 24th there
  });

  it('counts an offer with a time as a promise too, and a done deed or an untimed offer as neither', () => {
    const promise = (reply: string) => coach.analyze({ reply, now: NOW }).reply?.moves.filter((m) => m.kind === 'commitment') ?? [];
    const [timed] = promise('I will refund the scarf by Friday.');
    expect(timed?.due).toBe(new Date('2026-03-06T17:00:00').toISOString());
    expect(promise("I've refunded the scarf on Friday.")).toEqual([]);
    expect(promise('I can offer a refund.')).toEqual([]);
  });

  it('recognises a paraphrase from overlap with the customer message, without a summary phrase', () => {
    const customer = 'The sofa arrived in mustard yellow but we ordered grey.';
    const reply = 'Your sofa came in mustard yellow instead of grey.';
    expect(found(reply, coach.analyze({ customer, reply }).reply?.moves ?? [], 'paraphrase')).toEqual([reply]);
    expect(found(reply, coach.analyze({ reply }).reply?.moves ?? [], 'paraphrase')).toEqual([]);
  });

  it.each([
    ['You should have read the terms before ordering.', 'blame', 'You should have read'],
    ['Calm down, it is only a small scratch.', 'dismissive', 'Calm down'],
    ["That's not my department.", 'deflection', 'not my department'],
    ["There's nothing I can do.", 'deflection', 'nothing I can do'],
    ['Your RMA is attached.', 'jargon', 'RMA'],
    ['WE DO NOT DO REFUNDS!!', 'shouting', 'WE DO NOT DO REFUNDS'],
  ])('finds the problem in "%s"', (reply, kind, span) => {
    const r = coach.analyze({ reply }).reply;
    expect(found(reply, r?.problems ?? [], kind)).toContain(span);
    expect(r?.suggestions.some((s) => s.includes(span))).toBe(true);
  });

  it('flags workspace glossary terms as jargon, only when the glossary names them', () => {
    const reply = 'Your Harbor Points have been added back.';
    expect(found(reply, coach.analyze({ reply }).reply?.problems ?? [], 'jargon')).toEqual([]);
    expect(found(reply, coach.analyze({ reply, glossary: ['Harbor Points'] }).reply?.problems ?? [], 'jargon')).toEqual(['Harbor Points']);
  });

  it('flags an over-long sentence with its whole span', () => {
    const sentence = `${Array.from({ length: 35 }, (_, i) => `word${i}`).join(' ')}.`;
    const reply = `Thanks for waiting. ${sentence}`;
    expect(found(reply, coach.analyze({ reply }).reply?.problems ?? [], 'long_sentence')).toEqual([sentence]);
  });

  it('respects negation in replies: "I\'m not sorry" is no apology, "I can\'t call you back" is no commitment', () => {
    const r = coach.analyze({ reply: "I'm not sorry. I can't call you back today." }).reply;
    expect(r?.moves.map((m) => m.kind)).toEqual([]);
  });

  it('lists the moves the playbook step expects and the reply lacks, with suggested wording', () => {
    const r = coach.analyze({ reply: 'Your parcel is at the depot.', expectedMoves: ['empathy', 'commitment'] }).reply;
    expect(r?.missing).toEqual(['empathy', 'commitment']);
    expect(r?.suggestions).toHaveLength(2);
    expect(r?.score.parts.empathy.value).toBeLessThan(50);
  });

  it('a grateful customer needs thanks, not the repair moves of a complaint', () => {
    const r = coach.analyze({ customer: 'Thank you so much, the engineer was brilliant!', reply: 'Thanks for the kind words!' }).reply;
    expect(r?.missing).toEqual([]);
  });

  it('scores a hostile reply low and explains why', () => {
    const r = coach.analyze({ reply: 'Calm down. You should have read the terms. Not my department.' }).reply;
    expect(r?.score.total).toBeLessThan(30);
    expect(r?.score.parts.tone.value).toBe(10);
    expect(r?.score.parts.tone.reason).toContain('Calm down');
  });
});

describe('spans', () => {
  it('stay inside the text and point at non-empty words for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (customer, reply) => {
        const r = coach.analyze({ customer, reply, now: NOW });
        const check = (text: string, spans: Span[]) => {
          for (const [a, b] of spans) {
            expect(a).toBeGreaterThanOrEqual(0);
            expect(b).toBeLessThanOrEqual(text.length);
            expect(b).toBeGreaterThan(a);
          }
        };
        check(
          customer,
          [...(r.customer?.escalation ?? []), ...(r.customer?.wants ?? [])].map((f) => f.span),
        );
        check(
          reply,
          [...(r.reply?.moves ?? []), ...(r.reply?.problems ?? [])].map((f) => f.span),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('uses UTF-16 offsets, so text before an emoji does not shift them', () => {
    const reply = '🙂🙂 Calm down please.';
    const span = coach.analyze({ reply }).reply?.problems[0]?.span;
    expect(span && reply.slice(span[0], span[1])).toBe('Calm down');
  });
});

describe('helpers', () => {
  it('negation looks at three words back within the clause', () => {
    const t = "I'm not going to leave a review. I will leave a review.";
    expect(isNegated(t, t.indexOf('leave'))).toBe(true);
    expect(isNegated(t, t.lastIndexOf('leave'))).toBe(false);
    const intensifier = "I can't tell you how sorry I am";
    expect(isNegated(intensifier, intensifier.indexOf('sorry'))).toBe(false);
  });

  it('shouting ignores known abbreviations', () => {
    expect(findShouting('Your order ships with UPS ASAP.')).toEqual([]);
    expect(findShouting('This is NOT acceptable')).toEqual([[8, 11]]);
  });
});
