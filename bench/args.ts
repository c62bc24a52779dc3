/** Command-line options of `npm run bench`. */
export interface BenchArgs {
  rows: number;
  /** Deduplicated reports of the generated FAERS extract (the signals benchmark). */
  reports: number;
  /** Persons of the generated OMOP CDM (the cohort benchmark). */
  persons: number;
  /** VCF records of the generated VCF (the vcf benchmark). */
  variants: number;
  /** Samples of the generated VCF (the vcf benchmark). */
  samples: number;
  keep: boolean;
  only: string | null;
}

export const DEFAULT_ROWS = 5_000_000;
export const DEFAULT_REPORTS = 5_000_000;
export const DEFAULT_PERSONS = 1_000_000;
export const DEFAULT_VARIANTS = 100_000;
export const DEFAULT_SAMPLES = 2_504;

export const USAGE = `usage: npm run bench -- [--rows N] [--reports N] [--persons N] [--variants N] [--samples N] [--keep] [--only NAME]
  --rows N     rows of the generated CSV (import; default ${DEFAULT_ROWS.toLocaleString('en-US')}; 5_000_000, 5e6 and 200k also work)
  --reports N  reports (cases after deduplication) of the generated FAERS extract (signals; default ${DEFAULT_REPORTS.toLocaleString('en-US')})
  --persons N  persons of the generated OMOP CDM, about 50 events each (cohort; default ${DEFAULT_PERSONS.toLocaleString('en-US')})
  --variants N records of the generated VCF (vcf; default ${DEFAULT_VARIANTS.toLocaleString('en-US')})
  --samples N  samples of the generated VCF (vcf; default ${DEFAULT_SAMPLES.toLocaleString('en-US')}, as 1000 Genomes phase 3)
  --keep       keep the generated data in bench/data/ so the next run reuses it
  --only NAME  run one benchmark only`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { rows: DEFAULT_ROWS, reports: DEFAULT_REPORTS, persons: DEFAULT_PERSONS,
    variants: DEFAULT_VARIANTS, samples: DEFAULT_SAMPLES, keep: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--rows') args.rows = parseCount(flag, value());
    else if (flag === '--reports') args.reports = parseCount(flag, value());
    else if (flag === '--persons') args.persons = parseCount(flag, value());
    else if (flag === '--variants') args.variants = parseCount(flag, value());
    else if (flag === '--samples') args.samples = parseCount(flag, value());
    else if (flag === '--keep') args.keep = true;
    else if (flag === '--only') args.only = value();
    else if (flag === '--help' || flag === '-h') throw new UsageError('');
    else throw new UsageError(`unknown option ${arg}`);
  }
  return args;
}

/** `5000000`, `5_000_000`, `5,000,000`, `5e6`, `200k`, `5m` → a positive whole number. */
function parseCount(flag: string, text: string): number {
  const cleaned = text.replace(/[_,]/g, '').toLowerCase();
  const suffix = /^([\d.e+]+)([km]?)$/.exec(cleaned);
  const n = suffix ? Number(suffix[1]) * (suffix[2] === 'k' ? 1e3 : suffix[2] === 'm' ? 1e6 : 1) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number, not ${text}`);
  return n;
}
