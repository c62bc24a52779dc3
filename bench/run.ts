import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, UsageError, USAGE } from './args.js';
import type { BenchContext } from './benchmark.js';
import { BENCHMARKS } from './benchmarks.js';
import type { Figure } from './figure.js';
import { formatMs } from './format.js';
import { summaryTable } from './summary-table.js';

/** Every input is generated from this seed, so runs compare like with like. */
const SEED = 20_240_501;
const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

/**
 * `npm run bench`: runs the benchmarks and prints each figure beside its target. A missed target is
 * reported, not fatal: the exit status is 0 unless a benchmark crashed (1) or the options are wrong (2).
 */
async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(error.message);
    console.error(USAGE);
    return error.message ? 2 : 0;
  }
  const chosen = BENCHMARKS.filter((b) => args.only === null || b.name === args.only);
  if (chosen.length === 0) {
    console.error(`no benchmark named ${args.only}; there are: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    return 2;
  }

  await mkdir(DATA_DIR, { recursive: true });
  const figures: Figure[] = [];
  let crashed = false;
  for (const benchmark of chosen) {
    console.log(`\n== ${benchmark.name}: ${benchmark.description}`);
    const context: BenchContext = {
      rows: args.rows, reports: args.reports, persons: args.persons, variants: args.variants, samples: args.samples,
      seed: SEED, keep: args.keep, dataDir: DATA_DIR, log: (line = '') => console.log(`   ${line}`),
    };
    const started = performance.now();
    try {
      figures.push(...(await benchmark.run(context)));
      console.log(`   (${benchmark.name} took ${formatMs(performance.now() - started)})`);
    } catch (error) {
      crashed = true;
      console.error(`   ${benchmark.name} CRASHED: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  const sizes = chosen.map((b) => `${b.name}: ${b.inputSize(args)}`).join(', ');
  console.log(`\nsummary (${sizes}; a report, not a test: missed targets do not fail the run)\n`);
  console.log(summaryTable(figures));
  return crashed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
