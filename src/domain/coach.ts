/**
 * Vocabulary and result shape of the reply coach, as the API, the CLI's --json and the web app use it.
 * It lives in domain/ so that the coach library, the HTTP contracts and the web app share one list
 * of kinds; the names are a public contract: add kinds, never rename them.
 */
export const EMOTIONS = ['anger', 'frustration', 'disappointment', 'anxiety', 'confusion', 'gratitude', 'neutral'] as const;
export const ESCALATION_KINDS = ['leave', 'review', 'legal', 'media', 'manager', 'repeat_contact'] as const;
export const WANT_KINDS = ['refund', 'replacement', 'apology', 'explanation', 'callback', 'escalation'] as const;
export const MOVE_KINDS = ['question', 'paraphrase', 'empathy', 'apology', 'reassurance', 'solution', 'commitment', 'thanks'] as const;
export const PROBLEM_KINDS = ['blame', 'dismissive', 'deflection', 'jargon', 'long_sentence', 'shouting'] as const;
export const SCORE_PARTS = ['empathy', 'comprehension', 'solution', 'tone', 'clarity', 'closing'] as const;

export type Emotion = (typeof EMOTIONS)[number];
export type EscalationKind = (typeof ESCALATION_KINDS)[number];
export type WantKind = (typeof WANT_KINDS)[number];
export type MoveKind = (typeof MOVE_KINDS)[number];
export type ProblemKind = (typeof PROBLEM_KINDS)[number];
export type ScorePart = (typeof SCORE_PARTS)[number];

/** How much each part counts towards the total: resolving the problem and staying respectful weigh most, as they end the conflict. */
export const SCORE_WEIGHTS: Readonly<Record<ScorePart, number>> = {
  empathy: 20,
  comprehension: 15,
  solution: 25,
  tone: 20,
  clarity: 10,
  closing: 10,
};

/** [start, end) offsets in UTF-16 code units into the analysed text, so `text.slice(start, end)` gives the words. */
export type Span = [number, number];

export type Finding<K extends string> = { kind: K; span: Span };

export type Move = {
  kind: MoveKind;
  span: Span;
  /** Questions only: true for an open question (what, how, tell me…), false for a yes/no one. */
  open?: boolean;
  /** Commitments only: the promised time as ISO-8601, when the reply names one. */
  due?: string;
  /** Present when the learned model (not a rule) found the move: its probability and the n-grams that weighed most. */
  model?: ModelReason;
};

/** Why the learned layer decided: how sure it is (0–1) and the words of the text that pushed it most. */
export type ModelReason = { probability: number; cues: string[] };

export type CustomerReading = {
  emotion: Emotion;
  /** 0 (calm) to 1 (as heated as text gets). */
  intensity: number;
  escalation: Finding<EscalationKind>[];
  wants: Finding<WantKind>[];
  /** The learned reading behind emotion and intensity: the chance of anger or annoyance, and the words that weighed most. */
  model?: ModelReason;
};

export type ScoreItem = { value: number; reason: string };

export type ReplyReading = {
  moves: Move[];
  problems: Finding<ProblemKind>[];
  missing: MoveKind[];
  suggestions: string[];
  score: { total: number; parts: Record<ScorePart, ScoreItem> };
};

export type CoachResult = { customer?: CustomerReading; reply?: ReplyReading };

/** What the playbook step asks of a reply when the caller does not say (the five-steps playbook, compressed). */
export const DEFAULT_EXPECTED_MOVES: readonly MoveKind[] = ['empathy', 'paraphrase', 'solution', 'commitment'];
