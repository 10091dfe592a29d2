import { STOP_WORDS } from './stop-words.js';

/**
 * Words and two-word phrases of a text, as features. A feature's key folds the endings that do not
 * change what a word is about (refunds, refunded → refund), so such forms count together; the words
 * people see are kept beside the key (see SurfaceCounter), so labels read "store credit", never a stem.
 */

const WORD = /[a-z][a-z']*[a-z]|[a-z]/g;
const CODE = /\b[a-z]*[-#]?\d[\w-]*/g;
/** Punctuation that ends a clause: a phrase never spans it. */
const CLAUSE = /[.,;:!?()[\]{}"“”\n\r\t/\\|–—]+/;

/** The key of a word: lower case, possessive and the commonest inflections folded away. */
export function wordKey(word: string): string {
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  w = w.replace(/'/g, '');
  const n = w.length;
  if (n > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (n > 4 && w.endsWith('sses')) return w.slice(0, -2);
  if (n > 3 && w.endsWith('s') && !/(ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = undouble(w.slice(0, -2));
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const n = w.length;
  return n > 3 && w[n - 1] === w[n - 2] && !/[lsz]/.test(w[n - 1] as string) ? w.slice(0, -1) : w;
}

/** A token of a text: its feature key and the word as written (lower case). */
export type Token = { key: string; word: string };

/**
 * The clauses of a text as runs of content words (stop words, numbers and the extra words given, such
 * as the names of the people involved, are dropped and break phrases).
 */
export function contentClauses(text: string, extraStopWords?: ReadonlySet<string>): Token[][] {
  const clauses: Token[][] = [];
  // Codes with digits (order HP-449126, C-2026-000123, 4B) are references, not words: they end a clause.
  for (const clause of text.toLowerCase().replace(CODE, '.').split(CLAUSE)) {
    let run: Token[] = [];
    for (const match of clause.matchAll(WORD)) {
      const word = match[0].endsWith("'s") ? match[0].slice(0, -2) : match[0];
      // Contractions (don't, I'm, we'd) are function words however they are spelled.
      if (word.length < 2 || word.includes("'") || STOP_WORDS.has(word) || extraStopWords?.has(word)) {
        // A stop word ends the phrase run: "refund without receipt" yields no "refund receipt".
        if (run.length) clauses.push(run);
        run = [];
        continue;
      }
      const key = wordKey(word);
      if (key.length < 2 || STOP_WORDS.has(key)) {
        if (run.length) clauses.push(run);
        run = [];
        continue;
      }
      run.push({ key, word });
    }
    if (run.length) clauses.push(run);
  }
  return clauses;
}

/** Calls fn with each feature of the text: every content word, and every two adjacent content words. */
export function forEachFeature(text: string, fn: (key: string, surface: string) => void, extraStopWords?: ReadonlySet<string>): void {
  for (const run of contentClauses(text, extraStopWords)) {
    for (let i = 0; i < run.length; i++) {
      const t = run[i] as Token;
      fn(t.key, t.word);
      const next = run[i + 1];
      if (next && next.key !== t.key) fn(`${t.key} ${next.key}`, `${t.word} ${next.word}`);
    }
  }
}

/** Counts the written forms of each key, so a label can use the form people write most. */
export class SurfaceCounter {
  private readonly forms = new Map<string, Map<string, number>>();

  add(key: string, surface: string): void {
    let m = this.forms.get(key);
    if (!m) {
      m = new Map();
      this.forms.set(key, m);
    }
    m.set(surface, (m.get(surface) ?? 0) + 1);
  }

  /** The commonest written form of a key (ties: the shorter, then the alphabetically first). */
  best(key: string): string {
    const m = this.forms.get(key);
    if (!m) return key;
    let best = '';
    let count = -1;
    for (const [form, c] of m) {
      if (c > count || (c === count && (form.length < best.length || (form.length === best.length && form < best)))) {
        best = form;
        count = c;
      }
    }
    return best;
  }
}
