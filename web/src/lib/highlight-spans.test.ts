import { describe, expect, it } from 'vitest';
import { highlightSpans } from './highlight-spans.js';

describe('highlightSpans', () => {
  it('returns the whole text as one plain run when nothing is marked', () => {
    expect(highlightSpans('hello', [])).toEqual([{ text: 'hello', start: 0, tone: null, labels: [] }]);
  });

  it('marks a span and leaves the rest plain', () => {
    const text = 'Please calm down, sir.';
    const runs = highlightSpans(text, [{ span: [7, 16], tone: 'problem', label: 'Dismissive' }]);
    expect(runs.map((r) => [r.text, r.tone, r.labels])).toEqual([
      ['Please ', null, []],
      ['calm down', 'problem', ['Dismissive']],
      [', sir.', null, []],
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  it('lets a problem win where it overlaps a move, and names both', () => {
    const runs = highlightSpans('abcdef', [
      { span: [0, 4], tone: 'move', label: 'Empathy' },
      { span: [2, 6], tone: 'problem', label: 'Blame' },
    ]);
    expect(runs.map((r) => [r.text, r.tone, r.labels])).toEqual([
      ['ab', 'move', ['Empathy']],
      ['cd', 'problem', ['Empathy', 'Blame']],
      ['ef', 'problem', ['Blame']],
    ]);
  });

  it('clips spans past the end and drops empty ones, so a stale result never breaks the preview', () => {
    const runs = highlightSpans('abc', [
      { span: [1, 99], tone: 'move', label: 'Thanks' },
      { span: [50, 60], tone: 'problem', label: 'Jargon' },
    ]);
    expect(runs.map((r) => r.text)).toEqual(['a', 'bc']);
    expect(runs[1]?.tone).toBe('move');
  });
});
