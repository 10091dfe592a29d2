import type { NameLexicon } from './name-lexicon.js';
import { createRedaction, type Person, type RedactionKind, type Removal } from './redact.js';

/**
 * One anonymised story of a case, for an agenda or a newsletter: every text of the case redacted
 * together (one person keeps one label across the story), with the reviewer's own changes on top —
 * words they redact by hand, and detections they restore as false positives. Each text comes back
 * as segments, so a reviewer can see every redaction and what it replaced.
 */

/** `original` is there only for a reviewer's eyes; published copies leave it out. */
export type Segment = { text: string; redaction?: { kind: RedactionKind | 'manual'; original?: string } };

/** The reviewer's changes to one story. */
export type StoryOverrides = { redact: readonly string[]; restore: readonly string[] };

export type StoryTexts = {
  title: string;
  summary: string;
  statements: readonly { party: string; text: string }[];
  solution: string | null;
  outcome: string | null;
  whys: readonly string[];
  factors: readonly string[];
};

export type StorySegments = {
  title: Segment[];
  summary: Segment[];
  statements: { party: string; said: Segment[] }[];
  solution: Segment[];
  outcome: Segment[];
  whys: Segment[][];
  factors: Segment[][];
  /** Everything detected (before the reviewer's restores), for deciding what may be restored. */
  detected: Removal[];
};

/** Detections a reviewer may put back when they are wrong: never a contact detail, a number that pays, or a known person. */
const RESTORABLE = new Set<string>(['name', 'date', 'order', 'account', 'address']);

/** The words of every name the records know, lower-cased: these are never restored. */
export function knownNameWords(people: readonly Person[]): Set<string> {
  return new Set(
    people.flatMap((p) =>
      p.name
        .toLowerCase()
        .split(/[^\p{L}'’-]+/u)
        .filter((w) => w.length > 1),
    ),
  );
}

/** Whether a reviewer may restore this detection as a false positive; the reason when not. */
export function restoreRefusal(removal: Pick<Removal, 'kind' | 'text'>, known: ReadonlySet<string>): string | null {
  if (!RESTORABLE.has(removal.kind)) return `a ${removal.kind.replace('_', ' ')} is always removed`;
  const words = removal.text.toLowerCase().split(/[^\p{L}'’-]+/u);
  if (words.some((w) => known.has(w.replace(/['’]s$/, '')))) return 'it is the name of someone the records know';
  return null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Redacts a case's texts as one story, applying the reviewer's changes. */
export function redactStory(
  texts: StoryTexts,
  people: { parties: readonly Person[]; directory: readonly Person[] },
  overrides: StoryOverrides,
  lexicon?: NameLexicon,
): StorySegments {
  const redaction = createRedaction({ parties: people.parties, directory: people.directory }, lexicon);
  const known = knownNameWords([...people.parties, ...people.directory]);
  const restore = new Set(overrides.restore.map((r) => r.toLowerCase()));
  const manual = overrides.redact.map((t) => t.trim()).filter((t) => t.length > 1);
  const detected: Removal[] = [];

  const one = (text: string): Segment[] => {
    const { removed } = redaction.redact(text);
    detected.push(...removed);
    const kept = removed.filter((r) => !(restore.has(r.text.toLowerCase()) && restoreRefusal(r, known) === null));
    const spans: { start: number; end: number; replacement: string; kind: RedactionKind | 'manual' }[] = kept.map((r) => ({
      start: r.start,
      end: r.end,
      replacement: r.replacement,
      kind: r.kind,
    }));
    for (const term of manual) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'giu');
      for (const m of text.matchAll(pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!spans.some((s) => start < s.end && end > s.start)) spans.push({ start, end, replacement: '[removed]', kind: 'manual' });
      }
    }
    spans.sort((a, b) => a.start - b.start);
    const out: Segment[] = [];
    let at = 0;
    const plain = (s: string) => {
      if (!s) return;
      const last = out[out.length - 1];
      if (last && !last.redaction) last.text += s;
      else out.push({ text: s });
    };
    for (const s of spans) {
      if (s.start < at) continue;
      plain(text.slice(at, s.start));
      out.push({ text: s.replacement, redaction: { kind: s.kind, original: text.slice(s.start, s.end) } });
      at = s.end;
    }
    plain(text.slice(at));
    return out;
  };

  return {
    title: one(texts.title),
    summary: one(texts.summary),
    statements: texts.statements.map((s) => ({ party: s.party, said: one(s.text) })),
    solution: one(texts.solution ?? ''),
    outcome: one(texts.outcome ?? ''),
    whys: texts.whys.map(one),
    factors: texts.factors.map(one),
    detected,
  };
}

/** The text a reader sees. */
export const segmentsText = (segments: readonly Segment[]): string => segments.map((s) => s.text).join('');

/** The segments without what the redactions replaced: the form anything published keeps. */
export const withoutOriginals = (segments: readonly Segment[]): Segment[] =>
  segments.map((s) => (s.redaction ? { text: s.text, redaction: { kind: s.redaction.kind } } : { text: s.text }));
