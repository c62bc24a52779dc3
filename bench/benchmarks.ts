import type { Benchmark } from './benchmark.js';
import { cohortBenchmark } from './cohort.bench.js';
import { importBenchmark } from './import.bench.js';
import { signalsBenchmark } from './signals.bench.js';
import { vcfBenchmark } from './vcf.bench.js';

/** Every benchmark `npm run bench` runs, in order. Add new ones here. */
export const BENCHMARKS: readonly Benchmark[] = [importBenchmark, signalsBenchmark, cohortBenchmark, vcfBenchmark];
