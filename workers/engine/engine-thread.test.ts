import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, useTempDir } from '../../test/helpers/temp-dir.js';
import { cellValue } from '../db/columnar.js';
import type { Progress } from './api.js';
import { EngineThread } from './engine-thread.js';
import { PmwError } from './errors.js';

const caers = join(FIXTURES, 'caers.csv');

describe('EngineThread: the Engine in a worker thread over Comlink', () => {
  const temp = useTempDir();
  let engine: EngineThread | null = null;
  afterEach(async () => {
    await engine?.terminate();
    engine = null;
  });

  it('imports with progress callbacks crossing the thread boundary, and pages typed columns back', async () => {
    engine = new EngineThread();
    await engine.openWorkspace(join(temp(), 'ws.duckdb'));
    const seen: Progress[] = [];
    const { dataset } = await engine.importFile({ path: caers }, (p) => seen.push(p));
    expect(dataset.rows).toBe(20156);
    expect(seen.map((p) => p.phase)).toContain('finishing');
    expect(seen.every((p) => typeof p.taskId === 'string' && p.taskId.length > 0)).toBe(true);

    const page = await engine.query('SELECT id, var1 FROM caers ORDER BY id, var1, var2 LIMIT 2');
    const [id, product] = page.columns;
    expect(id!.data.kind).toBe('bigint');
    expect(id!.data.values).toBeInstanceOf(BigInt64Array);
    expect(cellValue(id!, 0)).toBe(147289n);
    expect(cellValue(product!, 0)).toBe('PREVAGEN');
  });

  it('delivers typed errors with their code, position and hint', async () => {
    engine = new EngineThread();
    await engine.openWorkspace(':memory:');
    const error = await engine.query('SELECT\n  missing_column').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PmwError);
    expect(error).toMatchObject({ code: 'QUERY_ERROR', line: 2, column: 3 });
    expect((error as PmwError).hint).toBeTruthy();
    const missing = await engine.importFile({ path: join(temp(), 'nope.csv') }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('cancels a long query from the calling thread while the worker runs it', async () => {
    engine = new EngineThread();
    await engine.openWorkspace(':memory:');
    const running = engine.query('SELECT count(*) FROM range(10000000000) t(x) WHERE x % 7 = 3', { taskId: 'long' });
    await new Promise((r) => setTimeout(r, 300));
    await engine.cancel('long');
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    const after = await engine.query('SELECT 7 AS seven');
    expect(cellValue(after.columns[0]!, 0)).toBe(7);
  });

  it('runs a signal screen in the worker with progress reported back', async () => {
    engine = new EngineThread();
    await engine.openWorkspace(':memory:');
    await engine.importFile({ path: caers, kind: 'reports', reports: { reportColumn: 'id', drugColumn: 'var1', eventColumn: 'var2' } });
    const phases: string[] = [];
    const result = await engine.signals({ dataset: 'caers', names: 'verbatim', limit: 3 }, (p) => phases.push(p.message));
    expect(result.pairs).toBe(17189);
    expect(result.page.rowCount).toBe(3);
    expect(phases.some((m) => /fitting the MGPS prior/.test(m))).toBe(true);
  });
});
