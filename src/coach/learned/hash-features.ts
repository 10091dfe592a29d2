/**
 * Hashed n-gram features: words and runs of up to `words` words, and character n-grams of the
 * lower-cased text, each folded into a fixed table by FNV-1a. A fixed table needs no vocabulary file and no
 * look-up structure at run time; collisions cost a little accuracy, which the table size bounds.
 * Character n-grams carry the typos and inflections of text nobody here wrote ("apologise",
 * "apologize", "apolgies" share most of theirs).
 */
export type Features = { index: Int32Array; value: Float32Array };

/** Which n-grams a text yields: word runs up to `words` long, and character n-grams of each length in `chars`. */
export type NgramSpec = { words: number; chars: readonly number[] };

/** Reply sentences are short and formulaic: word 1–3-grams and character 4-grams read them well. */
export const REPLY_NGRAMS: NgramSpec = { words: 3, chars: [4] };

/** One named feature outside the text (a rule's finding, an overlap bucket) with its weight. */
export type Extra = [name: string, value: number];

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const TOKEN = /[a-z0-9]+(?:'[a-z]+)?|\?/g;

/** Lower-cased words (with their apostrophes) and question marks; other punctuation carries little here. */
export function tokens(text: string): string[] {
  return text.toLowerCase().replace(/[’‘`]/g, "'").match(TOKEN) ?? [];
}

/** The n-grams of a text as strings: what the hashed table is built from, and what a reason quotes. */
export function ngrams(text: string, spec: NgramSpec = REPLY_NGRAMS): string[] {
  const words = tokens(text);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    out.push(`w ${words[i]}`);
    if (spec.words >= 2 && i + 1 < words.length) out.push(`w ${words[i]} ${words[i + 1]}`);
    if (spec.words >= 3 && i + 2 < words.length) out.push(`w ${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  }
  if (words.length > 0) out.push(`w <s> ${words[0]}`, `w ${words[words.length - 1]} </s>`);
  const flat = ` ${words.join(' ')} `;
  for (const n of spec.chars) {
    // Character 4-grams keep their historical name, so the reply table's slots stay where they were.
    const tag = n === 4 ? 'c' : `c${n}`;
    for (let i = 0; i + n <= flat.length; i++) out.push(`${tag} ${flat.slice(i, i + n)}`);
  }
  return out;
}

/** Table slot of a feature name, for a table of 2^bits slots. */
export function slot(name: string, bits: number): number {
  return fnv1a(name) & ((1 << bits) - 1);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;

/** FNV-1a carried on over more characters: the hash of a name is built as its parts are read. */
function fnvOn(h: number, s: string): number {
  let x = h;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), FNV_PRIME);
  return x;
}

/**
 * How often each table slot occurs among a text's n-grams: the slots of `ngrams(text, spec)`, in the
 * same order, but hashed as the words are read instead of building every n-gram's string (most of
 * the learned layer's time went there).
 */
export function ngramSlotCounts(text: string, bits: number, spec: NgramSpec = REPLY_NGRAMS): Map<number, number> {
  const mask = (1 << bits) - 1;
  // Counted in a reused table rather than a Map (several hundred n-grams per message); the slots
  // touched are kept in the order first seen, which is the order of the features.
  const table = scratchFor(bits);
  const touched: number[] = [];
  const add = (h: number) => {
    const s = h & mask;
    const seen = table[s] as number;
    table[s] = seen + 1;
    if (seen === 0) touched.push(s);
  };
  const words = tokens(text);
  const wordTag = fnvOn(FNV_OFFSET, 'w ');
  for (let i = 0; i < words.length; i++) {
    const one = fnvOn(wordTag, words[i] as string);
    add(one);
    if (spec.words >= 2 && i + 1 < words.length) {
      const two = fnvOn(Math.imul(one ^ SPACE, FNV_PRIME), words[i + 1] as string);
      add(two);
      if (spec.words >= 3 && i + 2 < words.length) add(fnvOn(Math.imul(two ^ SPACE, FNV_PRIME), words[i + 2] as string));
    }
  }
  if (words.length > 0) {
    add(fnvOn(fnvOn(wordTag, '<s> '), words[0] as string));
    add(fnvOn(fnvOn(wordTag, words[words.length - 1] as string), ' </s>'));
  }
  const flat = ` ${words.join(' ')} `;
  for (const n of spec.chars) {
    const tag = fnvOn(FNV_OFFSET, n === 4 ? 'c ' : `c${n} `);
    for (let i = 0; i + n <= flat.length; i++) {
      let h = tag;
      for (let j = i; j < i + n; j++) h = Math.imul(h ^ flat.charCodeAt(j), FNV_PRIME);
      add(h);
    }
  }
  const counts = new Map<number, number>();
  for (const s of touched) {
    counts.set(s, table[s] as number);
    table[s] = 0;
  }
  return counts;
}

const scratch = new Map<number, Uint32Array>();
function scratchFor(bits: number): Uint32Array {
  let table = scratch.get(bits);
  if (!table) {
    table = new Uint32Array(1 << bits);
    scratch.set(bits, table);
  }
  return table;
}

/**
 * The sparse feature vector of n-gram counts plus extras: the counts scaled to unit length (so a
 * long sentence does not outvote a short one), extras added at their own value.
 */
export function featuresOf(counts: ReadonlyMap<number, number>, bits: number, extras: readonly Extra[] = []): Features {
  let norm = 0;
  for (const c of counts.values()) norm += c * c;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const index = new Int32Array(counts.size + extras.length);
  const value = new Float32Array(counts.size + extras.length);
  let k = 0;
  for (const [s, c] of counts) {
    index[k] = s;
    value[k++] = c * scale;
  }
  for (const [name, v] of extras) {
    index[k] = slot(`x ${name}`, bits);
    value[k++] = v;
  }
  return { index, value };
}

/** The sparse feature vector of a text plus extras (see `featuresOf`). */
export function featurize(text: string, bits: number, extras: readonly Extra[] = [], spec: NgramSpec = REPLY_NGRAMS): Features {
  return featuresOf(ngramSlotCounts(text, bits, spec), bits, extras);
}
