import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import wordListPath from 'word-list';

/**
 * What the redactor knows about words: whether a word is a person's name somewhere in the world
 * (cspell's people-names dictionary, ~39,000 given and family names from many cultures, MIT) and
 * whether it is also an ordinary English word (sindresorhus/word-list, ~274,000 words, MIT), as "Bill",
 * "May", "Hope" and "Grant" are. Both are plain word lists shipped in their npm packages and read
 * once; everything that decides with them is pure.
 */
export type NameLexicon = { isName(lower: string): boolean; isWord(lower: string): boolean };

/** A lexicon from given lists (tests, and callers with their own lists). */
export function nameLexiconOf(names: Iterable<string>, words: Iterable<string>): NameLexicon {
  const nameSet = new Set([...names].map((n) => n.toLowerCase()));
  const wordSet = new Set([...words].map((w) => w.toLowerCase()));
  return { isName: (w) => nameSet.has(w), isWord: (w) => wordSet.has(w) };
}

let loaded: NameLexicon | undefined;

/** The lexicon from the two packages, read from disk the first time only (about 3 MB, ~100 ms). */
export function loadNameLexicon(): NameLexicon {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const namesFile = join(dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')), 'dict', 'people-names.txt');
  const names = readFileSync(namesFile, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  const words = readFileSync(wordListPath, 'utf8').split('\n');
  loaded = nameLexiconOf(names, words);
  return loaded;
}
