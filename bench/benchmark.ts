import type { Figure } from './figure.js';

/** What every benchmark gets from the runner. */
export interface BenchContext {
  rows: number;
  seed: number;
  /** Keep generated data after the run (it is reused by the next run). */
  keep: boolean;
  /** bench/data/: generated inputs and scratch databases; gitignored. */
  dataDir: string;
  /** Prints a line of the benchmark's detailed output. */
  log: (line?: string) => void;
}

/** One benchmark: prints its details while running and returns its figures for the summary. */
export interface Benchmark {
  name: string;
  description: string;
  run(context: BenchContext): Promise<Figure[]>;
}
