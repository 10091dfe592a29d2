import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import type { Span } from '../domain/coach.js';

/** What the coach needs from wink-nlp about one text, in character offsets rather than token indexes. */
export type TextReading = {
  sentences: Span[];
  /** Whitespace-separated words per sentence (contractions count once). */
  sentenceWords: number[];
  /** Content lemmas (nouns, verbs, adjectives, numbers; no stop words) per sentence, for paraphrase overlap. */
  content: string[][];
  /** wink's sentiment of the whole text, -1 (negative) to 1 (positive). */
  sentiment: number;
};

type Reader = (text: string) => TextReading;

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV']);
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

/**
 * Builds the one wink-nlp instance of a coach. Loading the model takes a few hundred milliseconds and
 * tens of megabytes, so it happens once per process (createCoach), never per text.
 */
export function createReader(): Reader {
  const nlp = winkNLP(model, ['sbd', 'negation', 'sentiment', 'pos']);
  const its = nlp.its;
  return (text) => {
    const doc = nlp.readDoc(text);
    const tokens = doc.tokens();
    const n = tokens.length();
    const starts = new Array<number>(n);
    const ends = new Array<number>(n);
    const wordStart = new Array<boolean>(n);
    const lemma = new Array<string | null>(n);
    let cursor = 0;
    tokens.each((t, i) => {
      const value = t.out();
      const spaces = t.out(its.precedingSpaces);
      let at = cursor + spaces.length;
      // wink keeps the original characters; if a token ever differs (normalised quotes, say), find it instead.
      if (text.startsWith(value, at) === false) {
        const found = text.indexOf(value, cursor);
        at = found >= 0 ? found : at;
      }
      starts[i] = at;
      ends[i] = Math.min(text.length, at + value.length);
      cursor = ends[i] as number;
      const type = t.out(its.type);
      wordStart[i] = type !== 'punctuation' && (i === 0 || spaces.length > 0);
      lemma[i] =
        (type === 'word' || type === 'number') && !t.out(its.stopWordFlag) && CONTENT_POS.has(t.out(its.pos))
          ? (t.out(its.lemma as unknown as typeof its.value) as string).toLowerCase()
          : null;
    });
    const sentences: Span[] = [];
    const sentenceWords: number[] = [];
    const content: string[][] = [];
    for (const [first, last] of doc.sentences().out(its.span) as unknown as [number, number][]) {
      if (n === 0) break;
      sentences.push([starts[first] ?? 0, ends[last] ?? text.length]);
      let words = 0;
      const lemmas: string[] = [];
      for (let i = first; i <= last; i++) {
        if (wordStart[i]) words++;
        const l = lemma[i];
        if (l && l.length > 1 && !GENERIC.has(l) && !l.includes("'")) lemmas.push(l);
      }
      sentenceWords.push(words);
      content.push(lemmas);
    }
    return { sentences, sentenceWords, content, sentiment: doc.out(its.sentiment) as unknown as number };
  };
}
