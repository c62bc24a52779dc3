import type { Figure } from './figure.js';

/** What every benchmark gets from the runner. */
export interface BenchContext {
  /** Rows of the generated CSV (import). */
  rows: number;
  /** Deduplicated reports of the generated FAERS extract (signals). */
  reports: number;
  /** Persons of the generated OMOP CDM (cohort). */
  persons: number;
  /** VCF records of the generated VCF (vcf). */
  variants: number;
  /** Samples of the generated VCF (vcf). */
  samples: number;
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
  /** The size of its generated input, for the summary line, e.g. `5,000,000 rows`. */
  inputSize(sizes: Pick<BenchContext, 'rows' | 'reports' | 'persons' | 'variants' | 'samples'>): string;
  run(context: BenchContext): Promise<Figure[]>;
}
