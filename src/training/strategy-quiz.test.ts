import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../domain/strategy.js';
import { answerQuiz, QUIZ_SITUATIONS, quizItems } from './strategy-quiz.js';

describe('strategy quiz', () => {
  it('has situations for all four strategies, and the recommender agrees with every one', () => {
    expect(new Set(QUIZ_SITUATIONS.map((q) => q.expected))).toEqual(new Set(STRATEGIES));
    for (const q of QUIZ_SITUATIONS) expect(answerQuiz(q.id, q.expected)?.correct, q.id).toBe(true);
  });

  it('lists situations without their answers', () => {
    for (const item of quizItems()) expect(Object.keys(item).sort()).toEqual(['id', 'situation']);
  });

  it('explains an answer with the recommender’s reasons, the playbook, and when the chosen strategy would fit', () => {
    const wrong = answerQuiz('lawyer-letter', 'confront');
    expect(wrong).toMatchObject({ correct: false, answer: 'diffuse', playbook: { key: 'strategy-diffuse' } });
    expect(wrong?.reasons.join(' ')).toMatch(/legal action/);
    expect(wrong?.chosenFitsWhen).toMatch(/policy/);
    expect(wrong?.playbook?.steps.length).toBeGreaterThan(2);
    expect(answerQuiz('late-delivery-credit', 'negotiate')).toMatchObject({
      correct: true,
      chosenFitsWhen: null,
      playbook: { key: 'five-steps' },
    });
    expect(answerQuiz('no-such-situation', 'withdraw')).toBeUndefined();
  });
});
