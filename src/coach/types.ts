import type { MoveKind } from '../domain/coach.js';
import type { LearnedModel } from './learned/model.js';

export type {
  CoachResult,
  CustomerReading,
  Emotion,
  EscalationKind,
  Finding,
  Move,
  MoveKind,
  ProblemKind,
  ReplyReading,
  ScoreItem,
  ScorePart,
  Span,
  WantKind,
} from '../domain/coach.js';

/** One request to the coach: a customer message, a draft reply, or both. */
export type CoachInput = {
  customer?: string | undefined;
  reply?: string | undefined;
  /** The moment due times are resolved against ("tomorrow at 3pm"); defaults to the current time. */
  now?: Date | undefined;
  /** The IANA time zone the promise is made in (the workspace's); defaults to this machine's. */
  timeZone?: string | undefined;
  /** Workspace jargon that customers should not have to decode, on top of the built-in list. */
  glossary?: readonly string[] | undefined;
  /** What the current playbook step expects of the reply; defaults to DEFAULT_EXPECTED_MOVES. */
  expectedMoves?: readonly MoveKind[] | undefined;
};

export type CoachOptions = {
  /** Sentences with more words than this are reported as long_sentence (default 30). */
  maxSentenceWords?: number;
  /** false reads with the explained rules alone (the baseline the learned layer is measured against). */
  learned?: boolean;
  /** Weights other than the shipped ones (the trainer measures the model it is building). */
  model?: LearnedModel;
};
