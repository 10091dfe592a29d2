import { expect, it } from 'vitest';
import { pgTimestampToIso } from './pg-timestamps.js';

const viaDate = (text: string) => new Date(text).toISOString();

it('reads every shape PostgreSQL sends in UTC exactly as Date does', () => {
  // A seeded walk over instants from 1970 to 2100 and every fraction length PostgreSQL prints.
  let state = 7;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  for (let i = 0; i < 20_000; i++) {
    const ms = Math.floor(next() * 4_102_444_800_000);
    const iso = new Date(ms).toISOString();
    const digits = Math.floor(next() * 7);
    const micro = String(Math.floor(next() * 1_000_000))
      .padStart(6, '0')
      .slice(0, digits)
      .replace(/0+$/, '');
    const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}${micro ? `.${micro}` : ''}+00`;
    expect(pgTimestampToIso(text)).toBe(viaDate(text));
  }
});

it('leaves other zones and shapes to Date', () => {
  for (const text of ['2025-06-01 14:34:56.789+02', '2025-06-01 07:04:56+05:30', '2025-06-01 12:34:56.1-07', '12025-06-01 12:34:56+00'])
    expect(pgTimestampToIso(text)).toBe(viaDate(text));
  expect(pgTimestampToIso('2025-06-01 12:34:56.789+00')).toBe('2025-06-01T12:34:56.789Z');
  expect(pgTimestampToIso('2025-06-01 12:34:56+00')).toBe('2025-06-01T12:34:56.000Z');
  expect(pgTimestampToIso('2025-06-01 12:34:56.5+00')).toBe('2025-06-01T12:34:56.500Z');
});
