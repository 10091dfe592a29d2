import type { MoveKind } from '../domain/coach.js';

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
  customer?: string;
  reply?: string;
  /** The moment due times are resolved against ("tomorrow at 3pm"); defaults to the current time. */
  now?: Date;
  /** The IANA time zone the promise is made in (the workspace's); defaults to this machine's. */
  timeZone?: string;
  /** Workspace jargon that customers should not have to decode, on top of the built-in list. */
  glossary?: readonly string[];
  /** What the current playbook step expects of the reply; defaults to DEFAULT_EXPECTED_MOVES. */
  expectedMoves?: readonly MoveKind[];
};

export type CoachOptions = {
  /** Sentences with more words than this are reported as long_sentence (default 30). */
  maxSentenceWords?: number;
};
