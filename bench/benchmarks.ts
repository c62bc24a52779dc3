import type { Benchmark } from './benchmark.js';
import { cohortBenchmark } from './cohort.bench.js';
import { importBenchmark } from './import.bench.js';
import { privacyBenchmark } from './privacy.bench.js';
import { signalsBenchmark } from './signals.bench.js';
import { vcfBenchmark } from './vcf.bench.js';

/**
 * The serve benchmark drives Chromium and is type-checked with the DOM library (test/e2e/tsconfig.json); the
 * root tsconfig has no DOM, so it is loaded by a path TypeScript does not follow.
 */
const SERVE_BENCH = './serve.bench.js';
const serveBenchmark: Benchmark = {
  name: 'serve',
  description: 'the notebook view in Chromium against pmw serve: start to first paint, scrolling a 1M-row result',
  inputSize: () => '1,000,000-row result',
  async run(context) {
    const loaded = (await import(SERVE_BENCH)) as { runServeBenchmark: Benchmark['run'] };
    return loaded.runServeBenchmark(context);
  },
};

/** Every benchmark `npm run bench` runs, in order. Add new ones here. */
export const BENCHMARKS: readonly Benchmark[] = [importBenchmark, signalsBenchmark, cohortBenchmark, vcfBenchmark, privacyBenchmark, serveBenchmark];
