/**
 * How a full re-mine keeps theme identities. The rules, in order:
 *
 * 1. Members: a new group continues an earlier theme when the Jaccard similarity of their members
 *    (counting only documents present in both runs) is at least 0.4; pairs are matched one to one,
 *    highest first.
 * 2. Centroid: a group left over continues an earlier theme left over when their centroids' cosine
 *    similarity is at least 0.7. A theme people merged into another is matched this way too, and
 *    whatever matches it goes to the theme it was merged into.
 * 3. Stickiness: a document keeps its earlier theme unless another theme is clearly closer (its
 *    similarity to the earlier theme is below 0.9 × its best), so small shifts do not reshuffle people's
 *    view of a theme.
 * 4. Pins: a document people put in a theme (moved, split off, in a locked theme) stays there, and a
 *    theme made by people survives with its pinned documents even when no group matches it.
 * 5. Birth: a group matched by none of these is a new theme (it already has the birth size).
 */
export type PreviousTheme = {
  id: string;
  memberIds: readonly string[];
  centroid: readonly (readonly [string, number])[];
  /** Set when people merged this theme into another: it matches only by centroid, for its target. */
  mergedInto?: string | null;
};

export const MATCH_JACCARD = 0.4;
export const MATCH_CENTROID = 0.7;

export type MatchInput = {
  docIds: readonly string[];
  themeOf: Int32Array;
  themeCount: number;
  /** Similarities of row r to every group's centroid (a buffer the caller reuses). */
  sims: (r: number) => Float32Array;
  centroidOf: (group: number) => [string, number][];
  previous: readonly PreviousTheme[];
  pins: ReadonlyMap<string, string>;
  stickiness: number;
};

export type MatchOutput = {
  /** Final theme of each row (-1: unthemed). */
  themeOf: Int32Array;
  ids: (string | null)[];
  matchedBy: ('members' | 'centroid' | 'pinned' | null)[];
};

/**
 * Which of this run's groups continue no earlier theme by rule 1 or 2: the seeds of new themes when a
 * re-mine starts from the earlier themes (see mineThemes).
 */
export function unmatchedGroups(
  docIds: readonly string[],
  themeOf: Int32Array,
  k: number,
  centroidOf: (group: number) => [string, number][],
  previous: readonly PreviousTheme[],
): number[] {
  const active = previous.filter((p) => !p.mergedInto);
  const prevOfDoc = new Map<string, number>();
  for (const [i, p] of active.entries()) for (const id of p.memberIds) prevOfDoc.set(id, i);
  const oldIn = new Int32Array(k);
  const prevPresent = new Int32Array(active.length);
  const overlap = new Map<number, number>();
  themeOf.forEach((g, r) => {
    const p = prevOfDoc.get(docIds[r] as string);
    if (p === undefined) return;
    prevPresent[p] = (prevPresent[p] as number) + 1;
    if (g < 0) return;
    oldIn[g] = (oldIn[g] as number) + 1;
    overlap.set(g * active.length + p, (overlap.get(g * active.length + p) ?? 0) + 1);
  });
  const matched = new Set<number>();
  for (const [key, inter] of overlap) {
    const g = Math.floor(key / active.length);
    const p = key % active.length;
    if (inter / ((oldIn[g] as number) + (prevPresent[p] as number) - inter) >= MATCH_JACCARD) matched.add(g);
  }
  const vectors = previous.map((p) => new Map(p.centroid));
  const out: number[] = [];
  for (let g = 0; g < k; g++) {
    if (matched.has(g)) continue;
    const c = centroidOf(g);
    const close = vectors.some((v) => c.reduce((sum, [term, w]) => sum + w * (v.get(term) ?? 0), 0) >= MATCH_CENTROID);
    if (!close) out.push(g);
  }
  return out;
}

/** Gives each group of this run the identity of the earlier theme it continues, if any (rules above). */
export function matchThemes(input: MatchInput): MatchOutput {
  const { docIds, themeOf, themeCount: k, previous } = input;
  const active = previous.filter((p) => !p.mergedInto);
  const prevIndex = new Map(active.map((p, i) => [p.id, i]));
  const prevOfDoc = new Map<string, number>();
  for (const [i, p] of active.entries()) for (const id of p.memberIds) prevOfDoc.set(id, i);
  // Overlaps of members between this run's groups and the earlier themes.
  const oldIn = new Int32Array(k);
  const prevPresent = new Int32Array(active.length);
  const overlap = new Map<number, number>();
  themeOf.forEach((g, r) => {
    const p = prevOfDoc.get(docIds[r] as string);
    if (p === undefined) return;
    prevPresent[p] = (prevPresent[p] as number) + 1;
    if (g < 0) return;
    oldIn[g] = (oldIn[g] as number) + 1;
    const key = g * active.length + p;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  });
  const pairs: { g: number; p: number; j: number }[] = [];
  for (const [key, inter] of overlap) {
    const g = Math.floor(key / active.length);
    const p = key % active.length;
    const j = inter / ((oldIn[g] as number) + (prevPresent[p] as number) - inter);
    if (j >= MATCH_JACCARD) pairs.push({ g, p, j });
  }
  pairs.sort((a, b) => b.j - a.j || a.g - b.g || a.p - b.p);
  const groupId: (string | null)[] = new Array(k).fill(null);
  const how: ('members' | 'centroid' | 'pinned' | null)[] = new Array(k).fill(null);
  const takenPrev = new Set<number>();
  for (const { g, p } of pairs) {
    if (groupId[g] !== null || takenPrev.has(p)) continue;
    groupId[g] = (active[p] as PreviousTheme).id;
    how[g] = 'members';
    takenPrev.add(p);
  }
  // Centroid matches for what is left, and for themes merged away (many groups may reach one target).
  const target = (id: string): string => {
    const seen = new Set<string>();
    let at = id;
    for (;;) {
      const next = previous.find((p) => p.id === at)?.mergedInto;
      if (!next || seen.has(next)) return at;
      seen.add(at);
      at = next;
    }
  };
  const leftovers = previous.filter((p) => p.mergedInto || !takenPrev.has(prevIndex.get(p.id) as number));
  const leftoverVectors = leftovers.map((p) => new Map(p.centroid));
  for (let g = 0; g < k; g++) {
    if (groupId[g] !== null || leftovers.length === 0) continue;
    const c = input.centroidOf(g);
    let best = -1;
    let bestSim = MATCH_CENTROID;
    leftovers.forEach((p, i) => {
      if (!p.mergedInto && takenPrev.has(prevIndex.get(p.id) as number)) return;
      const v = leftoverVectors[i] as Map<string, number>;
      let dot = 0;
      for (const [term, w] of c) dot += w * (v.get(term) ?? 0);
      if (dot >= bestSim) {
        bestSim = dot;
        best = i;
      }
    });
    if (best < 0) continue;
    const p = leftovers[best] as PreviousTheme;
    groupId[g] = target(p.id);
    how[g] = 'centroid';
    if (!p.mergedInto) takenPrev.add(prevIndex.get(p.id) as number);
  }
  for (let g = 0; g < k; g++) if (groupId[g] !== null) groupId[g] = target(groupId[g] as string);

  // Groups with the same identity become one theme.
  const ids: (string | null)[] = [];
  const matchedBy: ('members' | 'centroid' | 'pinned' | null)[] = [];
  const finalOfGroup = new Int32Array(k);
  const finalOfId = new Map<string, number>();
  for (let g = 0; g < k; g++) {
    const id = groupId[g] as string | null;
    const existing = id === null ? undefined : finalOfId.get(id);
    if (existing !== undefined) {
      finalOfGroup[g] = existing;
      continue;
    }
    finalOfGroup[g] = ids.length;
    if (id !== null) finalOfId.set(id, ids.length);
    ids.push(id);
    matchedBy.push(how[g] ?? null);
  }
  const groupsOf: number[][] = ids.map(() => []);
  for (let g = 0; g < k; g++) (groupsOf[finalOfGroup[g] as number] as number[]).push(g);
  const out = Int32Array.from(themeOf, (g) => (g >= 0 ? (finalOfGroup[g] as number) : -1));

  // Stickiness: a document stays with its earlier theme unless another is clearly closer.
  themeOf.forEach((g, r) => {
    const p = prevOfDoc.get(docIds[r] as string);
    if (p === undefined) return;
    const earlier = finalOfId.get(target((active[p] as PreviousTheme).id));
    if (earlier === undefined || earlier === out[r]) return;
    const sims = input.sims(r);
    const simOf = (f: number) => Math.max(...(groupsOf[f] as number[]).map((x) => sims[x] as number));
    const now = g >= 0 ? simOf(out[r] as number) : 0;
    const before = simOf(earlier);
    if (before > 0 && before >= input.stickiness * now) out[r] = earlier;
  });

  // Pins: people's placements stand; a theme they made lives on through its pinned documents.
  const rowOf = new Map(docIds.map((id, r) => [id, r]));
  for (const [docId, themeId] of input.pins) {
    const r = rowOf.get(docId);
    if (r === undefined) continue;
    const id = target(themeId);
    let f = finalOfId.get(id);
    if (f === undefined) {
      f = ids.length;
      finalOfId.set(id, f);
      ids.push(id);
      matchedBy.push('pinned');
    }
    out[r] = f;
  }

  // Drop themes left empty (all their documents went elsewhere) and renumber.
  const size = new Int32Array(ids.length);
  for (const f of out) if (f >= 0) size[f] = (size[f] as number) + 1;
  const renum = new Int32Array(ids.length).fill(-1);
  const keptIds: (string | null)[] = [];
  const keptHow: ('members' | 'centroid' | 'pinned' | null)[] = [];
  ids.forEach((id, f) => {
    if ((size[f] as number) === 0) return;
    renum[f] = keptIds.length;
    keptIds.push(id);
    keptHow.push(matchedBy[f] ?? null);
  });
  return { themeOf: out.map((f) => (f >= 0 ? (renum[f] as number) : -1)), ids: keptIds, matchedBy: keptHow };
}
