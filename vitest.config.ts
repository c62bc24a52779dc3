import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // DuckDB already uses every core; running test files one at a time keeps timings honest on 2 cores.
    fileParallelism: false,
  },
});
