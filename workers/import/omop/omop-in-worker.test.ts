import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { pageRows } from '../../../test/helpers/page-rows.js';
import type { Progress } from '../../engine/api.js';
import { EngineThread } from '../../engine/engine-thread.js';
import { TINY_CDM } from './testing/omop-fixtures.js';

describe('OMOP import in the engine\'s worker thread', () => {
  const temp = useTempDir();
  let engine: EngineThread | null = null;
  afterEach(async () => {
    await engine?.terminate();
    engine = null;
  });

  it('imports a CDM folder with progress across the thread boundary, and typed errors come back', async () => {
    engine = new EngineThread();
    await engine.openWorkspace(join(temp(), 'ws.duckdb'));
    const seen: Progress[] = [];
    const result = await engine.importFile({ path: TINY_CDM, kind: 'omop', name: 'tiny' }, (p) => seen.push(p));
    expect(result.dataset).toMatchObject({ kind: 'omop', rows: 4 });
    expect(result.counts).toMatchObject({ eventsOutsideObservation: 1, deathsBeforeBirth: 1 });
    expect(seen.some((p) => p.message === 'reading person.csv into person (1 of 7)')).toBe(true);
    const page = await engine.query('SELECT person_id FROM tiny.person ORDER BY 1');
    expect(page.columns[0]!.data.kind).toBe('bigint');
    expect(pageRows(page).map((r) => r[0])).toEqual([1n, 2n, 3n, 4n]);
    await expect(engine.importFile({ path: join(TINY_CDM, 'absent'), kind: 'omop' })).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
