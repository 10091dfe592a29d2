import { findPlaybook } from '../domain/playbooks.js';
import { type CaseFacts, type Recommendation, recommendStrategy, type Strategy } from '../domain/strategy.js';

/**
 * The strategy quiz: short situations, each with the facts the recommender reads. The trainee picks
 * withdraw, diffuse, confront or negotiate; the answer is the recommender's own, explained with its
 * reasons and the playbook that carries it out, so the quiz teaches the same rules the case page uses.
 */

export type QuizSituation = {
  id: string;
  situation: string;
  facts: CaseFacts /** What the writer expects; a test checks the recommender agrees. */;
  expected: Strategy;
};

const base: CaseFacts = {
  customerState: 'frustrated',
  severity: 3,
  amountAtStake: null,
  threats: [],
  employeeIsSubject: false,
  policyAtStake: false,
  customerPriorCases: 0,
  abusive: false,
  authorityLimit: 500,
};

export const QUIZ_SITUATIONS: readonly QuizSituation[] = Object.freeze([
  {
    id: 'swearing-at-the-till',
    situation:
      'At the till, a customer swears at you, calls you stupid and says he knows where you park your car. He wants a refund for a kettle.',
    facts: { ...base, customerState: 'hostile', abusive: true, amountAtStake: 35 },
    expected: 'withdraw',
  },
  {
    id: 'shouting-in-the-queue',
    situation:
      'A customer is shouting across the shop that her repair is a week late. She has not insulted anyone, but nobody can get a word in.',
    facts: { ...base, customerState: 'hostile', severity: 2 },
    expected: 'withdraw',
  },
  {
    id: 'lawyer-letter',
    situation: 'By email, an angry customer says the dishwasher you installed flooded his kitchen and that his lawyer will be in touch.',
    facts: { ...base, customerState: 'angry', severity: 2, amountAtStake: 2400, threats: ['legal_threat'] },
    expected: 'diffuse',
  },
  {
    id: 'complaint-about-you',
    situation: 'A customer comes back to the desk to complain that you were rude to her an hour ago. She is upset but calm enough to talk.',
    facts: { ...base, customerState: 'frustrated', employeeIsSubject: true },
    expected: 'diffuse',
  },
  {
    id: 'big-refund-above-limit',
    situation: 'A frustrated customer wants a 900-dollar refund for a faulty laptop. You may approve up to 500 dollars yourself.',
    facts: { ...base, amountAtStake: 900, authorityLimit: 500 },
    expected: 'diffuse',
  },
  {
    id: 'no-receipt-calm',
    situation:
      'A calm customer asks for a cash refund on shoes bought two months ago, without a receipt. Refunds are only given within 30 days with a receipt.',
    facts: { ...base, customerState: 'calm', policyAtStake: true, amountAtStake: null },
    expected: 'confront',
  },
  {
    id: 'expired-voucher',
    situation:
      'A polite customer wants to use a gift voucher that expired last month. Vouchers are valid for twelve months, printed on the card.',
    facts: { ...base, customerState: 'calm', policyAtStake: true },
    expected: 'confront',
  },
  {
    id: 'late-delivery-credit',
    situation:
      'A frustrated customer’s groceries came three hours late and the frozen food had thawed. She would accept a credit. The order was 60 dollars.',
    facts: { ...base, customerState: 'frustrated', amountAtStake: 60 },
    expected: 'negotiate',
  },
  {
    id: 'calm-wrong-colour',
    situation:
      'A calm customer received a blue sofa cover instead of the grey one he ordered. It cost 80 dollars and the grey is in stock.',
    facts: { ...base, customerState: 'calm', amountAtStake: 80 },
    expected: 'negotiate',
  },
  {
    id: 'angry-double-charge-review',
    situation:
      'An angry customer has been charged twice for a 120-dollar hotel night and says she will leave a one-star review. You can refund it yourself.',
    facts: { ...base, customerState: 'angry', amountAtStake: 120, threats: ['threatened_review'] },
    expected: 'negotiate',
  },
]);

export type QuizAnswer = {
  id: string;
  chosen: Strategy;
  correct: boolean;
  answer: Strategy;
  reasons: string[];
  /** When the chosen strategy would be the better one, if it was not the answer. */
  chosenFitsWhen: string | null;
  alternatives: Recommendation['alternatives'];
  playbook: { key: string; name: string; summary: string; steps: string[] } | null;
};

/** The quiz as the trainee sees it: the situations, without their answers. */
export function quizItems(): { id: string; situation: string }[] {
  return QUIZ_SITUATIONS.map(({ id, situation }) => ({ id, situation }));
}

/** Checks an answer against the recommender and explains it; undefined for an unknown situation. */
export function answerQuiz(id: string, chosen: Strategy): QuizAnswer | undefined {
  const item = QUIZ_SITUATIONS.find((q) => q.id === id);
  if (!item) return undefined;
  const rec = recommendStrategy(item.facts);
  const playbook = findPlaybook(rec.playbookKey);
  return {
    id,
    chosen,
    correct: chosen === rec.strategy,
    answer: rec.strategy,
    reasons: rec.reasons,
    chosenFitsWhen: chosen === rec.strategy ? null : (rec.alternatives.find((a) => a.strategy === chosen)?.whenBetter ?? null),
    alternatives: rec.alternatives,
    playbook: playbook
      ? { key: playbook.key, name: playbook.name, summary: playbook.summary, steps: playbook.steps.map((s) => s.title) }
      : null,
  };
}
