import { notFound } from '../domain/errors.js';
import type { Strategy } from '../domain/strategy.js';
import { answerQuiz, type QuizAnswer, quizItems } from '../training/strategy-quiz.js';
import { requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';

/** The strategy quiz's situations, without their answers. */
export function listQuiz(ctx: ServiceContext): { id: string; situation: string }[] {
  requirePermission(ctx.actor, 'read', 'strategy_quiz');
  return quizItems();
}

/** Checks one answer and explains it with the recommender's reasons and the matching playbook. */
export function checkQuizAnswer(ctx: ServiceContext, id: string, strategy: Strategy): QuizAnswer {
  requirePermission(ctx.actor, 'read', 'strategy_quiz');
  const answer = answerQuiz(id, strategy);
  if (!answer) throw notFound(`Quiz situation ${id}`);
  return answer;
}
