import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // corpus tests parse 3 MB filings; the default 5 s is tight on a loaded 2-core machine
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
