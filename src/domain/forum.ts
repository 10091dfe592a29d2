import { parseSearchQuery } from './search-query.js';

/**
 * Rules of the staff forum: how long a post stays editable, and how a new thread is compared with
 * the ones already there to offer likely duplicates before it is posted.
 */

/** A post can be corrected by its author for this long; after that it stays as written. */
export const EDIT_WINDOW_MINUTES = 15;

export const isEditable = (createdAt: string, now: Date): boolean => now.getTime() - Date.parse(createdAt) <= EDIT_WINDOW_MINUTES * 60_000;

export const THREAD_STATUSES = ['open', 'reviewed', 'merged'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export const THREAD_SORTS = ['votes', 'newest', 'unreviewed'] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

/** A crude English stem (plural, -ed, -ing, -ly), enough for "refunds"/"refunded" to meet. */
export function stem(word: string): string {
  for (const suffix of ['ingly', 'edly', 'ing', 'ies', 'ed', 'es', 'ly', 's']) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix))
      return suffix === 'ies' ? `${word.slice(0, -3)}y` : word.slice(0, -suffix.length);
  }
  return word;
}

/** The stems of a text's searchable words (the search grammar's words: common English words skipped). */
export const termsOf = (text: string): string[] => parseSearchQuery(text.replaceAll('"', ' ')).words.map(stem);

export type SimilarityDoc = { id: string; title: string; body: string };
export type SimilarThread = { id: string; score: number; sharedTerms: string[] };

/** Title words count this many times as much as body words: a title says what the thread is about. */
const TITLE_WEIGHT = 3;
/** Below this cosine similarity a thread is not offered as a likely duplicate. */
export const DUPLICATE_THRESHOLD = 0.25;

function vectorOf(doc: { title: string; body: string }, idf: (t: string) => number): Map<string, number> {
  const v = new Map<string, number>();
  for (const t of termsOf(doc.title)) v.set(t, (v.get(t) ?? 0) + TITLE_WEIGHT);
  for (const t of termsOf(doc.body)) v.set(t, (v.get(t) ?? 0) + 1);
  for (const [t, tf] of v) v.set(t, tf * idf(t));
  return v;
}

const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));

/**
 * Likely duplicates of a draft among existing threads: the cosine of TF-IDF vectors over word stems
 * (title words weighted 3×, rare words weigh more than words every thread uses), best first, each
 * with the shared words that made it similar so a person can judge. Pure and deterministic.
 */
export function findSimilarThreads(draft: { title: string; body: string }, docs: readonly SimilarityDoc[], limit = 5): SimilarThread[] {
  const df = new Map<string, number>();
  const termSets = docs.map((d) => new Set([...termsOf(d.title), ...termsOf(d.body)]));
  for (const set of termSets) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length + 1;
  const idf = (t: string) => Math.log(1 + n / (1 + (df.get(t) ?? 0)));
  const q = vectorOf(draft, idf);
  const qn = norm(q);
  // Shared terms are shown as the draft's own words, not as stems.
  const shown = new Map<string, string>();
  for (const w of parseSearchQuery(`${draft.title} ${draft.body}`.replaceAll('"', ' ')).words)
    if (!shown.has(stem(w))) shown.set(stem(w), w);
  if (qn === 0) return [];
  const out: SimilarThread[] = [];
  for (const d of docs) {
    const v = vectorOf(d, idf);
    let dot = 0;
    const shared: [string, number][] = [];
    for (const [t, w] of q) {
      const x = v.get(t);
      if (x !== undefined) {
        dot += w * x;
        shared.push([t, w * x]);
      }
    }
    const vn = norm(v);
    const score = vn === 0 ? 0 : dot / (qn * vn);
    if (score >= DUPLICATE_THRESHOLD)
      out.push({
        id: d.id,
        score: Math.round(score * 100) / 100,
        sharedTerms: shared
          .sort((a, b) => b[1] - a[1])
          .slice(0, 6)
          .map(([t]) => shown.get(t) ?? t),
      });
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}
