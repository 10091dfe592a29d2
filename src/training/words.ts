/**
 * Plain-text helpers for reading a practice reply beside what the customer said: content words (to
 * tell empathy that names the problem from empathy that could be said to anyone), sentences, and
 * literal phrase matching for rubrics and persona triggers (admins write those, so they are words,
 * never patterns).
 */

const STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can
  could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in
  into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she
  should so some such than that the their theirs them themselves then there these they this those through to too under until up very
  was we were what when where which while who whom why will with would you your yours yourself yourselves im ive id ill youre youve youd
  youll dont didnt doesnt isnt wasnt arent werent wont cant couldnt shouldnt wouldnt havent hasnt hadnt lets thats theres heres whats
  one two get got going gone go come came make made let put say said tell told ask asked want wanted need needed like right okay ok yes
  well still even ever never really actually just today now time way thing things something anything everything nothing someone anyone
  everyone bit lot much many sure know think see look back take give please thank thanks sorry`.split(/\s+/),
);

/** Words of feeling and sympathy: saying them back shows no grasp of what happened. */
const FEELING = new Set(
  `feel feeling feelings felt frustrat frustrating frustrated frustration upset upsetting annoy annoying annoyed angry anger stress
  stressful stressed worry worried worrying imagine understand understandable hear heard sound sounds must awful terrible horrible
  difficult hard tough situation problem issue experience happen happened happening completely totally absolutely apologise apologize
  apology help helping sort sorted fix fine good great bad terrible disappoint disappointing disappointed rubbish nightmare hassle
  upsetting concern concerned glad happy sad shame pity mean`.split(/\s+/),
);

/** A crude stem: enough to match "parcels" with "parcel" and "charged" with "charge". */
export function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es') && !w.endsWith('ses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

const WORD = /[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’]*/g;

/** The words of a text that carry its content: no function words, no words of feeling, stemmed. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].toLowerCase().replace(/['’]/g, '');
    if (raw.length < 3 || STOP.has(raw)) continue;
    const s = stem(raw);
    if (s.length < 3 || STOP.has(s) || FEELING.has(s) || FEELING.has(raw)) continue;
    out.add(s);
  }
  return out;
}

/** [start, end) of each sentence, split after . ! ? or a line break. */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /[^.!?\n]+[.!?]*["'’)]*/g;
  for (const m of text.matchAll(re)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end > start) spans.push([start, end]);
  }
  return spans;
}

/** The sentence around an offset, trimmed. */
export function sentenceAt(text: string, at: number): string {
  const span = sentenceSpans(text).find(([s, e]) => at >= s && at < e);
  return span ? text.slice(span[0], span[1]) : text.trim();
}

/** A sentence reduced to its words, for spotting the same line said again. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** How alike two normalised sentences are: shared words over all words (Jaccard). */
export function likeness(a: string, b: string): number {
  const wa = new Set(a.split(' ').filter(Boolean));
  const wb = new Set(b.split(' ').filter(Boolean));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}

const NEGATOR =
  /^(?:not|no|never|cannot|cant|can't|can’t|won't|won’t|wont|don't|don’t|dont|isn't|isn’t|wasn't|wasn’t|couldn't|couldn’t|unable|without)$/i;

function literal(term: string): string {
  return term
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/['’]/g, "['’]")
    .replace(/\s+/g, String.raw`\s+`);
}

const PHRASE_CACHE = new Map<string, RegExp>();

function phrasePattern(phrase: string): RegExp {
  let re = PHRASE_CACHE.get(phrase);
  if (!re) {
    re = new RegExp(String.raw`(?<![\w'’])${literal(phrase)}(?![\w'’])`, 'gi');
    if (PHRASE_CACHE.size > 2000) PHRASE_CACHE.clear();
    PHRASE_CACHE.set(phrase, re);
  }
  re.lastIndex = 0;
  return re;
}

/** True when one of the three words before `at` negates what follows ("I can't make an exception"). */
function negatedAt(text: string, at: number): boolean {
  const before =
    text
      .slice(Math.max(0, at - 40), at)
      .split(/[.!?;,]/)
      .pop() ?? '';
  const words = before.trim().split(/\s+/).filter(Boolean).slice(-3);
  return words.some((w) => NEGATOR.test(w));
}

/**
 * The first place any phrase occurs in the text, as [start, end), or undefined. With `skipNegated`, a
 * phrase right after "not", "can't", "won't"… does not count.
 */
export function findPhrase(text: string, phrases: readonly string[], skipNegated = false): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (const phrase of phrases) {
    if (!phrase.trim()) continue;
    const re = phrasePattern(phrase);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (skipNegated && negatedAt(text, m.index)) continue;
      if (!best || m.index < best[0]) best = [m.index, m.index + m[0].length];
      break;
    }
  }
  return best;
}

export const wordCount = (text: string): number => text.trim().split(/\s+/).filter(Boolean).length;

/** A quote of at most `max` characters, cut at a word. */
export function clip(text: string, max = 120): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
