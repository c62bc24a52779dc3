import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageRows } from '../../../test/helpers/page-rows.js';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { WorkspaceEngine } from '../../engine/engine.js';

const COHORT = new URL('../../../samples/small/vcf/cohort.vcf', import.meta.url).pathname;

describe('genotype_calls storage', () => {
  const temp = useTempDir();

  // DuckDB's compression of the call tokens cost a third of a large import's CPU (docs/decisions.md, "Variants").
  it('keeps the call tokens uncompressed in a workspace file, and the genotype view reads them back', async () => {
    const path = join(temp(), 'workspace.duckdb');
    const engine = new WorkspaceEngine();
    await engine.openWorkspace(path);
    const imported = await engine.importFile({ path: COHORT, name: 'cohort' });
    await engine.close();
    const reopened = new WorkspaceEngine();
    await reopened.openWorkspace(path);
    try {
      const methods = pageRows(await reopened.query(
        `SELECT DISTINCT compression FROM pragma_storage_info('cohort.genotype_calls') WHERE column_name = 'calls' AND segment_type = 'VARCHAR' ORDER BY 1`));
      expect(methods).toEqual([['Uncompressed']]);
      const [[calls]] = pageRows(await reopened.query('SELECT count(*)::INTEGER FROM cohort.genotype')) as [[number]];
      expect(calls).toBe(imported.counts?.sparseCalls);
      expect(calls).toBeGreaterThan(0);
    } finally {
      await reopened.close();
    }
  });
});
