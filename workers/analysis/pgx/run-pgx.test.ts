/**
 * runPgx end to end on hand-made VCF tables (docs/vcf.md layout), every call known by construction:
 *
 *   S1 reference everywhere (CYP2C19 is *1/*1 by rs3758581 1/1)      → TPMT *1/*1
 *   S2 TPMT rs1800460 0/1                                              → *1/*3B IM
 *   S3 TPMT rs1800460 0/1 + rs1142345 0/1, unphased                    → not determinable (*1/*3A or *3B/*3C)
 *   S4 the same, phased on one haplotype (1|0, 1|0)                    → *1/*3A IM
 *   S5 the same, phased apart (1|0, 0|1)                               → *3B/*3C PM
 *   S6 TPMT no call at rs1800462; CYP2C19 *2/*2                        → TPMT not determinable; CYP2C19 PM
 *   S7 CYP2D6 rs3892097 0/1                                            → *1/*4, activity score 1
 *   S8 DPYD c.1905+1G>A 0/1 + c.2846A>T 0/1 (the latter found by rsid) → activity score 0.5, PM;
 *      TPMT 0/2 at rs1142345 (T>C,G: the G is no table allele)     → TPMT not determinable
 *
 * CYP2C19's rs4986893 (*3) is left out of the file: samples whose call it could change are not determinable.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PgxSpec } from '../../engine/api.js';
import { rows } from '../cohort/testing.js';
import { runPgx } from './run-pgx.js';
import { pgxWorkspace, writeVcfTables, type FixtureRecord, type PgxWorkspace } from './testing.js';

const SAMPLES = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8'];
const REF = Array<string>(8).fill('0/0');

/** A biallelic record with 0/0 for every sample except those given (by sample number, 1-based). */
function record(chrom: string, pos: number, id: string, ref: string, alt: string, calls: Record<number, string> = {}): FixtureRecord {
  return { chrom, pos, id, ref, alts: [alt], gts: REF.map((gt, i) => calls[i + 1] ?? gt) };
}

const RECORDS: FixtureRecord[] = [
  // TPMT, without the chr prefix
  { chrom: '6', pos: 18130687, id: 'rs1142345', ref: 'T', alts: ['C', 'G'], gts: ['0/0', '0/0', '0/1', '1|0', '0|1', '0/0', '0/0', '0/2'] },
  record('6', 18130781, 'rs1800584', 'C', 'T'),
  record('6', 18138997, 'rs1800460', 'C', 'T', { 2: '0/1', 3: '0/1', 4: '1|0', 5: '1|0' }),
  record('6', 18143724, 'rs1800462', 'C', 'G', { 6: './.' }),
  // CYP2C19 (rs4986893 not in the file)
  record('chr10', 94761900, 'rs12248560', 'C', 'T'),
  record('chr10', 94775367, 'rs12769205', 'A', 'G', { 6: '1/1' }),
  record('chr10', 94775507, 'rs58973490', 'G', 'A'),
  record('chr10', 94781859, 'rs4244285', 'G', 'A', { 6: '1/1' }),
  { chrom: 'chr10', pos: 94842866, id: 'rs3758581', ref: 'A', alts: ['G'], gts: Array<string>(8).fill('1/1') },
  // CYP2D6
  ...[
    [42126611, 'rs1135840', 'C', 'G'], [42127803, 'rs28371725', 'C', 'T'], [42127941, 'rs16947', 'G', 'A'],
    [42128173, 'rs5030656', 'CCTT', 'C'], [42128241, 'rs35742686', 'CT', 'C'], [42129083, 'rs5030655', 'CA', 'C'],
    [42129770, 'rs28371706', 'G', 'A'], [42130692, 'rs1065852', 'G', 'A'],
  ].map(([pos, id, ref, alt]) => record('chr22', pos as number, id as string, ref as string, alt as string)),
  record('chr22', 42128945, 'rs3892097', 'C', 'T', { 7: '0/1' }),
  // DPYD; c.2846A>T one base off its GRCh38 position, so only its rsid finds it
  record('chr1', 97082392, 'rs67376798', 'T', 'A', { 8: '0/1' }),
  record('chr1', 97450058, 'rs3918290', 'C', 'T', { 8: '0/1' }),
  record('chr1', 97515787, 'rs55886062', 'A', 'C'),
  record('chr1', 97573863, 'rs56038477', 'C', 'T'),
  record('chr1', 97579893, 'rs75017182', 'G', 'C'),
];

const GRCH38_HEADER = ['##fileformat=VCFv4.2', '##contig=<ID=chr22,length=50818468>'];

let ws: PgxWorkspace;

beforeEach(async () => {
  ws = await pgxWorkspace([['genomes', 'vcf'], ['cdm', 'omop']]);
  await writeVcfTables(ws.connection, 'genomes', {
    samples: SAMPLES, header: GRCH38_HEADER, records: RECORDS,
    links: SAMPLES.slice(0, 7).map((s, i) => [s, i + 1]),
  });
});

afterEach(() => ws.close());

const pgx = (spec: Partial<PgxSpec> = {}) => runPgx(ws.task, ws.audit, ws.dataset('genomes'), { dataset: 'genomes', ...spec });

async function callsOf(table: string, gene: string): Promise<Record<string, unknown>[]> {
  return rows(ws.connection, `SELECT sample, person_id, diplotype, phenotype, activity_score, determinable, reason FROM ${table} WHERE gene = '${gene}'`);
}

describe('runPgx', () => {
  it('calls TPMT: reference, heterozygote, missing call, and the phased and unphased double heterozygote', async () => {
    const result = await pgx({ genes: ['TPMT'] });
    const calls = await callsOf(result.callsTable, 'TPMT');
    expect(calls.map((c) => [c.sample, c.diplotype, c.phenotype, c.determinable])).toEqual([
      ['S1', '*1/*1', 'Normal Metabolizer', true],
      ['S2', '*1/*3B', 'Intermediate Metabolizer', true],
      ['S3', null, null, false],
      ['S4', '*1/*3A', 'Intermediate Metabolizer', true],
      ['S5', '*3B/*3C', 'Poor Metabolizer', true],
      ['S6', null, null, false],
      ['S7', '*1/*1', 'Normal Metabolizer', true],
      ['S8', null, null, false],
    ]);
    expect(calls[2]!.reason).toBe('not determinable: unphased ambiguity (*1/*3A or *3B/*3C)');
    expect(calls[5]!.reason).toMatch(/^not determinable: no call at chr6:18143724 \(rs1800462\)/);
    expect(calls[7]!.reason).toBe('not determinable: carries an ALT the table does not define (T>G at chr6:18130687 (rs1142345))');
    expect(calls.map((c) => c.person_id)).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, null]);
    expect(result.summary).toEqual([
      { gene: 'TPMT', phenotype: 'not determinable', samples: 3 },
      { gene: 'TPMT', phenotype: 'Intermediate Metabolizer', samples: 2 },
      { gene: 'TPMT', phenotype: 'Normal Metabolizer', samples: 2 },
      { gene: 'TPMT', phenotype: 'Poor Metabolizer', samples: 1 },
    ]);
    expect(result.page.totalRows).toBe(8);
    expect(result.source).toMatchObject({ url: 'https://cpicpgx.org', licence: expect.stringContaining('CC0') });
  });

  it('reports a position missing from the file, and keeps the calls it cannot change', async () => {
    const result = await pgx({ genes: ['CYP2C19'] });
    const calls = await callsOf(result.callsTable, 'CYP2C19');
    expect(calls[0]).toMatchObject({ determinable: false, reason: 'not determinable: position chr10:94780653 (rs4986893) not in the file (*1/*1, *1/*3 or *3/*3)' });
    expect(calls[5]).toMatchObject({ diplotype: '*2/*2', phenotype: 'Poor Metabolizer', determinable: true });
    expect(result.warnings).toContain('CYP2C19: defining positions not in the file: chr10:94780653 (rs4986893); samples whose call depends on them are not determinable');
  });

  it('scores CYP2D6 and DPYD, says copy number was not assessed, and finds a variant by rsid when its position differs', async () => {
    const result = await pgx({ genes: ['dpyd', 'CYP2D6', 'HLA-B'] });
    const cyp2d6 = await callsOf(result.callsTable, 'CYP2D6');
    expect(cyp2d6[6]).toMatchObject({ diplotype: '*1/*4', activity_score: 1, phenotype: 'Intermediate Metabolizer' });
    expect(cyp2d6.every((c) => String(c.reason).includes('copy number not assessed'))).toBe(true);
    const dpyd = await callsOf(result.callsTable, 'DPYD');
    expect(dpyd[7]).toMatchObject({ diplotype: 'c.1905+1G>A (*2A)/c.2846A>T', activity_score: 0.5, phenotype: 'Poor Metabolizer' });
    expect(dpyd[0]).toMatchObject({ diplotype: 'Reference/Reference', activity_score: 2 });
    expect(result.warnings).toContain('DPYD: found by rsid, not at the GRCh38 position: chr1:97082391 (rs67376798)');
    const hla = await callsOf(result.callsTable, 'HLA-B');
    expect(new Set(hla.map((c) => c.reason))).toEqual(new Set(['not determinable from SNVs (needs HLA typing)']));
    // Genes come in table order whatever order they were asked in.
    expect(result.summary.map((s) => s.gene)).toEqual(['CYP2D6', 'CYP2D6', 'DPYD', 'DPYD', 'HLA-B']);
  });

  it('keeps the calls in the results schema with an audit entry naming the table, build and matching', async () => {
    const result = await pgx({ genes: ['TPMT'] });
    expect(result.callsTable).toMatch(/^results\.pgx_genomes_[0-9a-f]{6}$/);
    const [entry] = await rows(ws.connection, 'SELECT action, dataset, detail FROM _audit');
    const detail = JSON.parse(String(entry!.detail));
    expect(entry).toMatchObject({ action: 'analysis', dataset: 'id-genomes' });
    expect(detail).toMatchObject({ analysis: 'pgx', resultTable: result.callsTable, referenceBuild: { build: 'GRCh38' },
      matching: { TPMT: { rs1142345: 'matched by position', rs1800462: 'matched by position' } } });
    expect(await rows(ws.connection, "SELECT * FROM duckdb_tables() WHERE table_name = 'pmw_pgx_calls'")).toEqual([]);
  });

  it('refuses unknown genes and datasets that are not VCFs', async () => {
    await expect(pgx({ genes: ['CYP3A5'] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'no pharmacogene named CYP3A5 in the bundled table' });
    await expect(runPgx(ws.task, ws.audit, ws.dataset('cdm'), { dataset: 'cdm' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('need a VCF') });
  });
});

describe('cross-tab', () => {
  /**
   * Exposure: persons 1–7 and 9 (no sample). Outcomes: person 1 and 2 after their exposure start, person 4
   * before it, person 5 after the end of its observation period (none of those two count).
   * TPMT Intermediate: persons 2 (outcome) and 4 → 2 exposed, 1 with outcome.
   * Other TPMT phenotypes: persons 1 (outcome), 5, 7 → 3 exposed, 1 with outcome.
   * Not determinable: persons 3 and 6. No linked sample: person 9.
   * 2×2 [[1, 1], [1, 2]]: odds ratio 2, Fisher p 1 (R: fisher.test(matrix(c(1, 1, 1, 2), 2))).
   */
  beforeEach(async () => {
    const columns = 'person_id, cohort_start_date, cohort_end_date, observation_start_date, observation_end_date';
    const cohort = (rowsSql: string) => `SELECT person_id::BIGINT AS person_id, start::DATE AS cohort_start_date, start::DATE AS cohort_end_date,
      DATE '2010-01-01' AS observation_start_date, obs_end::DATE AS observation_end_date FROM (VALUES ${rowsSql}) t(person_id, start, obs_end)`;
    await ws.connection.run('CREATE SCHEMA results');
    await ws.connection.run(`CREATE TABLE results.exposure AS SELECT ${columns} FROM (${cohort(
      [1, 2, 3, 4, 5, 6, 7, 9].map((p) => `(${p}, '2020-01-01', ${p === 5 ? "'2020-06-30'" : "'2022-12-31'"})`).join(', '))})`);
    await ws.connection.run(`CREATE TABLE results.outcome AS SELECT ${columns} FROM (${cohort(
      "(1, '2020-03-01', '2022-12-31'), (2, '2021-01-01', '2022-12-31'), (4, '2019-05-01', '2022-12-31'), (5, '2020-09-01', '2022-12-31')")})`);
  });

  it('splits the exposed by phenotype and counts outcomes on or after exposure start', async () => {
    const result = await pgx({ genes: ['TPMT'], crossTab: { gene: 'tpmt', phenotype: 'IM',
      exposure: { cohortTable: 'results.exposure', dataset: 'cdm' }, outcome: { cohortTable: 'results.outcome', dataset: 'cdm' } } });
    expect(result.crossTab).toEqual({
      gene: 'TPMT', phenotype: 'Intermediate Metabolizer',
      rows: [
        { group: 'TPMT Intermediate Metabolizer', exposed: 2, withOutcome: 1 },
        { group: 'other TPMT phenotypes', exposed: 3, withOutcome: 1 },
        { group: 'TPMT not determinable', exposed: 2, withOutcome: 0 },
        { group: 'no linked sample', exposed: 1, withOutcome: 0 },
      ],
      oddsRatio: 2,
      pFisher: 1,
    });
    expect(result.warnings).toContain('1 exposed persons have no linked sample in the VCF and are left out of the odds ratio');
  });

  it('withholds the cross-tab, and leaves small phenotype counts out of the summary, below the minimum cell count', async () => {
    const crossTab = { gene: 'TPMT', phenotype: 'IM', exposure: { cohortTable: 'results.exposure', dataset: 'cdm' }, outcome: { cohortTable: 'results.outcome', dataset: 'cdm' } };
    const result = await pgx({ genes: ['TPMT'], crossTab, minCellCount: 2 });
    expect(result.crossTab).toBeUndefined();
    expect(result.warnings).toContain('the cross-tab of TPMT Intermediate Metabolizer has counts below the minimum cell count 2: it is not shown');
    // TPMT of the 8 samples (the header above): Normal S1, S7; Intermediate S2, S4; Poor S5; not determinable
    // S3, S6, S8. The one Poor Metabolizer is <2 and left out; `<2` already says 1, so nothing else goes.
    expect(result.summary).toEqual([
      { gene: 'TPMT', phenotype: 'not determinable', samples: 3 },
      { gene: 'TPMT', phenotype: 'Intermediate Metabolizer', samples: 2 },
      { gene: 'TPMT', phenotype: 'Normal Metabolizer', samples: 2 },
    ]);
    expect(result.warnings).toContain('phenotype counts below the minimum cell count 2 are left out of the summary: TPMT Poor Metabolizer (<2)');
    const audited = JSON.parse((await rows(ws.connection, 'SELECT detail FROM _audit ORDER BY seq DESC LIMIT 1'))[0]!.detail as string);
    expect(audited.crossTab).toBeUndefined();
  });

  it('refuses a phenotype the gene does not have, naming the ones it has', async () => {
    const refs = { exposure: { cohortTable: 'results.exposure', dataset: 'cdm' }, outcome: { cohortTable: 'results.outcome', dataset: 'cdm' } };
    await expect(pgx({ genes: ['TPMT'], crossTab: { gene: 'TPMT', phenotype: 'Rapid Metabolizer', ...refs } }))
      .rejects.toMatchObject({ message: 'TPMT has no phenotype "Rapid Metabolizer"', hint: 'TPMT phenotypes are: Normal Metabolizer, Intermediate Metabolizer, Poor Metabolizer' });
    await expect(pgx({ genes: ['TPMT'], crossTab: { gene: 'CYP2C19', phenotype: 'PM', ...refs } }))
      .rejects.toMatchObject({ message: 'the cross-tab gene CYP2C19 is not called here' });
  });
});

describe('another reference build', () => {
  it('matches a GRCh37 file by rsid only and says why', async () => {
    await writeVcfTables(ws.connection, 'b37', {
      samples: ['A', 'B'],
      header: ['##fileformat=VCFv4.1', '##contig=<ID=6,length=171115067,assembly=b37>'],
      records: [
        // Placed at TPMT's GRCh38 *2 position but another variant: must not be taken for rs1800462.
        { chrom: '6', pos: 18143724, id: 'rs0000001', ref: 'C', alts: ['G'], gts: ['1/1', '0/0'] },
        { chrom: '6', pos: 18139228, id: 'rs1800460', ref: 'C', alts: ['T'], gts: ['0/0', '0/1'] },
      ],
    });
    await ws.connection.run("INSERT INTO _catalog (id, name, kind, source_file, sha256, rows, columns, imported_at, description, licence) SELECT 'id-b37', 'b37', 'vcf', '/fixture/b37', sha256, 0, '[]', imported_at, '', '' FROM _catalog WHERE name = 'genomes'");
    const dataset = { ...ws.dataset('genomes'), id: 'id-b37', name: 'b37' };
    const result = await runPgx(ws.task, ws.audit, dataset, { dataset: 'b37', genes: ['TPMT'] });
    expect(result.warnings[0]).toBe('the VCF is on GRCh37 (##contig=<ID=6,length=171115067,assembly=b37>), the table on GRCh38: its positions name other bases there, so defining variants were matched by rsid (with the same REF/ALT) only');
    const calls = await callsOf(result.callsTable, 'TPMT');
    // rs1800460 is found by rsid; the other three TPMT positions are absent, so even B's *3B is uncertain.
    expect(calls[1]).toMatchObject({ determinable: false, reason: expect.stringContaining('not in the file') });
    expect(result.warnings).toContain('TPMT: defining positions not in the file: chr6:18143724 (rs1800462), chr6:18130781 (rs1800584), chr6:18130687 (rs1142345); samples whose call depends on them are not determinable');
  });
});
