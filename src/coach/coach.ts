import { type CoachResult, DEFAULT_EXPECTED_MOVES, type MoveKind } from '../domain/coach.js';
import { analyzeCustomer } from './analyze-customer.js';
import { analyzeReply } from './analyze-reply.js';
import { refineCustomer } from './learned/customer-reading.js';
import { addLearnedMoves } from './learned/reply-moves.js';
import { shippedModel } from './learned/shipped-model.js';
import { createReader } from './read-text.js';
import type { CoachInput, CoachOptions } from './types.js';

export type Coach = { analyze(input: CoachInput): CoachResult };

/** A grateful customer needs thanks, not the repair moves of a complaint; everyone else gets the playbook default. */
function expectedMoves(input: CoachInput, emotion: string | undefined): readonly MoveKind[] {
  if (input.expectedMoves) return input.expectedMoves;
  return emotion === 'gratitude' ? ['thanks'] : DEFAULT_EXPECTED_MOVES;
}

/**
 * Creates a coach: loads the wink-nlp model once (a few hundred ms) and returns a pure, synchronous
 * analyser that can be called for every keystroke-debounced draft. The learned layer (its weights
 * decoded once per process) reads beside the rules unless `learned: false` asks for the rules alone.
 */
export function createCoach(options: CoachOptions = {}): Coach {
  const read = createReader();
  const maxSentenceWords = options.maxSentenceWords ?? 30;
  const model = options.learned === false ? undefined : (options.model ?? shippedModel());
  return {
    analyze(input) {
      const result: CoachResult = {};
      const customerText = input.customer?.trim() ? input.customer : undefined;
      const replyText = input.reply?.trim() ? input.reply : undefined;
      const customerReading = customerText === undefined ? undefined : read(customerText);
      if (customerText !== undefined && customerReading) {
        const rules = analyzeCustomer(customerText, customerReading);
        result.customer = model ? refineCustomer(model, customerText, rules) : rules;
      }
      if (replyText !== undefined) {
        const now = input.now ?? new Date();
        const replyReading = read(replyText);
        const customerContent = customerReading ? new Set(customerReading.content.flat()) : undefined;
        result.reply = analyzeReply(replyText, replyReading, {
          now,
          ...(input.timeZone ? { timeZone: input.timeZone } : {}),
          expected: expectedMoves(input, result.customer?.emotion),
          glossary: input.glossary ?? [],
          maxSentenceWords,
          customerContent,
          refine: model
            ? (moves) => addLearnedMoves(model, replyText, replyReading, moves, customerContent, now, input.timeZone)
            : undefined,
        });
      }
      return result;
    },
  };
}
