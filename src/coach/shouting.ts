import type { Span } from '../domain/coach.js';
import { ACRONYMS } from './lexicon.js';

const WORD = /[A-Za-z][A-Za-z'’&]*/g;
const EXCLAIM = /!{2,}|[!?]*![!?]*\?[!?]*!+[!?]*|\?{3,}/g;
const LOWER = /[a-z]/;

/**
 * Finds shouting: runs of upper-case words, a single upper-case word of three letters or more
 * ("NOT"), and piled-up exclamation marks. Known abbreviations (UPS, ASAP, ID) are not shouting.
 */
export function findShouting(text: string): Span[] {
  const spans: Span[] = [];
  WORD.lastIndex = 0;
  let runStart = -1;
  let runEnd = -1;
  let loud = 0;
  let longest = 0;
  const close = () => {
    if (runStart >= 0 && (loud >= 2 || longest >= 3)) spans.push([runStart, runEnd]);
    runStart = -1;
    loud = 0;
    longest = 0;
  };
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    // "[NAME]" and the like are placeholders left by redaction, not shouting.
    if (text[m.index - 1] === '[' && text[m.index + word.length] === ']') {
      close();
      continue;
    }
    const isCaps = !LOWER.test(word) && (word.length >= 2 || word === 'I' || word === 'A');
    if (!isCaps) {
      close();
      continue;
    }
    // A run continues across spaces and light punctuation, but not across a sentence end.
    if (runStart >= 0 && /[.!?\n]/.test(text.slice(runEnd, m.index))) close();
    const bare = word.replace(/['’].*$/, '');
    const counts = bare.length >= 2 && !ACRONYMS.has(bare.toUpperCase());
    if (runStart < 0) {
      if (!counts) continue; // a run starts at a word that counts: "I" and "UPS" alone are not shouting
      runStart = m.index;
    }
    runEnd = m.index + word.length;
    if (counts) {
      loud++;
      longest = Math.max(longest, bare.length);
    }
  }
  close();
  EXCLAIM.lastIndex = 0;
  for (let m = EXCLAIM.exec(text); m; m = EXCLAIM.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans.sort((a, b) => a[0] - b[0]);
}
