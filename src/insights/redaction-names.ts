import type { NameLexicon } from './name-lexicon.js';
import { STREET_WORDS } from './redaction-patterns.js';

/**
 * Finding people's names in free text. Known people (the parties of a case, then the staff directory
 * and customer list) are found by every part of their name, in any case, but never inside another
 * word. Names that are also English words ("Bill", "May", "Hope") need their position to say they
 * are names. Unknown names are capitalised words found in a names dictionary, with the same care for
 * words, plus what stands next to them (a title, a known first name, a surname).
 */
export type Person = { name: string; role?: string | undefined };
export type NameSpan = { start: number; end: number; personKey: string; role: string };

type Token = {
  text: string;
  lower: string;
  start: number;
  end: number;
  possessive: boolean;
  sentenceStart: boolean;
  capitalised: boolean;
  upper: boolean;
};

const DETERMINERS = new Set(
  'the a an this that these those my your his her our their its every each no any some another which what whose'.split(' '),
);
const BREAKERS = new Set([...DETERMINERS, ...'i we you he she they it me us him them to so not be if there here all'.split(' ')]);
const MONTH_NAMES = new Set('january february march april may june july august september october november december'.split(' '));
const MONTH_PREPS = new Set('in on of since until till by during early late mid from through before after next last this every'.split(' '));
const REPORTING = new Set(
  (
    'said says told tells asked asks shouted yelled called calls came comes went goes wanted wants left arrived works ' +
    'worked took gave got tried saw helped handled answered apologised apologized offered kept threatened raised mentioned ' +
    'wrote emailed phoned rang returned brought didn wasn refused explained replied complained stayed agreed ' +
    'thought felt insisted'
  ).split(' '),
);
const TITLES = new Set('mr mrs ms miss mx dr sir madam mister'.split(' '));
/** Words so common that a names dictionary listing them ("In", "He") says nothing. */
const FUNCTION_WORDS = new Set(
  'a an the in on at by to of up he she it we me us my our as or so if do no go be is am are was were and but for nor yet with from into over under out off then than that this'.split(
    ' ',
  ),
);
const SUBJECTS = new Set('i we you they'.split(' '));
/** Names that are also modal verbs: followed by a subject ("Will you wait?") they ask a question. */
const MODALS = new Set('will may can shall must might'.split(' '));
/** Verbs that start an instruction and are also family names ("Call Dev", "Tell Sam"): at a sentence's start they are the verb. */
const IMPERATIVES = new Set(
  'call tell ask email text phone ring thank send give let get see meet help contact message remind check show'.split(' '),
);
const STREETS = new Set(STREET_WORDS);
/** Capitalised words the names dictionary also holds that are almost never a person in a workplace story. */
const NOT_PEOPLE = new Set([
  ...MONTH_NAMES,
  ...'monday tuesday wednesday thursday friday saturday sunday christmas easter'.split(' '),
  ...'english french german spanish italian polish dutch chinese japanese arabic'.split(' '),
  ...'visa mastercard amex paypal apple google amazon street road avenue customer manager store team support desk'.split(' '),
  ...'i hi hello dear thanks ok okay spring summer autumn winter'.split(' '),
  ...TITLES,
  ...FUNCTION_WORDS,
]);

const TOKEN = /[\p{L}][\p{L}\p{M}]*(?:['’-][\p{L}][\p{L}\p{M}]*)*/gu;

function tokenize(text: string, skip: (start: number, end: number) => boolean): Token[] {
  const upperShare = (text.match(/\p{Lu}/gu)?.length ?? 0) / Math.max(1, text.match(/\p{L}/gu)?.length ?? 0);
  const shouting = upperShare > 0.6;
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let word = m[0];
    const start = m.index;
    let possessive = false;
    if (/['’]s$/i.test(word) && word.length > 3) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (/s$/.test(word) && /^['’](?![\p{L}])/u.test(text.slice(start + word.length))) possessive = true;
    const end = start + word.length;
    if (skip(start, end)) continue;
    let j = start - 1;
    while (j >= 0 && /[\s"'“”‘’([{*_-]/u.test(text[j] as string)) j--;
    const sentenceStart = j < 0 || /[.!?:;\n]/.test(text[j] as string) || /\n/.test(text.slice(j + 1, start));
    const first = word[0] as string;
    const isUpper = word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
    out.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end,
      possessive,
      sentenceStart: sentenceStart || shouting,
      capitalised: (first !== first.toLowerCase() && !isUpper) || (isUpper && !shouting),
      upper: isUpper,
    });
  }
  return out;
}

/** Optimal string alignment distance (edits, transpositions counted once), for misspelt names. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      row[j] = Math.min(
        ((d[i - 1] as number[])[j] as number) + 1,
        (row[j - 1] as number) + 1,
        ((d[i - 1] as number[])[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  return (d[a.length] as number[])[b.length] as number;
}

const partsOf = (name: string) =>
  name
    .split(/[\s,]+/)
    .map((p) => p.replace(/[.()]/g, '').toLowerCase())
    .filter((p) => p.length >= 2 && !TITLES.has(p));

/** Whether the words around a token that is also an English word make it a name here. */
function readsAsName(tokens: Token[], i: number, known: boolean, text: string): boolean {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const adjacent = (a: Token | undefined, b: Token | undefined) =>
    a !== undefined && b !== undefined && /^[\s,]*$/.test(text.slice(a.end, b.start));
  if (!t.capitalised && !t.upper) return false;
  if (prev && adjacent(prev, t) && DETERMINERS.has(prev.lower)) return false;
  if (MONTH_NAMES.has(t.lower) && ((prev && MONTH_PREPS.has(prev.lower)) || /^\s*\d/.test(text.slice(t.end)))) return false;
  if (!t.possessive && next && adjacent(t, next) && BREAKERS.has(next.lower) && (t.sentenceStart || t.upper)) return false;
  if (!t.possessive && next && adjacent(t, next) && MODALS.has(t.lower) && SUBJECTS.has(next.lower)) return false;
  if (!t.sentenceStart && !t.upper) return true;
  if (known || t.possessive) return true;
  if (!next || !adjacent(t, next)) return false;
  return (
    REPORTING.has(next.lower) ||
    (next.lower.endsWith('ed') && next.lower.length > 4 && !next.capitalised) ||
    (next.capitalised && !next.sentenceStart)
  );
}

/**
 * Every name of a person in the text that is not inside an excluded span. Known people come first
 * (their index is their key); unknown names are keyed by the name itself, so each is one person.
 */
export function findNames(
  text: string,
  people: readonly Person[],
  lexicon: NameLexicon,
  excluded: (start: number, end: number) => boolean,
): NameSpan[] {
  const tokens = tokenize(text, excluded);
  const found: NameSpan[] = [];
  const taken = new Set<number>();
  const roleOf = (p: Person) => p.role ?? 'person';
  const parts = people.map((p) => partsOf(p.name));
  const partOwner = new Map<string, number>();
  parts.forEach((ps, i) => {
    for (const p of ps) if (!partOwner.has(p)) partOwner.set(p, i);
  });
  const add = (from: number, to: number, personKey: string, role: string) => {
    for (let k = from; k <= to; k++) taken.add(k);
    const first = tokens[from] as Token;
    let start = first.start;
    // An initial before the name ("T. Okafor") or a title ("Mrs Alvarez") goes with it.
    const before = text.slice(Math.max(0, start - 6), start);
    const lead = /(?:^|[^\p{L}])((?:mr|mrs|ms|miss|mx|dr)\.?\s+|[\p{Lu}]\.\s?)$/iu.exec(before);
    if (lead?.[1]) start -= lead[1].length;
    found.push({ start, end: (tokens[to] as Token).end, personKey, role });
  };

  // Known people: whole names first, then single parts.
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue;
    for (const [pi, ps] of parts.entries()) {
      if (ps.length < 2) continue;
      const n = ps.length;
      const whole = tokens.slice(i, i + n).map((t) => t.lower);
      const firstLast = [tokens[i]?.lower, tokens[i + 1]?.lower];
      if (whole.join(' ') === ps.join(' ')) add(i, i + n - 1, `k:${pi}`, roleOf(people[pi] as Person));
      else if (firstLast[0] === ps[0] && firstLast[1] === ps[n - 1]) add(i, i + 1, `k:${pi}`, roleOf(people[pi] as Person));
      else continue;
      break;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue;
    const t = tokens[i] as Token;
    const owner = partOwner.get(t.lower);
    if (owner !== undefined) {
      const ambiguous = lexicon.isWord(t.lower) || BREAKERS.has(t.lower) || REPORTING.has(t.lower);
      if (!ambiguous || readsAsName(tokens, i, true, text)) add(i, i, `k:${owner}`, roleOf(people[owner] as Person));
      continue;
    }
    // A misspelt known name: a capitalised non-word one or two letters from a known part.
    if ((t.capitalised || t.upper) && t.lower.length >= 4 && !lexicon.isWord(t.lower)) {
      for (const [part, pi] of partOwner) {
        if (part.length < 4 || part[0] !== t.lower[0] || lexicon.isWord(part)) continue;
        if (editDistance(part, t.lower) <= (part.length >= 8 ? 2 : 1)) {
          add(i, i, `k:${pi}`, roleOf(people[pi] as Person));
          break;
        }
      }
    }
  }
  // Dotted initials of a known person ("T.O.").
  for (const m of text.matchAll(/(?<![\p{L}.])([\p{Lu}])\.\s?([\p{Lu}])\.(?![\p{L}])/gu)) {
    const pi = parts.findIndex((ps) => ps.length >= 2 && ps[0]?.[0] === m[1]?.toLowerCase() && ps.at(-1)?.[0] === m[2]?.toLowerCase());
    if (pi >= 0 && !excluded(m.index, m.index + m[0].length) && !found.some((f) => m.index < f.end && m.index + m[0].length > f.start))
      found.push({ start: m.index, end: m.index + m[0].length, personKey: `k:${pi}`, role: roleOf(people[pi] as Person) });
  }

  // Unknown names.
  const unknown = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue;
    const t = tokens[i] as Token;
    if (!(t.capitalised || t.upper) || NOT_PEOPLE.has(t.lower) || t.lower.length < 2) continue;
    const prev = tokens[i - 1];
    const afterTitle = prev !== undefined && TITLES.has(prev.lower) && /^\.?\s+$/.test(text.slice(prev.end, t.start));
    const nearAmp = /&\s*$/.test(text.slice(Math.max(0, t.start - 3), t.start)) || /^\s*&/.test(text.slice(t.end, t.end + 3));
    const next0 = tokens[i + 1];
    if (nearAmp || (IMPERATIVES.has(t.lower) && !afterTitle) || (next0 && STREETS.has(next0.lower))) continue;
    let isPerson = afterTitle;
    if (!isPerson && lexicon.isName(t.lower)) {
      const word = lexicon.isWord(t.lower) || BREAKERS.has(t.lower) || REPORTING.has(t.lower);
      isPerson = word ? readsAsName(tokens, i, false, text) : !t.upper || !t.sentenceStart || t.lower.length > 2;
    }
    if (!isPerson) continue;
    // A first name the dictionary lacks joins a surname it has ("Priya Natarajan"), and a surname
    // right after a name joins it ("Ingrid Halvorsen"), when neither is an ordinary word.
    const joins = (x: Token | undefined, k: number) =>
      x !== undefined &&
      !taken.has(k) &&
      (x.capitalised || x.upper) &&
      (!lexicon.isWord(x.lower) || lexicon.isName(x.lower)) &&
      !NOT_PEOPLE.has(x.lower);
    let from = i;
    if (joins(prev, i - 1) && prev && !lexicon.isWord(prev.lower) && /^\s+$/.test(text.slice(prev.end, t.start))) {
      from = i - 1;
      unknown.add(prev.lower);
    }
    let to = i;
    const next = tokens[i + 1];
    if (joins(next, i + 1) && next && /^\s+$/.test(text.slice(t.end, next.start))) to = i + 1;
    const key = tokens
      .slice(from, to + 1)
      .map((x) => x.lower)
      .join(' ');
    unknown.add(t.lower);
    add(from, to, `u:${key}`, 'person');
  }
  // Once found, a name goes everywhere in the text (as a name, not where it is plainly a word).
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (taken.has(i) || !unknown.has(t.lower)) continue;
    if (!lexicon.isWord(t.lower) || t.capitalised || t.upper) {
      const owner = found.find((f) => f.personKey.startsWith('u:') && f.personKey.slice(2).split(' ').includes(t.lower));
      add(i, i, owner?.personKey ?? `u:${t.lower}`, 'person');
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
