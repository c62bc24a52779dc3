/**
 * `npm run samples -- --size small|medium|large [--seed N] [--out DIR]`: writes a synthetic sample set.
 * Exit codes: 0 done, 1 failed while writing, 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SEED } from './effects.js';
import { generateSamples } from './generate.js';
import { isSizeName, SAMPLE_SIZES, type SizeName } from './sizes.js';

export const USAGE = `Usage: npm run samples -- --size small|medium|large [--seed N] [--out DIR]

Writes synthetic, de-identified OMOP CSV, FAERS quarterly ASCII and VCF files with planted effects
(see samples/README.md). The same seed and size always give byte-identical files.

Options:
  --size NAME   small (committed, ~${SAMPLE_SIZES.small.persons} persons), medium (~10×) or large (~100×)
  --seed N      integer seed, 0 to 4294967295 (default ${DEFAULT_SEED})
  --out DIR     output directory (default samples/<size>)
  --help        show this text
`;

export interface SampleCommand {
  size: SizeName;
  seed: number;
  out: string;
}

export class UsageError extends Error {}

/** Parses the command line; throws UsageError with a message a user can act on. Returns null for --help. */
export function parseSampleCommand(argv: readonly string[]): SampleCommand | null {
  let values: { size?: string; seed?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { size: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;
  if (values.size === undefined) throw new UsageError('--size is required: small, medium or large');
  if (!isSizeName(values.size)) throw new UsageError(`--size must be small, medium or large, not '${values.size}'`);
  let seed = DEFAULT_SEED;
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!/^\d+$/.test(values.seed) || seed > 0xffffffff) throw new UsageError(`--seed must be an integer from 0 to 4294967295, not '${values.seed}'`);
  }
  if (values.out === '') throw new UsageError('--out needs a directory');
  return { size: values.size, seed, out: values.out ?? `samples/${values.size}` };
}

async function main(argv: readonly string[]): Promise<number> {
  let command: SampleCommand | null;
  try {
    command = parseSampleCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command === null) {
    process.stdout.write(USAGE);
    return 0;
  }
  const started = Date.now();
  const manifest = await generateSamples({ ...command, onProgress: (message) => process.stderr.write(`${message}\n`) });
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`wrote ${manifest.files.length} files, ${(bytes / 1e6).toFixed(1)} MB, to ${command.out} in ${seconds.toFixed(1)} s (size ${command.size}, seed ${command.seed})\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
