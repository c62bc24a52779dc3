import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { pageRows } from '../../../test/helpers/page-rows.js';
import type { Dataset, ImportResult, Progress } from '../../engine/api.js';
import { WorkspaceEngine } from '../../engine/engine.js';
import { ALWAYS_CREATED, CDM_TABLES } from './cdm-tables.js';
import { copyFixture, GIBLEED, parquetRowCounts, SYNTHEA, TINY_CDM, withDuckDB, writeTsvCopy } from './testing/omop-fixtures.js';

/** Eunomia's published figures (shared/data/eunomia/README.md, samples/gibleed/SOURCES.md). */
const GIBLEED_PUBLISHED = { person: 2694, observation_period: 5343, concept: 444, concept_ancestor: 65690 };

/** Data lines of a CSV file of the fixture (plain or gzip): its rows, as no field holds a line break. */
function csvRows(folder: string, file: string): number {
  const bytes = readFileSync(join(folder, file));
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return text.split('\n').filter((l) => l !== '').length - 1;
}

const tableOf = (file: string) => file.replace(/\.(csv|tsv)(\.gz)?$/i, '').toLowerCase();

describe('OMOP import of real CDM folders', () => {
  const temp = useTempDir();
  let engine: WorkspaceEngine;
  let gibleed: ImportResult;
  let synthea: ImportResult;
  const progress: Progress[] = [];

  const scalar = async (sql: string) => pageRows(await engine.query(sql))[0]![0];
  const shape = (dataset: Dataset, table: string) => dataset.tables.find((t) => t.table === `${dataset.name}.${table}`)!.columns.map((c) => `${c.name} ${c.type}`);

  beforeAll(async () => {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(':memory:');
    gibleed = await engine.importFile({ path: GIBLEED, kind: 'omop', name: 'gibleed' }, (p) => progress.push(p));
    synthea = await engine.importFile({ path: SYNTHEA, name: 'synthea' });
  });
  afterAll(async () => engine.close());

  it('GiBleed (Parquet, CDM 5.3): every table has the rows DuckDB counts in its file, and the published counts', async () => {
    const expected = await parquetRowCounts(GIBLEED);
    const imported = new Map(gibleed.dataset.tables.map((t) => [t.table.replace('gibleed.', ''), t.rows]));
    for (const [table, rows] of expected) {
      if (CDM_TABLES.has(table)) expect([table, imported.get(table)]).toEqual([table, rows]);
    }
    for (const [table, rows] of Object.entries(GIBLEED_PUBLISHED)) expect([table, imported.get(table)]).toEqual([table, rows]);
    expect(gibleed.dataset).toMatchObject({ name: 'gibleed', kind: 'omop', rows: 2694 });
    expect(gibleed.counts).toMatchObject({ persons: 2694, cdmVersion: 5.3, tables: 36, skippedFiles: 1 });
    expect(gibleed.warnings).toContain('1 file is not OMOP CDM tables and was not read: COHORT_ATTRIBUTE.parquet (skippedFiles)');
  });

  it('GiBleed\'s own quirks are counted, not dropped: orphan observation periods, first drug exposures outside observation', async () => {
    expect(gibleed.counts).toMatchObject({ observationPeriodsWithoutPerson: 2649, personsWithoutObservationPeriod: 0, deathsBeforeBirth: 0 });
    const outside = await withDuckDB(async (first) => {
      const read = (table: string) => `read_parquet('${GIBLEED}${table}.parquet')`;
      const outsideSql = (where: string) => `SELECT count(*) FROM ${read('DRUG_EXPOSURE')} d WHERE ${where}
        AND d.person_id IN (SELECT person_id FROM ${read('PERSON')}) AND NOT EXISTS (SELECT 1 FROM ${read('OBSERVATION_PERIOD')} o
        WHERE o.person_id = d.person_id AND d.drug_exposure_start_date BETWEEN o.observation_period_start_date AND o.observation_period_end_date)`;
      const [all] = await first(outsideSql('true'));
      const [firsts] = await first(outsideSql(`d.drug_exposure_start_date = (SELECT min(drug_exposure_start_date) FROM ${read('DRUG_EXPOSURE')} x WHERE x.person_id = d.person_id)`));
      return { all: Number(all), firsts: Number(firsts) };
    });
    expect(outside.firsts).toBeGreaterThan(0);
    const stored = await scalar("SELECT count FROM gibleed.pmw_checks WHERE \"check\" = 'event_outside_observation' AND table_name = 'drug_exposure'");
    expect(Number(stored)).toBe(outside.all);
    expect(Number(await scalar('SELECT count(*) FROM gibleed.observation_period'))).toBe(5343); // kept, not dropped
  });

  it('lists person first and pmw_checks last; columns have their CDM types, not what the file held', async () => {
    const tables = gibleed.dataset.tables.map((t) => t.table);
    expect(tables[0]).toBe('gibleed.person');
    expect(tables.at(-1)).toBe('gibleed.pmw_checks');
    for (const table of ALWAYS_CREATED) expect(tables).toContain(`gibleed.${table}`);
    expect(shape(gibleed.dataset, 'concept')).toContain('concept_code VARCHAR');
    expect(shape(gibleed.dataset, 'person')).toContain('location_id BIGINT'); // VARCHAR in the Parquet file
    expect(shape(gibleed.dataset, 'measurement')).toContain('value_as_number DOUBLE'); // VARCHAR (all empty) in the file
    expect(shape(gibleed.dataset, 'drug_exposure')).toEqual(expect.arrayContaining(['quantity DOUBLE', 'lot_number VARCHAR', 'drug_exposure_start_date DATE']));
    expect(shape(gibleed.dataset, 'pmw_checks')).toEqual(['check VARCHAR', 'table_name VARCHAR', 'count BIGINT', 'handling VARCHAR']);
  });

  it('a 5.3 folder gets the columns 5.4 added as NULL and the renamed ones under their 5.4 name; 5.4 keeps its own', async () => {
    for (const table of ALWAYS_CREATED) expect(shape(synthea.dataset, table)).toEqual(shape(gibleed.dataset, table));
    expect(await scalar('SELECT count(procedure_end_date) FROM gibleed.procedure_occurrence')).toBe(0n);
    expect(Number(await scalar('SELECT count(procedure_end_date) FROM synthea.procedure_occurrence'))).toBe(1649);
    const admitted = await scalar(`SELECT count(*) FROM gibleed.visit_occurrence v JOIN read_parquet('${GIBLEED}VISIT_OCCURRENCE.parquet') f
      USING (visit_occurrence_id) WHERE v.admitted_from_concept_id IS NOT DISTINCT FROM f.admitting_source_concept_id`);
    expect(Number(admitted)).toBe(1037);
    expect(shape(gibleed.dataset, 'visit_occurrence')).not.toContain('admitting_source_concept_id BIGINT');
  });

  it('Synthea27Nj (CSV, some gzip, upper-case names, CDM 5.4): every table has its file\'s rows; lab values are numbers', async () => {
    const imported = new Map(synthea.dataset.tables.map((t) => [t.table.replace('synthea.', ''), t.rows]));
    for (const file of readdirSync(SYNTHEA).filter((f) => /\.csv(\.gz)?$/.test(f))) {
      expect([file, imported.get(tableOf(file))]).toEqual([file, csvRows(SYNTHEA, file)]);
    }
    expect(synthea.counts).toMatchObject({ persons: 28, cdmVersion: 5.4, tables: 39, skippedFiles: 0 });
    expect(Number(await scalar('SELECT count(value_as_number) FROM synthea.measurement'))).toBeGreaterThan(5000);
    expect(await scalar("SELECT concept_code FROM synthea.concept WHERE concept_id = 4041881")).toBe('167271000');
  });

  it('a tab-separated copy with lower-case file names imports to the same tables', async () => {
    const tsv = await writeTsvCopy(SYNTHEA, join(temp(), 'synthea_tsv'));
    const result = await engine.importFile({ path: tsv, kind: 'omop', name: 'synthea_tsv' });
    expect(result.duplicateOf).toBeUndefined();
    expect(result.dataset.tables.map((t) => [t.table.replace('synthea_tsv.', ''), t.rows])).toEqual(
      synthea.dataset.tables.map((t) => [t.table.replace('synthea.', ''), t.rows]));
    const differences = ALWAYS_CREATED.map((t) => `SELECT '${t}', (SELECT count(*) FROM (FROM synthea.${t} EXCEPT ALL FROM synthea_tsv.${t}))
      + (SELECT count(*) FROM (FROM synthea_tsv.${t} EXCEPT ALL FROM synthea.${t}))`);
    const rows = pageRows(await engine.query(differences.join(' UNION ALL ')));
    expect(rows.map(([table, n]) => [table, Number(n)])).toEqual(ALWAYS_CREATED.map((t) => [t, 0]));
  });

  it('reports progress table by table', () => {
    const reading = progress.filter((p) => p.phase === 'reading').map((p) => p.message);
    expect(reading).toContain('reading PERSON.parquet into person (1 of 36)');
    expect(reading).toContain('reading CONCEPT_ANCESTOR.parquet into concept_ancestor (33 of 36)');
    expect(progress.filter((p) => p.phase === 'finishing').at(-1)).toMatchObject({ fraction: 1 });
    // Then the data quality report, table by table.
    expect(progress.at(-1)).toMatchObject({ phase: 'checking', fraction: 1 });
    const fractions = progress.filter((p) => p.phase === 'reading' && p.fraction !== null).map((p) => p.fraction!);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('the same folder again is a duplicate; --force imports it again; --replace swaps a changed copy in', async () => {
    const again = await engine.importFile({ path: TINY_CDM, kind: 'omop' });
    const duplicate = await engine.importFile({ path: TINY_CDM, kind: 'omop' });
    expect(duplicate.duplicateOf).toBe(again.dataset.id);
    const forced = await engine.importFile({ path: TINY_CDM, kind: 'omop', name: 'tiny_copy', onDuplicate: 'import' });
    expect(forced.sameContentAs).toEqual([again.dataset.id]);
    const changed = copyFixture(TINY_CDM, join(temp(), 'tiny_changed'));
    rmSync(join(changed, 'death.csv'));
    await expect(engine.importFile({ path: changed, name: 'tiny_copy' })).rejects.toMatchObject({ code: 'DATASET_EXISTS' });
    const replaced = await engine.importFile({ path: changed, name: 'tiny_copy', replace: true });
    expect(replaced.counts).toMatchObject({ tables: 6, deathsBeforeBirth: 0 });
    expect(Number(await scalar('SELECT count(*) FROM tiny_copy.death'))).toBe(0);
    expect((await engine.datasets()).filter((d) => d.name === 'tiny_copy')).toHaveLength(1);
  });
});
