import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { WorkspaceEngine } from '../../../engine/engine.js';
import { isPmwError } from '../../../engine/errors.js';

/** What pmw did with one conformance file. */
export interface ConformanceOutcome {
  /** `4.2/failed/failed_body_alt_000.vcf` */
  file: string;
  expected: 'accept' | 'reject';
  outcome: 'imported' | 'imported with warnings' | 'rejected';
  /** The error, or the warnings. */
  messages: string[];
}

/** The conformance files under `folder` (`4.x/passed|failed/*.vcf`), in a stable order. */
export async function conformanceFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const version of (await readdir(folder, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const verdict of ['passed', 'failed']) {
      const dir = join(folder, version, verdict);
      const names = await readdir(dir).catch(() => [] as string[]);
      files.push(...names.filter((n) => n.endsWith('.vcf')).sort().map((n) => join(dir, n)));
    }
  }
  return files;
}

/** Imports each file into one in-memory workspace (each replacing the last) and says what happened. */
export async function runConformance(folder: string): Promise<ConformanceOutcome[]> {
  const outcomes: ConformanceOutcome[] = [];
  const engine = new WorkspaceEngine();
  await engine.openWorkspace(':memory:');
  try {
    for (const path of await conformanceFiles(folder)) outcomes.push(await importOne(engine, folder, path));
  } finally {
    await engine.close();
  }
  return outcomes;
}

async function importOne(engine: WorkspaceEngine, folder: string, path: string): Promise<ConformanceOutcome> {
  const file = relative(folder, path);
  const expected = file.includes('/passed/') ? 'accept' : 'reject';
  try {
    const result = await engine.importFile({ path, kind: 'vcf', name: 'conformance', replace: true, onDuplicate: 'import' });
    const warnings = result.warnings ?? [];
    return { file, expected, outcome: warnings.length ? 'imported with warnings' : 'imported', messages: warnings };
  } catch (error) {
    if (!isPmwError(error)) throw error;
    return { file, expected, outcome: 'rejected', messages: [error.message] };
  }
}
