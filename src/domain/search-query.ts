/**
 * The grammar of case search (`q`), one meaning on both databases:
 *
 * - **words**: runs of letters and digits; every word must occur. Words match by their English stem,
 *   so "refunds" finds "refunded" (PostgreSQL's Snowball English stemmer and SQLite's Porter stemmer,
 *   which agree on all but rare words).
 * - **"a quoted phrase"**: its words next to each other, in that order.
 * - **common English words** (the, and, or, not…) are skipped outside phrases, as PostgreSQL's
 *   `english` configuration skips them when it indexes; inside a phrase they hold their place.
 * - **nothing else means anything**: `-`, `*`, `OR`, `NOT`, parentheses and colons are punctuation
 *   or common words, so `-refund` is `refund` and `refun*` finds only the word "refun". No negation,
 *   no alternatives, no prefixes: one simple meaning that both stores can keep.
 *
 * A query with no word left to search finds nothing.
 */
export type SearchQuery = { words: string[]; phrases: string[][] };

/** PostgreSQL's English stop words (the Snowball list), so both stores skip the same words. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its ' +
    'itself they them their theirs themselves what which who whom this that these those am is are was were be been being ' +
    'have has had having do does did doing a an the and but if or because as until while of at by for with about against ' +
    'between into through during before after above below to from up down in out on off over under again further then once ' +
    'here there when where why how all any both each few more most other some such no nor not only own same so than too ' +
    'very s t can will just don should now'
  ).split(' '),
);

const wordsOf = (text: string): string[] => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.normalize('NFC'));

/** Reads a search box's text by the grammar above. */
export function parseSearchQuery(text: string): SearchQuery {
  const words: string[] = [];
  const phrases: string[][] = [];
  // Quotes split the text into parts; every odd part was inside a pair of quotes (an unclosed quote runs to the end).
  text.split('"').forEach((part, i) => {
    const found = wordsOf(part);
    const inPhrase = i % 2 === 1 && found.length > 1;
    if (inPhrase && found.some((w) => !STOP_WORDS.has(w))) phrases.push(found);
    else if (!inPhrase) words.push(...found.filter((w) => !STOP_WORDS.has(w)));
  });
  return { words: [...new Set(words)], phrases };
}

export const isEmptySearch = (query: SearchQuery): boolean => query.words.length === 0 && query.phrases.length === 0;
