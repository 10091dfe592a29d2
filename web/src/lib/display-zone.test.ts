import { afterEach, describe, expect, it } from 'vitest';
import { displayZone, setDisplayZone } from './display-zone.js';
import { dueWords } from './due-words.js';
import { formatDateTime } from './time.js';

describe('times on the workspace’s clock', () => {
  afterEach(() => setDisplayZone(null));

  it('names the workspace’s zone only when it differs from the viewer’s', () => {
    setDisplayZone('America/Los_Angeles', 'Europe/London');
    expect(displayZone()).toBe('America/Los_Angeles');
    setDisplayZone('Europe/London', 'Europe/London');
    expect(displayZone()).toBeNull();
    setDisplayZone('Not/AZone', 'Europe/London');
    expect(displayZone()).toBeNull();
  });

  it('says a due time as the business means it', () => {
    // Sat 00:00 UTC is Friday 4 pm in Los Angeles (PST in March before the change).
    const due = '2026-03-07T00:00:00.000Z';
    const now = new Date('2026-03-05T12:00:00Z');
    expect(dueWords(due, now, 'America/Los_Angeles')).toBe('Fri 4 pm PST');
    expect(dueWords('2026-07-10T23:30:00.000Z', new Date('2026-07-09T12:00:00Z'), 'America/Los_Angeles')).toBe('Fri 4:30 pm PDT');
    expect(dueWords(due, new Date('2026-02-01T00:00:00Z'), 'America/Los_Angeles')).toBe('6 Mar 4 pm PST');
    expect(formatDateTime(due, 'America/Los_Angeles')).toMatch(/PST/);
    expect(formatDateTime(due, null)).not.toMatch(/PST/);
  });
});
