import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkspaceEngine } from '../workers/engine/engine.js';
import { isPmwError } from '../workers/engine/errors.js';
import { removeDatabase } from './db-files.js';
import { isNotBuiltYet } from './repeated-call.js';
import { timed } from './stats.js';
import { timedCall } from './timed-call.js';
import type { TimelineStep } from './progress-timeline.js';

/** What the import child sends back. Peak RSS is `process.resourceUsage().maxRSS` of the child, MiB. */
export type VcfImportReport =
  | {
    status: 'imported';
    ms: number;
    cpuMs: number;
    steps: TimelineStep[];
    /** Before the workspace was opened: Node, tsx and the loaded modules. */
    startRssMiB: number;
    /** Right after `importFile` returned: the import's own peak. */
    peakRssMiB: number;
    /** `close()` afterwards, when DuckDB checkpoints; not part of the import figure. */
    closeMs: number;
    peakRssAfterCloseMiB: number;
    counts: Record<string, number>;
    warnings: string[];
  }
  | { status: 'not built'; message: string };

const peakRssMiB = (): number => process.resourceUsage().maxRSS / 1024;

/** Before the VCF importer is wired in, the Engine rejects the kind itself. */
function isUnknownVcfKind(error: unknown): boolean {
  return isPmwError(error) && /unknown import kind vcf/.test(error.message);
}

/**
 * Imports the VCF into a fresh workspace at `dbPath` with `kind: 'vcf'` and closes it, in a process of
 * its own, so its peak RSS is the import's alone whatever the benchmark process held before.
 */
async function importInFreshWorkspace(dbPath: string, vcf: string, dataset: string): Promise<VcfImportReport> {
  const startRssMiB = peakRssMiB();
  await removeDatabase(dbPath);
  const engine = new WorkspaceEngine();
  await engine.openWorkspace(dbPath);
  let closed = false;
  try {
    const run = await timedCall((progress) => engine.importFile({ path: vcf, kind: 'vcf', name: dataset }, progress));
    const peak = peakRssMiB();
    const close = await timed(() => engine.close());
    closed = true;
    return {
      status: 'imported', ms: run.ms, cpuMs: run.cpuMs, steps: run.steps, startRssMiB, peakRssMiB: peak,
      closeMs: close.ms, peakRssAfterCloseMiB: peakRssMiB(), counts: run.result.counts ?? {}, warnings: run.result.warnings ?? [],
    };
  } catch (error) {
    if (isNotBuiltYet(error) || isUnknownVcfKind(error)) return { status: 'not built', message: (error as Error).message };
    throw error;
  } finally {
    if (!closed) await engine.close();
  }
}

/** `bench/vcf-import-child.ts DB VCF DATASET`, forked by vcf.bench.ts, which reads the report it sends. */
async function main(argv: string[]): Promise<void> {
  const [dbPath, vcf, dataset] = argv;
  if (!dbPath || !vcf || !dataset || !process.send) throw new Error('usage: fork bench/vcf-import-child.ts DB VCF DATASET (it reports over IPC)');
  const report = await importInFreshWorkspace(resolve(dbPath), resolve(vcf), dataset);
  await new Promise<void>((done, fail) => process.send!(report, (error: Error | null) => (error ? fail(error) : done())));
  process.disconnect();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
