/** A finding to mark in a text: its [start, end) offsets, whether it is a problem or a good move, and what to call it. */
export type Mark = { span: readonly [number, number]; tone: 'problem' | 'move'; label: string };

/** A run of text and the findings that cover it (empty when plain). */
export type Segment = { text: string; start: number; tone: Mark['tone'] | null; labels: string[] };

/**
 * Cuts `text` into runs at every span edge, so overlapping findings both stay visible: a run is a
 * problem if any problem covers it (problems matter more than moves), and lists every label covering
 * it, so the highlight can be named, not just coloured. Spans past the text's end are clipped.
 */
export function highlightSpans(text: string, marks: readonly Mark[]): Segment[] {
  const valid = marks
    .map((m) => ({ ...m, span: [Math.max(0, m.span[0]), Math.min(text.length, m.span[1])] as const }))
    .filter((m) => m.span[1] > m.span[0]);
  const edges = [...new Set([0, text.length, ...valid.flatMap((m) => m.span)])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < edges.length - 1; i++) {
    const start = edges[i] ?? 0;
    const end = edges[i + 1] ?? start;
    if (end <= start) continue;
    const covering = valid.filter((m) => m.span[0] <= start && m.span[1] >= end);
    const tone = covering.some((m) => m.tone === 'problem') ? 'problem' : covering.length ? 'move' : null;
    const labels = [...new Set(covering.map((m) => m.label))];
    const last = segments.at(-1);
    if (last && last.tone === tone && last.labels.join() === labels.join()) last.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), start, tone, labels });
  }
  return segments;
}
