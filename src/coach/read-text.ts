import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import type { Span } from '../domain/coach.js';
import { clauseStarts } from './clauses.js';

/** What the coach needs from wink-nlp about one text, in character offsets rather than token indexes. */
export type TextReading = {
  /** Sentences, a run of words without full stops split where a spoken sentence starts (clauses.ts). */
  sentences: Span[];
  /** Sentences as punctuated, with their whitespace-separated words (a contraction counts once): what a reader sees as one long sentence. */
  punctuated: { span: Span; words: number }[];
  /** Content lemmas (nouns, verbs, adjectives, numbers; no stop words) per sentence, for paraphrase overlap. */
  content: string[][];
  /** wink's sentiment of the whole text, -1 (negative) to 1 (positive). */
  sentiment: number;
};

type Reader = (text: string) => TextReading;

/** Words past which a sentence closed by a full stop is still a run-on, split as a transcript is. */
const RUN_ON_WORDS = 40;

/** Lemmas too common in complaints and replies to show that a reply restates this customer's story. */
const GENERIC = new Set([
  'be',
  'have',
  'do',
  'get',
  'go',
  'make',
  'say',
  'tell',
  'know',
  'think',
  'want',
  'need',
  'like',
  'can',
  'will',
  'would',
  'just',
  'really',
  'very',
  'so',
  'also',
  'still',
  'now',
  'then',
  'here',
  'there',
  'sorry',
  'thank',
  'thanks',
  'please',
  'help',
  'customer',
  'service',
  'time',
  'today',
  'ok',
  'okay',
  'hi',
  'hello',
  'dear',
  'team',
  'let',
  'look',
  'see',
  'understand',
  'hear',
  'happen',
  'feel',
  'sure',
  'well',
  'back',
  'again',
  'even',
  'never',
  'always',
  'right',
  'completely',
  'totally',
  'absolutely',
  'frustrating',
  'not',
]);

/** A crude stem ("refunds", "refunded" → "refund") that is enough to match a customer's words in a reply. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es') && !word.endsWith('ses')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Builds the one wink-nlp instance of a coach. Loading the model takes a few hundred milliseconds and
 * tens of megabytes, so it happens once per process (createCoach), never per text. The pipeline
 * leaves out part-of-speech tagging: it is the costliest step and a stop-word list plus a crude stem
 * is enough to compare a reply's words with the customer's.
 */
export function createReader(): Reader {
  const nlp = winkNLP(model, ['sbd', 'negation', 'sentiment']);
  const its = nlp.its;
  return (text) => {
    const doc = nlp.readDoc(text);
    const tokens = doc.tokens();
    const values = tokens.out(its.value) as string[];
    const spaces = tokens.out(its.precedingSpaces) as string[];
    const types = tokens.out(its.type) as string[];
    const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
    const n = values.length;
    const starts = new Array<number>(n);
    const ends = new Array<number>(n);
    let cursor = 0;
    for (let i = 0; i < n; i++) {
      const value = values[i] as string;
      let at = cursor + (spaces[i] as string).length;
      // wink keeps the original characters; if a token ever differs (normalised quotes, say), find it instead.
      if (!text.startsWith(value, at)) {
        const found = text.indexOf(value, cursor);
        if (found >= 0) at = found;
      }
      starts[i] = at;
      ends[i] = Math.min(text.length, at + value.length);
      cursor = ends[i] as number;
    }
    const sentences: Span[] = [];
    const punctuated: { span: Span; words: number }[] = [];
    const content: string[][] = [];
    if (n === 0) return { sentences, punctuated, content, sentiment: 0 };
    const ranges: [number, number][] = [];
    for (const [first, last] of doc.sentences().out(its.span) as unknown as [number, number][]) {
      const joined: boolean[] = [];
      const lower: string[] = [];
      let words = 0;
      for (let i = first; i <= last; i++) {
        const glued = types[i] === 'punctuation' || (i > first && (spaces[i] as string).length === 0);
        joined.push(glued);
        lower.push((values[i] as string).toLowerCase().replace(/’/g, "'"));
        if (!glued) words++;
      }
      punctuated.push({ span: [starts[first] ?? 0, ends[last] ?? text.length], words });
      let from = first;
      // A sentence its writer closed with a full stop was meant as one, unless it runs on far past a readable length.
      const closed = /^[.!?]+$/.test(values[last] as string) && words <= RUN_ON_WORDS;
      for (const k of closed ? [] : clauseStarts(lower, joined)) {
        ranges.push([from, first + k - 1]);
        from = first + k;
      }
      ranges.push([from, last]);
    }
    for (const [first, last] of ranges) {
      sentences.push([starts[first] ?? 0, ends[last] ?? text.length]);
      const lemmas: string[] = [];
      for (let i = first; i <= last; i++) {
        const type = types[i];
        if ((type !== 'word' && type !== 'number') || stops[i]) continue;
        const word = (values[i] as string).toLowerCase();
        if (word.length < 2 || word.includes("'") || word.includes('’')) continue;
        const l = stem(word);
        if (!GENERIC.has(l) && !GENERIC.has(word)) lemmas.push(l);
      }
      content.push(lemmas);
    }
    return { sentences, punctuated, content, sentiment: doc.out(its.sentiment) as unknown as number };
  };
}
