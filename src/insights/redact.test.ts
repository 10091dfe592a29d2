import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRedaction, REDACTION_KINDS, type RedactionKind, redact } from './redact.js';
import { ibanValid, luhnValid } from './redaction-patterns.js';

type Person = { name: string; role?: string };
type Case = {
  id: string;
  text: string;
  names: (string | Person)[];
  directory?: Person[];
  expect: { kind: RedactionKind; text: string }[];
  out?: string;
};

const corpus = readFileSync(new URL('../../test/fixtures/redaction/corpus.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Case);

const people = (names: Case['names']): Person[] => names.map((n) => (typeof n === 'string' ? { name: n } : n));

/** Per kind: what was expected and found (true positives), found but not expected, expected but missed. */
function score() {
  const tally = Object.fromEntries(REDACTION_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<
    RedactionKind,
    { tp: number; fp: number; fn: number }
  >;
  const misses: string[] = [];
  for (const c of corpus) {
    const result = redact(c.text, { parties: people(c.names), directory: c.directory ?? [] });
    const expected = [...c.expect];
    for (const r of result.removed) {
      const i = expected.findIndex((e) => e.kind === r.kind && e.text === r.text);
      if (i >= 0) {
        tally[r.kind].tp++;
        expected.splice(i, 1);
      } else {
        tally[r.kind].fp++;
        misses.push(`${c.id}: removed ${r.kind} "${r.text}" that should stay`);
      }
    }
    for (const e of expected) {
      tally[e.kind].fn++;
      misses.push(`${c.id}: missed ${e.kind} "${e.text}"`);
    }
  }
  return { tally, misses };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

describe('redaction', () => {
  it('checks card numbers with Luhn and IBANs with their mod-97 checksum', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('GB83 WEST 1234 5698 7654 32')).toBe(false);
  });

  it('gives each kind its recall and precision on the tricky-case corpus, above the stated floors', () => {
    const { tally, misses } = score();
    const rows = REDACTION_KINDS.map((k) => {
      const { tp, fp, fn } = tally[k];
      return { kind: k, expected: tp + fn, removed: tp + fp, recall: ratio(tp, tp + fn), precision: ratio(tp, tp + fp) };
    });
    console.info(
      `redaction corpus (${corpus.length} texts):\n${rows
        .map(
          (r) =>
            `  ${r.kind.padEnd(9)} expected ${String(r.expected).padStart(3)}  removed ${String(r.removed).padStart(3)}  recall ${r.recall.toFixed(2)}  precision ${r.precision.toFixed(2)}`,
        )
        .join('\n')}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`,
    );
    // Every kind occurs in the corpus, so no figure below is vacuous.
    for (const r of rows) expect(r.expected, r.kind).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.recall, `${r.kind} recall`).toBeGreaterThanOrEqual(FLOORS[r.kind].recall);
      expect(r.precision, `${r.kind} precision`).toBeGreaterThanOrEqual(FLOORS[r.kind].precision);
    }
  });

  it('writes the expected text where the corpus gives one', () => {
    for (const c of corpus.filter((x) => x.out !== undefined))
      expect(redact(c.text, { parties: people(c.names), directory: c.directory ?? [] }).text, c.id).toBe(c.out);
  });

  it('keeps one label per person across the texts of one story', () => {
    const story = createRedaction({
      parties: [
        { name: 'Tom Okafor', role: 'employee' },
        { name: 'Lena Fischer', role: 'employee' },
      ],
    });
    expect(story.redact('Lena took over from Tom.').text).toBe('An employee (A) took over from an employee (B).');
    expect(story.redact('Tom said Lena was right.').text).toBe('An employee (B) said an employee (A) was right.');
  });
});

/** Floors at the measured figures (README): a change that loses a case here must say why. */
const FLOORS: Record<RedactionKind, { recall: number; precision: number }> = {
  name: { recall: 0.95, precision: 0.95 },
  email: { recall: 1, precision: 1 },
  case_ref: { recall: 1, precision: 1 },
  iban: { recall: 1, precision: 1 },
  card: { recall: 1, precision: 1 },
  address: { recall: 0.8, precision: 1 },
  order: { recall: 1, precision: 1 },
  account: { recall: 1, precision: 1 },
  date: { recall: 1, precision: 1 },
  phone: { recall: 1, precision: 1 },
};
