import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Store tests open real databases; files run in parallel processes, each in its own schema/file.
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'checks/**/*.test.ts', 'web/src/**/*.test.ts'] },
      },
      {
        // Browser journeys in real Chromium (e2e/README-less: see e2e/harness.ts); skipped with a
        // message when /usr/bin/chromium is missing.
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A browser on a busy two-core machine can take more than the default second to show a change.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
