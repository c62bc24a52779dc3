import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, useTempDir } from '../../../test/helpers/temp-dir.js';
import { workspaceSnapshot } from '../../../test/helpers/workspace-snapshot.js';
import { expectImportRefused } from '../../../test/helpers/import-refusal.js';
import { pageRows } from '../../../test/helpers/page-rows.js';
import type { ImportRequest } from '../../engine/api.js';
import { WorkspaceEngine } from '../../engine/engine.js';
import { PmwError } from '../../engine/errors.js';

const CAERS = join(FIXTURES, 'caers.csv');
/** Python's csv module over caers.csv: reference/caers_report_tables.py, its output committed beside it. */
const reference = JSON.parse(readFileSync(new URL('./reference/caers_report_tables.json', import.meta.url), 'utf8'));
const CAERS_MAPPING = { reportColumn: 'id', drugColumn: 'var1', eventColumn: 'var2', strataColumns: ['strat1'] };

const rows = pageRows;

describe('report-table import', () => {
  const temp = useTempDir();
  let engine: WorkspaceEngine;

  beforeEach(async () => {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(join(temp(), 'ws.duckdb'));
  });
  afterEach(async () => engine.close());

  const file = (name: string, content: string) => {
    const path = join(temp(), name);
    writeFileSync(path, content);
    return path;
  };

  it('caers.csv: one report row per id, distinct drug and event rows, as the independent reference counts them', async () => {
    const result = await engine.importFile({ path: CAERS, kind: 'reports', reports: CAERS_MAPPING });
    expect(result.dataset).toMatchObject({ name: 'caers', kind: 'reports', rows: reference.reports });
    expect(result.counts).toEqual({
      rows: reference.rows, rowsWithoutReport: 0, rowsWithoutDrug: 0, rowsWithoutEvent: 0,
      reports: reference.reports, drugRows: reference.drug_rows, eventRows: reference.event_rows,
      drugEventPairs: reference.drug_event_pairs, reportsWithoutDrug: 0, reportsWithoutEvent: 0,
      reportsWithConflictingStrata: reference.reports_with_conflicting_strata,
    });
    expect(result.warnings).toEqual([]);
    expect(result.dataset.tables.map((t) => [t.table, t.rows, t.columns.map((c) => `${c.name} ${c.type}`).join(', ')])).toEqual([
      ['caers.pv_report', reference.reports, 'report_id BIGINT, strat1 VARCHAR'],
      ['caers.pv_drug', reference.drug_rows, 'report_id BIGINT, seq INTEGER, role VARCHAR, drug VARCHAR, ingredient VARCHAR'],
      ['caers.pv_event', reference.event_rows, 'report_id BIGINT, pt VARCHAR'],
    ]);
    const strata = rows(await engine.query('SELECT strat1, count(*) FROM caers.pv_report GROUP BY 1 ORDER BY 1'));
    expect(Object.fromEntries(strata.map(([s, n]) => [s, Number(n)]))).toEqual(reference.reports_by_strat1);
    // The three fixture figures it shares with caers.expected.json (test/fixtures/caers_reference.py) agree too.
    const fixture = JSON.parse(readFileSync(join(FIXTURES, 'caers.expected.json'), 'utf8'));
    expect([result.counts!.rows, result.counts!.reports, result.counts!.drugEventPairs])
      .toEqual([fixture.rows, fixture.distinct_ids, fixture.distinct_product_event_pairs]);
  });

  it('numbers a report’s drugs in the order they first appear, with no role or ingredient', async () => {
    await engine.importFile({ path: CAERS, kind: 'reports', reports: CAERS_MAPPING });
    const example = reference.example_report;
    const drugs = rows(await engine.query('SELECT seq, drug, role, ingredient FROM caers.pv_drug WHERE report_id = ? ORDER BY seq', { params: [example.id] }));
    expect(drugs).toEqual(example.drugs_in_order.map((drug: string, i: number) => [i + 1, drug, null, null]));
    const events = rows(await engine.query('SELECT pt FROM caers.pv_event WHERE report_id = ? ORDER BY pt', { params: [example.id] }));
    expect(events.map((r) => r[0])).toEqual(example.events);
  });

  it('a report whose rows disagree on a stratum keeps its first row’s value, and is counted', async () => {
    const path = file('mixed.csv', [
      'report,product,reaction,sex,age_group',
      'r1,ASPIRIN,NAUSEA,Female,adult', 'r1,ASPIRIN,RASH,Male,adult', 'r1,IBUPROFEN,NAUSEA,Female,adult',
      'r2,ASPIRIN,NAUSEA,,child', 'r2,ASPIRIN,HEADACHE,Male,child',
      'r3,WARFARIN,BLEEDING,Male,elderly',
      ',WARFARIN,BLEEDING,Male,elderly', 'r4,,DIZZINESS,Female,adult', 'r4,METFORMIN,,Female,adult',
    ].join('\n'));
    const result = await engine.importFile({
      path, kind: 'reports', name: 'mixed',
      reports: { reportColumn: 'Report', drugColumn: 'product', eventColumn: 'reaction', strataColumns: ['sex', 'age_group'] },
    });
    expect(result.counts).toMatchObject({
      rows: 9, reports: 4, drugRows: 5, eventRows: 6, reportsWithConflictingStrata: 2,
      rowsWithoutReport: 1, rowsWithoutDrug: 1, rowsWithoutEvent: 1,
    });
    expect(rows(await engine.query('SELECT report_id, sex, age_group FROM mixed.pv_report ORDER BY report_id'))).toEqual([
      ['r1', 'Female', 'adult'], ['r2', null, 'child'], ['r3', 'Male', 'elderly'], ['r4', 'Female', 'adult'],
    ]);
    expect(result.dataset.tables[0]!.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['report_id VARCHAR', 'sex VARCHAR', 'age_group VARCHAR']);
    expect(result.warnings).toEqual([
      '1 row has no report (report id), it was left out (rowsWithoutReport)',
      '1 row has no product (drug), it was read for its event only (rowsWithoutDrug)',
      '1 row has no reaction (event), it was read for its drug only (rowsWithoutEvent)',
      '2 reports (e.g. r1, r2) have rows that disagree on sex or age_group; each keeps the values of its first row in the file (reportsWithConflictingStrata)',
    ]);
  });

  it('a second import of the same bytes is reported as a duplicate', async () => {
    const first = await engine.importFile({ path: CAERS, kind: 'reports', reports: CAERS_MAPPING });
    const again = await engine.importFile({ path: CAERS, kind: 'reports', reports: CAERS_MAPPING, name: 'other' });
    expect(again.duplicateOf).toBe(first.dataset.id);
  });

  describe('refusals change nothing', () => {
    let before: string;
    beforeEach(async () => {
      await engine.importFile({ path: CAERS, kind: 'reports', reports: CAERS_MAPPING, name: 'kept' });
      before = await workspaceSnapshot(engine);
    });

    const expectRefused = (req: ImportRequest, expected: Partial<PmwError>) =>
      expectImportRefused(engine, before, { onDuplicate: 'import', ...req }, expected);

    it('a mapped column the file does not have, listing the ones it has', async () => {
      const error = await expectRefused({ path: CAERS, kind: 'reports', name: 'x', reports: { ...CAERS_MAPPING, drugColumn: 'product' } }, { code: 'BAD_REQUEST', file: CAERS });
      expect(error.message).toBe('caers.csv has no column product (named as the drug column)');
      expect(error.hint).toBe('its columns are: id, var1, var2, strat1');
    });

    it('a reports import without a mapping, or with a column mapped twice', async () => {
      await expectRefused({ path: CAERS, kind: 'reports', name: 'x' }, { code: 'BAD_REQUEST' });
      const error = await expectRefused({ path: CAERS, kind: 'reports', name: 'x', reports: { ...CAERS_MAPPING, strataColumns: ['var1'] } }, { code: 'BAD_REQUEST' });
      expect(error.message).toBe('column var1 is mapped twice');
    });

    it('a ragged row, with its line number', async () => {
      const path = file('ragged.csv', 'id,drug,event\n1,A,X\n2,B,Y,EXTRA\n');
      const error = await expectRefused({ path, kind: 'reports', reports: { reportColumn: 'id', drugColumn: 'drug', eventColumn: 'event' } }, { code: 'FILE_FORMAT', line: 3 });
      expect(error.message).toBe('line 3 of ragged.csv has 4 fields, the header has 3');
    });

    it('a taken name', async () => {
      await expectRefused({ path: file('k.csv', 'id,d,e\n1,A,X\n'), kind: 'reports', name: 'kept', reports: { reportColumn: 'id', drugColumn: 'd', eventColumn: 'e' } }, { code: 'DATASET_EXISTS' });
    });
  });
});
