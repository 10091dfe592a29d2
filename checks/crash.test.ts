import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases.js';
import { crashPassed, describeSummary, runCrashTrials } from './crash.js';

// The short version of `npm run test:crash`: real servers killed with SIGKILL under write load.
describeEachDatabase('kill -9 under write load', (kind) => {
  it('loses no acknowledged write, keeps every chain valid and sends each reply once or twice under one Message-ID', async () => {
    const summary = await runCrashTrials({ database: kind, trials: 2, loadSeconds: 2, clients: 3 });
    console.info(describeSummary(summary));
    expect(summary.lost).toEqual([]);
    expect(summary.acknowledged.cases).toBeGreaterThan(0);
    expect(summary.acknowledged.statements).toBeGreaterThan(0);
    expect(summary.mails).toMatchObject({ missing: 0, overDelivered: 0 });
    expect(summary.verified).toBe(true);
    expect(crashPassed(summary)).toBe(true);
  }, 900_000);
});
