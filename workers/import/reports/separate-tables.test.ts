import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, useTempDir } from '../../../test/helpers/temp-dir.js';
import { workspaceSnapshot } from '../../../test/helpers/workspace-snapshot.js';
import { cellValue } from '../../db/columnar.js';
import { WorkspaceEngine } from '../../engine/engine.js';

const caers = join(FIXTURES, 'caers.csv');
const expected = JSON.parse((await import('node:fs')).readFileSync(join(FIXTURES, 'caers.expected.json'), 'utf8'));

describe('report import from separate report, drug and event tables', () => {
  const temp = useTempDir();
  let engine: WorkspaceEngine;
  beforeEach(async () => {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(':memory:');
    // Split the real caers.csv into its three tables with DuckDB itself.
    await engine.importFile({ path: caers, name: 'raw' });
    const dir = temp();
    await engine.exportResult({ sql: 'SELECT id, any_value(strat1) AS sex FROM raw GROUP BY id ORDER BY id' }, join(dir, 'reports.csv'));
    await engine.exportResult({ sql: 'SELECT DISTINCT id, var1 AS product FROM raw ORDER BY ALL' }, join(dir, 'drugs.csv'));
    await engine.exportResult({ sql: 'SELECT DISTINCT id, var2 AS reaction FROM raw ORDER BY ALL' }, join(dir, 'events.csv'));
  });
  afterEach(async () => engine.close());

  it('gives the same tables and screen as the one-table file', async () => {
    const dir = temp();
    const result = await engine.importFile({
      path: join(dir, 'reports.csv'), kind: 'reports', name: 'split',
      reports: { reportColumn: 'id', drugColumn: 'product', eventColumn: 'reaction', strataColumns: ['sex'], drugFile: join(dir, 'drugs.csv'), eventFile: join(dir, 'events.csv') },
    });
    expect(result.counts).toMatchObject({ reports: expected.distinct_ids, drugEventPairs: expected.distinct_product_event_pairs, orphanDrugRows: 0, orphanEventRows: 0 });
    await engine.importFile({ path: caers, kind: 'reports', name: 'whole', onDuplicate: 'import', reports: { reportColumn: 'id', drugColumn: 'var1', eventColumn: 'var2', strataColumns: ['strat1'] } });
    const split = await engine.signals({ dataset: 'split', names: 'verbatim', strata: ['sex'] });
    const whole = await engine.signals({ dataset: 'whole', names: 'verbatim', strata: ['strat1'] });
    expect(split.fit.logLik).toBeCloseTo(whole.fit.logLik, 8);
    const diff = await engine.query(`SELECT count(*) AS pairs, count(*) FILTER (WHERE s.n <> w.n OR s.n_drug <> w.n_drug OR s.n_event <> w.n_event) AS count_differences,
        max(abs(s.e - w.e) / w.e) AS e_diff, max(abs(s.ebgm - w.ebgm) / w.ebgm) AS ebgm_diff
      FROM ${split.resultTable} s JOIN ${whole.resultTable} w USING (drug, event)`);
    const [pairs, countDifferences, eDiff, ebgmDiff] = diff.columns.map((c) => Number(cellValue(c, 0)));
    expect(pairs).toBe(expected.distinct_product_event_pairs);
    expect(countDifferences).toBe(0);
    expect(eDiff).toBeLessThan(1e-12);
    // The prior is refitted on numbers equal up to summation order; along the likelihood's flat directions
    // the optimiser's end point can move by ~1e-5, so EBGM agrees to the tolerance used against R.
    expect(ebgmDiff).toBeLessThan(1e-4);
  });

  it('counts drug and event rows of unknown reports, and refuses a missing column or a lone file', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'drugs_extra.csv'), `${(await import('node:fs')).readFileSync(join(dir, 'drugs.csv'), 'utf8')}999999,GHOST\n`);
    const result = await engine.importFile({
      path: join(dir, 'reports.csv'), kind: 'reports', name: 'extra',
      reports: { reportColumn: 'id', drugColumn: 'product', eventColumn: 'reaction', drugFile: join(dir, 'drugs_extra.csv'), eventFile: join(dir, 'events.csv') },
    });
    expect(result.counts).toMatchObject({ orphanDrugRows: 1, orphanEventRows: 0 });
    expect(result.warnings?.join(' ')).toMatch(/1 drug rows and 0 event rows name a report that is not in reports\.csv/);
    const before = await workspaceSnapshot(engine);
    await expect(engine.importFile({
      path: join(dir, 'reports.csv'), kind: 'reports', name: 'bad',
      reports: { reportColumn: 'id', drugColumn: 'drug_name', eventColumn: 'reaction', drugFile: join(dir, 'drugs.csv'), eventFile: join(dir, 'events.csv') },
    })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('drugs.csv has no column drug_name') });
    await expect(engine.importFile({
      path: join(dir, 'reports.csv'), kind: 'reports', name: 'lone',
      reports: { reportColumn: 'id', drugColumn: 'product', eventColumn: 'reaction', drugFile: join(dir, 'drugs.csv') },
    })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await workspaceSnapshot(engine)).toBe(before);
  });
});
