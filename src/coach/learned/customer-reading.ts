import type { CustomerReading, Emotion } from '../../domain/coach.js';
import { type Extra, type Features, featuresOf, type NgramSpec, ngramSlotCounts } from './hash-features.js';
import { cues, type Head, type LearnedModel, probability } from './model.js';

/** Heads of the customer model: anger-or-annoyance first, then one per emotion the coach names. */
export const ANGER_OR_ANNOYANCE = 'anger_or_annoyance';
export const HEATED = ['anger', 'frustration'] as const;
export const CALMER = ['disappointment', 'anxiety', 'confusion', 'gratitude'] as const;
/** Ordinal heads: the chance that a person would rate the complaint at least 2, 3, 4 or 5 out of 5. */
export const SEVERITY_HEADS = ['severity_2', 'severity_3', 'severity_4', 'severity_5'] as const;

/** The rules' reading as inputs to the model, so it learns when the lexicons can be trusted. */
export function customerExtras(rules: CustomerReading): Extra[] {
  return [
    [`rule ${rules.emotion}`, 1],
    ['rule heat', rules.intensity],
    ...rules.escalation.map((f): Extra => [`rule escalation ${f.kind}`, 1]),
    ...rules.wants.map((f): Extra => [`rule want ${f.kind}`, 1]),
  ];
}

export type CustomerFeatures = { emotion: Features; severity: Features };

/**
 * Emotion heads see the words and the rules' whole reading; severity heads see the words and the
 * threats and wants, but not the rules' heat (blended in after) nor anything that shouting changes,
 * so writing in capitals can only raise the intensity.
 */
export function customerFeatures(text: string, rules: CustomerReading, bits: number, spec: NgramSpec): CustomerFeatures {
  const found = customerExtras(rules).filter(([name]) => name.startsWith('rule escalation') || name.startsWith('rule want'));
  const counts = ngramSlotCounts(text, bits, spec);
  return { emotion: featuresOf(counts, bits, customerExtras(rules)), severity: featuresOf(counts, bits, found) };
}

/** Expected severity on 1–5 from the ordinal heads, scaled to 0–1. */
export function learnedSeverity(model: LearnedModel, f: Features): number | undefined {
  let sum = 0;
  for (const name of SEVERITY_HEADS) {
    const head = model.customer.get(name);
    if (!head) return undefined;
    sum += probability(head, f);
  }
  const [lo, hi] = model.severityRange;
  const expected = sum / SEVERITY_HEADS.length;
  return hi > lo ? Math.min(1, Math.max(0, 0.05 + (0.9 * (expected - lo)) / (hi - lo))) : expected;
}

function pick(model: LearnedModel, names: readonly string[], f: Features): [string, number, Head] | undefined {
  let best: [string, number, Head] | undefined;
  for (const name of names) {
    const head = model.customer.get(name);
    if (!head) continue;
    const p = probability(head, f);
    // Heads differ in how often they fire, so they are compared relative to their own thresholds.
    if (!best || p / head.threshold > best[1] / best[2].threshold) best = [name, p, head];
  }
  return best;
}

/**
 * Replaces the rules' emotion and intensity with the learned reading. Whether the customer is angry
 * or annoyed is decided first (the reading that most changes how a reply should open), then which of
 * the two; otherwise the calmer emotion whose head is most past its threshold, else neutral. Under
 * "rules-first" an emotion the lexicons name stands, and the model only adds anger or annoyance
 * where they read nothing. Under "heated-first" the model alone decides anger or annoyance (the
 * lexicons' reading is one of its inputs), over any calmer emotion they name ("I missed my brother's
 * wedding" reads as worry to them); otherwise a calmer emotion they name stands.
 * Escalation flags and wants stay the rules', with their spans.
 */
export function refineCustomer(model: LearnedModel, text: string, rules: CustomerReading): CustomerReading {
  const heated = model.customer.get(ANGER_OR_ANNOYANCE);
  if (!heated) return rules;
  const f = customerFeatures(text, rules, model.customerBits, model.customerNgrams);
  const pHeated = probability(heated, f.emotion);
  let emotion: Emotion = 'neutral';
  let because: Head = heated;
  const rulesHeated = rules.emotion === 'anger' || rules.emotion === 'frustration';
  const named =
    (model.emotionPolicy === 'rules-first' && rules.emotion !== 'neutral') ||
    (model.emotionPolicy === 'heated-first' &&
      !rulesHeated &&
      rules.emotion !== 'neutral' &&
      pHeated < Math.max(heated.threshold, heated.overrule ?? 0));
  if (named) {
    emotion = rules.emotion;
    because =
      model.customer.get(rules.emotion === 'anger' || rules.emotion === 'frustration' ? ANGER_OR_ANNOYANCE : rules.emotion) ?? heated;
  } else if (pHeated >= heated.threshold) {
    const anger = model.customer.get('anger');
    const frustration = model.customer.get('frustration');
    emotion = rulesHeated
      ? rules.emotion
      : anger &&
          frustration &&
          probability(anger, f.emotion) / anger.threshold >= probability(frustration, f.emotion) / frustration.threshold
        ? 'anger'
        : 'frustration';
  } else if (model.emotionPolicy !== 'rules-first') {
    const calmer = pick(model, CALMER, f.emotion);
    if (calmer && calmer[1] >= calmer[2].threshold) {
      emotion = calmer[0] as Emotion;
      because = calmer[2];
    }
  }
  const severity = learnedSeverity(model, f.severity);
  const blended = severity === undefined ? rules.intensity : model.intensityBlend * severity + (1 - model.intensityBlend) * rules.intensity;
  const intensity = model.intensityFloor ? Math.max(blended, rules.intensity) : blended;
  return {
    ...rules,
    // A grateful customer asking where to leave a review is offering praise, not threatening.
    escalation: emotion === 'gratitude' ? rules.escalation.filter((e) => e.kind !== 'review' && e.kind !== 'leave') : rules.escalation,
    emotion,
    intensity: Math.round(Math.min(1, Math.max(0, intensity)) * 100) / 100,
    model: {
      probability: Math.round(pHeated * 100) / 100,
      cues: emotion === 'neutral' ? [] : cues(because, text, model.customerBits, model.customerNgrams),
    },
  };
}
