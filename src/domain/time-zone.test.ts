import { describe, expect, it } from 'vitest';
import { isTimeZone, offsetMinutes } from './time-zone.js';

describe('time zones', () => {
  it('knows IANA names and refuses anything else', () => {
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('gives the offset at a moment, daylight saving included', () => {
    expect(offsetMinutes('America/Los_Angeles', new Date('2026-01-15T12:00:00Z'))).toBe(-480);
    expect(offsetMinutes('America/Los_Angeles', new Date('2026-07-15T12:00:00Z'))).toBe(-420);
    expect(offsetMinutes('Asia/Kolkata', new Date('2026-07-15T12:00:00Z'))).toBe(330);
    expect(offsetMinutes('UTC', new Date('2026-07-15T12:34:56.789Z'))).toBe(0);
  });
});
