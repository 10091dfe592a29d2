import {
  type CustomerReading,
  type Emotion,
  ESCALATION_KINDS,
  type EscalationKind,
  type Finding,
  WANT_KINDS,
  type WantKind,
} from '../domain/coach.js';
import { EMOTION_CUES, ESCALATION, INTENSIFIERS, MILD_PROFANITY, PROFANITY, WANTS } from './lexicon.js';
import { addFindings, byPosition, compilePhrases, matchSpans } from './patterns.js';
import type { TextReading } from './read-text.js';
import { findShouting } from './shouting.js';

type NegativeOrGrateful = Exclude<Emotion, 'neutral'>;

const ESCALATION_RE = ESCALATION_KINDS.map((kind) => [kind, compilePhrases(ESCALATION[kind])] as const);
const WANT_RE = WANT_KINDS.map((kind) => [kind, compilePhrases(WANTS[kind])] as const);
const EMOTION_RE = (Object.keys(EMOTION_CUES) as NegativeOrGrateful[]).map(
  (emotion) => [emotion, EMOTION_CUES[emotion].map(([weight, sources]) => [weight, compilePhrases(sources)] as const)] as const,
);
const PROFANITY_RE = compilePhrases([PROFANITY]);
const MILD_PROFANITY_RE = compilePhrases([MILD_PROFANITY]);
const INTENSIFIER_RE = compilePhrases([INTENSIFIERS]);
const EXCLAMATION_RUN = /!{2,}|(?:!\s*){2,}/g;

// "The refund arrived", "thanks for getting back to me": the thing is already done, so it is not a want.
const DONE_AFTER =
  /^\s*(?:has |have |had )?(?:just )?(?:arrived|came|come|was (?:quick|fine|great|received|processed|perfect)|is (?:fine|perfect|great)|went through|worked|turned up)\b/i;
const DONE_BEFORE = /(?:thanks|thank you|thx) for (?:\w+ )?$|\b(?:I was|I've been|I have been|got) $/i;

function isSettled(text: string, [start, end]: [number, number]): boolean {
  return DONE_AFTER.test(text.slice(end, end + 40)) || DONE_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

/** Ties go to the emotion that most changes how the reply should start (anger before gratitude). */
const PRIORITY: NegativeOrGrateful[] = ['anger', 'frustration', 'anxiety', 'confusion', 'disappointment', 'gratitude'];

/** How heated each emotion starts before the signals of this message are added. */
const BASE_INTENSITY: Record<Emotion, number> = {
  neutral: 0.05,
  gratitude: 0.2,
  confusion: 0.2,
  disappointment: 0.3,
  anxiety: 0.35,
  frustration: 0.4,
  anger: 0.55,
};

const TURN = /\b(?:but|however|although|though|yet)\b/gi;

function lastTurn(text: string): number {
  TURN.lastIndex = 0;
  let at = Number.POSITIVE_INFINITY;
  for (let m = TURN.exec(text); m; m = TURN.exec(text)) at = m.index;
  return at;
}

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Reads a customer message: the emotion that dominates, how heated it is, what they threaten and what they want. */
export function analyzeCustomer(text: string, reading: TextReading): CustomerReading {
  const escalation: Finding<EscalationKind>[] = [];
  for (const [kind, re] of ESCALATION_RE) addFindings(escalation, kind, matchSpans(re, text));
  const wants: Finding<WantKind>[] = [];
  for (const [kind, re] of WANT_RE)
    addFindings(
      wants,
      kind,
      matchSpans(re, text).filter((span) => !isSettled(text, span)),
    );

  const scores: Record<NegativeOrGrateful, number> = {
    anger: 0,
    frustration: 0,
    disappointment: 0,
    anxiety: 0,
    confusion: 0,
    gratitude: 0,
  };
  let strongCues = 0;
  // What follows the last "but" is what the writer means: "I was ready to be annoyed but you went above and beyond".
  const turn = lastTurn(text);
  for (const [emotion, cues] of EMOTION_RE) {
    for (const [weight, re] of cues) {
      for (const [start] of matchSpans(re, text)) {
        scores[emotion] += start >= turn ? weight * 1.5 : weight;
        if (weight >= 2 && emotion !== 'gratitude') strongCues++;
      }
    }
  }
  const profanity = matchSpans(PROFANITY_RE, text, false).length;
  const mildProfanity = matchSpans(MILD_PROFANITY_RE, text, false).length;
  const loud = findShouting(text);
  const shouting = loud.length;
  // One capitalised word is emphasis ("I did NOT order this"); a run of them or piled-up marks is shouting.
  // Piled-up marks ("!!!") are excitement as often as anger: they add heat (intensity) but no verdict.
  const yelling = loud.some(([a, b]) => /[A-Z]{2,}[^a-z]*\s[^a-z]*[A-Z]{2,}/.test(text.slice(a, b)));
  EXCLAMATION_RUN.lastIndex = 0;
  const exclamations = count(EXCLAMATION_RUN, text);
  const threats = escalation.filter((f) => f.kind === 'legal' || f.kind === 'media' || f.kind === 'review' || f.kind === 'leave').length;
  const overTheirHead = escalation.some((f) => f.kind === 'manager');
  const repeats = escalation.filter((f) => f.kind === 'repeat_contact').length;

  // Heat without a named feeling reads as anger; having to chase reads as frustration (the call-back that never came).
  // Swearing in an otherwise warm message ("the absolute f***ing best") is enthusiasm, not anger.
  const swearWeight = reading.sentiment < 0.2 ? 1.5 : 0.5;
  scores.anger +=
    swearWeight * Math.min(profanity, 2) + 0.5 * Math.min(mildProfanity, 2) + (yelling ? 1 : shouting > 0 ? 0.5 : 0) + Math.min(threats, 2);
  scores.frustration += 1.5 * Math.min(repeats, 2) + (overTheirHead ? 1 : 0);
  if (scores.gratitude > 0 && scores.anger + scores.frustration + scores.disappointment >= 2) scores.gratitude = 0; // sarcasm or a polite sign-off

  let emotion: Emotion = 'neutral';
  let best = 0.99;
  for (const e of PRIORITY) {
    if (scores[e] > best) {
      best = scores[e];
      emotion = e;
    }
  }
  // Negative words alone do not make a complaint ("he died", "the fear of it"); with a demand or a threat they do.
  const complaint = wants.length > 0 || escalation.length > 0;
  // No named feeling but clearly negative words: the usual state of a complaint is frustration.
  if (emotion === 'neutral' && reading.sentiment <= -0.3 && complaint) emotion = 'frustration';

  const intensifiers = matchSpans(INTENSIFIER_RE, text, false).length;
  let intensity = BASE_INTENSITY[emotion];
  if (emotion !== 'neutral') {
    intensity +=
      Math.min(0.25, 0.08 * strongCues) +
      Math.min(0.2, 0.1 * shouting) +
      Math.min(0.15, 0.06 * exclamations) +
      Math.min(0.2, 0.1 * (profanity + mildProfanity)) +
      Math.min(0.1, 0.03 * intensifiers) +
      Math.min(0.1, 0.05 * threats) +
      0.15 * Math.max(0, emotion === 'gratitude' ? reading.sentiment : -reading.sentiment);
  }
  // A grateful customer asking where to leave a review is offering praise, not threatening.
  const flags = emotion === 'gratitude' ? escalation.filter((f) => f.kind !== 'review' && f.kind !== 'leave') : escalation;
  return {
    emotion,
    intensity: Math.round(Math.min(1, Math.max(0, intensity)) * 100) / 100,
    escalation: flags.sort(byPosition),
    wants: wants.sort(byPosition),
  };
}
