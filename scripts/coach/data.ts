/**
 * The data `npm run train:coach` learns from and is measured on, read in place:
 *   - the team's reply-move corpus (test/fixtures/coach/moves/train/ and …/heldout/, JSON Lines, one
 *     reply per line, sentence by sentence), the train part split into train and dev by reply id;
 *   - the team's customer messages of the rules' corpus (test/fixtures/coach/*customers*.jsonl), for training;
 *   - GoEmotions train and dev (../shared/data/goemotions/ or $GOEMOTIONS_DIR), never copied here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fnv1a } from '../../src/coach/learned/hash-features.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const MOVES_DIR = join(ROOT, 'test', 'fixtures', 'coach', 'moves');
export const RULES_CORPUS_DIR = join(ROOT, 'test', 'fixtures', 'coach');
export const GOEMOTIONS_DIR = process.env.GOEMOTIONS_DIR || resolve(ROOT, '..', 'shared', 'data', 'goemotions');

export type CorpusSentence = { text: string; moves: string[]; question?: 'open' | 'closed' };
export type CorpusReply = {
  id: string;
  business: string;
  channel: string;
  register: string;
  customer?: { text: string; emotion: string; anger_or_annoyance: boolean; severity: number };
  sentences: CorpusSentence[];
};

function readJsonl<T>(dir: string, filter: (name: string) => boolean = () => true): T[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl') && filter(f))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as T),
    );
}

/** One reply in five goes to dev, chosen by a hash of its id: stable as the corpus grows, and independent of file order. */
export function isDev(id: string): boolean {
  return fnv1a(`dev ${id}`) % 5 === 0;
}

export function loadMoveCorpus(): { train: CorpusReply[]; dev: CorpusReply[]; heldout: CorpusReply[] } {
  const all = readJsonl<CorpusReply>(join(MOVES_DIR, 'train'));
  return {
    train: all.filter((r) => !isDev(r.id)),
    dev: all.filter((r) => isDev(r.id)),
    heldout: readJsonl<CorpusReply>(join(MOVES_DIR, 'heldout')),
  };
}

/**
 * A corpus reply as the product would see it, with each sentence's offsets. A greeting or lead-in
 * ("Hi Priya,") ends its own line, as it would in an email; other sentences follow with a space.
 */
export function replyText(reply: CorpusReply): { text: string; spans: [number, number][] } {
  let text = '';
  const spans: [number, number][] = [];
  reply.sentences.forEach((s, i) => {
    if (i > 0) text += /[,:]\s*$/.test(reply.sentences[i - 1]?.text ?? '') ? '\n\n' : ' ';
    spans.push([text.length, text.length + s.text.length]);
    text += s.text;
  });
  return { text, spans };
}

export type CustomerExample = { text: string; emotion?: string; angry: boolean; severity?: number };

/** The rules' own customer corpus: emotions labelled by the team, used for training only. */
export function loadRulesCustomers(): CustomerExample[] {
  return readJsonl<{ text: string; emotion: string }>(RULES_CORPUS_DIR, (f) => f.replace(/^composed-/, '').startsWith('customers')).map(
    (c) => ({ text: c.text, emotion: c.emotion, angry: c.emotion === 'anger' || c.emotion === 'frustration' }),
  );
}

export type LabelledReply = { text: string; customer?: string; moves: string[] };

/** The rules' own reply corpus: moves labelled per reply (not per sentence), used for training only. */
export function loadRulesReplies(): LabelledReply[] {
  return readJsonl<LabelledReply>(RULES_CORPUS_DIR, (f) => f.replace(/^composed-/, '').startsWith('replies'));
}

export function corpusCustomers(replies: readonly CorpusReply[]): CustomerExample[] {
  return replies.flatMap((r) =>
    r.customer
      ? [{ text: r.customer.text, emotion: r.customer.emotion, angry: r.customer.anger_or_annoyance, severity: r.customer.severity }]
      : [],
  );
}

/** GoEmotions labels mapped to the coach's emotions (a comment may carry several). */
const GOEMOTIONS_MAP: Record<string, string[]> = {
  anger: ['anger'],
  frustration: ['annoyance'],
  disappointment: ['disappointment', 'sadness'],
  anxiety: ['nervousness', 'fear'],
  confusion: ['confusion'],
  gratitude: ['gratitude'],
};

/** `labels` keeps all of GoEmotions' own labels, for trials that read the others (scripts/coach/try-anger.ts). */
export type GoEmotion = { text: string; emotions: Set<string>; angry: boolean; labels: Set<string> };

/** A GoEmotions split with the coach's emotions, or undefined when the data is not on this machine. */
export function loadGoEmotions(split: 'train' | 'dev'): GoEmotion[] | undefined {
  const file = join(GOEMOTIONS_DIR, `original_${split}.tsv`);
  const labelsFile = join(GOEMOTIONS_DIR, 'original_labels.txt');
  if (!existsSync(file) || !existsSync(labelsFile)) return undefined;
  const names = readFileSync(labelsFile, 'utf8')
    .split('\n')
    .map((l) => l.trim());
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [text = '', ids = ''] = l.split('\t');
      const labels = new Set(ids.split(',').map((id) => names[Number(id.trim())] ?? ''));
      const emotions = new Set(Object.keys(GOEMOTIONS_MAP).filter((e) => GOEMOTIONS_MAP[e]?.some((g) => labels.has(g))));
      return { text, emotions, angry: labels.has('anger') || labels.has('annoyance'), labels };
    });
}
