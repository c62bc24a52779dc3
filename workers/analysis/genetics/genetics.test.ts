/**
 * Variant queries, carriers, association options, burden and plot data on a small hand-made VCF layout
 * (testing.ts), where every expected number can be counted by eye.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultPage } from '../../engine/api.js';
import { fisherExactP } from '../../stats/genetics/fisher-exact.js';
import { expectedMinusLog10P } from '../../stats/genetics/qq-expected.js';
import { genomicInflationOf, manhattanSql, qqPlotSql } from './plot-data.js';
import { runAssociation } from './run-association.js';
import { runCarriers } from './run-carriers.js';
import { runVariants } from './run-variants.js';
import { Task } from '../../db/tasks.js';
import { fixtureDataset, fixtureWorkspace, packGenotype, writeVcfTables, type FixtureVariant } from './testing.js';

type Workspace = Awaited<ReturnType<typeof fixtureWorkspace>>;
let ws: Workspace;
const dataset = fixtureDataset('small');
const folder = mkdtempSync(join(tmpdir(), 'pmw-genetics-'));

const SAMPLES = ['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'];
/** S0–S3 cases, S4–S6 controls, S7 unknown. */
const PHENOTYPE = 'sample\tstatus\nS0\tcase\nS1\tcase\nS2\tcase\nS3\tcase\nS4\tcontrol\nS5\tcontrol\nS6\tcontrol\nS7\tNA\n';

function variant(chrom: string, pos: number, gts: string[], extra: Partial<FixtureVariant> = {}): FixtureVariant {
  return { chrom, pos, ref: 'A', alt: 'G', calls: Uint8Array.from(gts, (gt) => packGenotype(gt, extra.alleleIndex ?? 1)), gts, ...extra };
}

const VARIANTS: FixtureVariant[] = [
  variant('chr1', 100, ['0/1', '1/1', '0/1', '0/0', '0/0', '0/0', '0/1', '1/1'], { rsid: 'rs1', gene: 'GENE1', consequence: 'missense_variant&splice_region_variant', impact: 'MODERATE' }),
  variant('chr1', 200, ['1|0', '0|0', '0|0', '0|0', '0|0', '0|0', '0|0', '0|0'], { rsid: 'rs2', gene: 'GENE1', consequence: 'stop_gained', impact: 'HIGH' }),
  variant('chr1', 300, ['0/0', './1', '0/0', '0/0', '0/0', './.', '0/0', '0/0'], { gene: 'GENE1', consequence: 'stop_gained', impact: 'HIGH' }),
  variant('chr2', 150, ['0/0', '0/0', '0/0', '0/0', '0/1', '0/0', '0/0', '0/0'], { rsid: 'rs4', gene: 'GENE2', consequence: 'frameshift_variant', impact: 'HIGH' }),
  variant('chrX', 50, ['1/1', '1/1', '0/1', '0/1', '0/0', '0/1', '0/0', '0/0'], { gene: 'GENE3', consequence: 'synonymous_variant', impact: 'LOW' }),
  variant('chr10', 75, ['0/1', '0/1', '0/1', '0/1', '0/1', '0/1', '0/1', '0/1']),
];

beforeAll(async () => {
  ws = await fixtureWorkspace();
  await writeVcfTables(ws.connection, 'small', SAMPLES, VARIANTS, [{ sample: 'S0', personId: 1000 }, { sample: 'S4', personId: 1004 }]);
  writeFileSync(join(folder, 'pheno.tsv'), PHENOTYPE);
});

afterAll(() => ws?.close());

/** A page as row objects. */
function rowsOf(page: ResultPage): Record<string, unknown>[] {
  return Array.from({ length: page.rowCount }, (_, r) => Object.fromEntries(page.columns.map((c) => [c.name, cellOf(c, r)])));
}

function cellOf(column: ResultPage['columns'][number], r: number): unknown {
  const data = column.data;
  if ('valid' in data && !data.valid[r]) return null;
  const value = data.values[r];
  return typeof value === 'bigint' ? Number(value) : value;
}

describe('runVariants', () => {
  it('finds a region with or without the chr prefix, both ends included', async () => {
    for (const region of ['1:100-200', 'chr1:100-200', 'CHR1:100-200']) {
      const page = await runVariants(ws.task, dataset, { dataset: 'small', region });
      expect(rowsOf(page).map((r) => r.pos), region).toEqual([100, 200]);
    }
    expect(rowsOf(await runVariants(ws.task, dataset, { dataset: 'small', region: 'chrX' })).map((r) => r.pos)).toEqual([50]);
    expect(rowsOf(await runVariants(ws.task, dataset, { dataset: 'small', region: 'chr1:300' })).map((r) => r.pos)).toEqual([300]);
  });

  it('filters by gene (any case), a consequence term, and impact; gives ac, an and af', async () => {
    const byGene = rowsOf(await runVariants(ws.task, dataset, { dataset: 'small', gene: 'gene1', impact: ['high'] }));
    expect(byGene.map((r) => r.pos)).toEqual([200, 300]);
    const bySpliceTerm = rowsOf(await runVariants(ws.task, dataset, { dataset: 'small', consequence: 'splice_region_variant' }));
    expect(bySpliceTerm.map((r) => [r.pos, r.ac, r.an, r.af])).toEqual([[100, 7, 16, 7 / 16]]);
    // ./1 counts one called allele (and the ALT), ./. none: as bcftools +fill-tags.
    const halfCall = rowsOf(await runVariants(ws.task, dataset, { dataset: 'small', region: '1:300' }))[0]!;
    expect([halfCall.ac, halfCall.an, halfCall.n_half, halfCall.n_missing]).toEqual([1, 13, 1, 1]);
  });

  it('pages and counts', async () => {
    const page = await runVariants(ws.task, dataset, { dataset: 'small', limit: 2, offset: 1 });
    expect(page.rowCount).toBe(2);
    expect(page.totalRows).toBe(6);
    expect(page.hasMore).toBe(true);
  });

  it('refuses a malformed region, an unknown impact and a dataset that is not a VCF', async () => {
    await expect(runVariants(ws.task, dataset, { dataset: 'small', region: 'chr1:200-100' })).rejects.toThrow(/not of the form/);
    await expect(runVariants(ws.task, dataset, { dataset: 'small', impact: ['SEVERE'] })).rejects.toThrow(/not an impact/);
    await expect(runVariants(ws.task, { ...dataset, kind: 'omop' }, { dataset: 'small' })).rejects.toThrow(/not a VCF/);
  });
});

describe('runCarriers', () => {
  it('lists carriers of variants by id and rsid, with linked persons and the GT as written', async () => {
    const rows = rowsOf(await runCarriers(ws.task, dataset, { dataset: 'small', variants: [1, 'rs4'] }));
    expect(rows.map((r) => [r.sample, r.person_id, r.variant_id, r.rsid, r.alt_count, r.gt])).toEqual([
      ['S0', 1000, 1, 'rs2', 1, '1|0'],
      ['S4', 1004, 3, 'rs4', 1, '0/1'],
    ]);
  });

  it('takes qualifying variants of a gene; a half-call carries; minAltCount 2 keeps homozygotes', async () => {
    const high = rowsOf(await runCarriers(ws.task, dataset, { dataset: 'small', gene: 'GENE1', impact: ['HIGH'] }));
    expect(high.map((r) => [r.sample, r.pos, r.gt])).toEqual([['S0', 200, '1|0'], ['S1', 300, './1']]);
    const homozygous = rowsOf(await runCarriers(ws.task, dataset, { dataset: 'small', gene: 'GENE1', minAltCount: 2 }));
    expect(homozygous.map((r) => [r.sample, r.pos])).toEqual([['S1', 100], ['S7', 100]]);
    const rare = rowsOf(await runCarriers(ws.task, dataset, { dataset: 'small', gene: 'GENE1', maxAf: 0.1 }));
    expect(rare.map((r) => r.pos)).toEqual([200, 300]);
  });

  it('refuses a query that chooses nothing', async () => {
    await expect(runCarriers(ws.task, dataset, { dataset: 'small' })).rejects.toThrow(/no variants were chosen/);
  });
});

describe('runAssociation', () => {
  it('counts per group, leaves out unknown samples, half-calls and missing calls, and keeps the result table', async () => {
    const result = await runAssociation(ws.task, ws.audit, dataset, { dataset: 'small', phenotype: { file: join(folder, 'pheno.tsv') }, orderBy: 'pos' });
    expect([result.cases, result.controls, result.samplesWithoutPhenotype, result.variants]).toEqual([4, 3, 1, 6]);
    expect(result.warnings).toEqual(['1 of 8 samples have no case/control status and are left out']);
    const rows = rowsOf(result.page);
    expect(result.page.columns.map((c) => c.name)).toEqual(['variant_id', 'chrom', 'pos', 'ref', 'alt', 'rsid', 'ac_cases', 'an_cases',
      'ac_controls', 'an_controls', 'af', 'hwe_p', 'chisq', 'p_chisq', 'p_fisher', 'or', 'or_lo', 'or_hi', 'p_trend']);
    const first = rows.find((r) => r.pos === 100)!;
    expect([first.ac_cases, first.an_cases, first.ac_controls, first.an_controls]).toEqual([4, 8, 1, 6]);
    expect(first.p_fisher).toBeCloseTo(fisherExactP(4, 4, 1, 5), 14);
    expect(first.or).toBeCloseTo((4 * 5) / (4 * 1), 14);
    const halfCall = rows.find((r) => r.pos === 300)!;
    expect([halfCall.ac_cases, halfCall.an_cases, halfCall.ac_controls, halfCall.an_controls]).toEqual([0, 6, 0, 4]);
    expect(halfCall.chisq).toBeNull();
    const audit = await ws.connection.runAndReadAll(`SELECT detail FROM _audit WHERE detail LIKE '%"analysis":"association"%'`);
    expect(JSON.parse(String(audit.getRowsJS()[0]![0])).resultTable).toBe(result.resultTable);
  });

  it('restricts to a region or gene and to a minimum MAF; orders and limits the page', async () => {
    const spec = { dataset: 'small', phenotype: { file: join(folder, 'pheno.tsv') } };
    expect((await runAssociation(ws.task, ws.audit, dataset, { ...spec, region: 'chr1' })).variants).toBe(3);
    expect((await runAssociation(ws.task, ws.audit, dataset, { ...spec, gene: 'GENE3' })).variants).toBe(1);
    // MAF over all called alleles: 7/16, 1/16, 1/13, 1/16, 7/16, 8/16.
    expect((await runAssociation(ws.task, ws.audit, dataset, { ...spec, minMaf: 0.1 })).variants).toBe(3);
    const page = (await runAssociation(ws.task, ws.audit, dataset, { ...spec, orderBy: 'pos desc', limit: 2 })).page;
    expect(rowsOf(page).map((r) => r.pos)).toEqual([300, 200]);
    expect(page.totalRows).toBe(6);
    await expect(runAssociation(ws.task, ws.audit, dataset, { ...spec, orderBy: 'pos; DROP TABLE x' })).rejects.toThrow(/cannot order/);
  });

  it('burden: carriers of qualifying variants per gene, cases against controls', async () => {
    const result = await runAssociation(ws.task, ws.audit, dataset, {
      dataset: 'small', phenotype: { file: join(folder, 'pheno.tsv') }, burden: { impact: ['HIGH'] },
    });
    const rows = (await ws.connection.runAndReadAll(`SELECT * FROM ${result.burdenTable} ORDER BY gene`)).getRowObjectsJS();
    // GENE1: S0 (rs2) and S1 (./1 at 300) are case carriers; GENE2: S4 is a control carrier.
    expect(rows.map((r) => [r.gene, r.variants, r.carriers_cases, r.cases, r.carriers_controls, r.controls])).toEqual([
      ['GENE1', 2, 2, 4, 0, 3],
      ['GENE2', 1, 0, 4, 1, 3],
    ]);
    expect(rows[0]!.p_fisher).toBeCloseTo(fisherExactP(2, 2, 0, 3), 14);
    expect(rows[0]!.or).toBeNull();
    expect(rows[1]!.or).toBe(0);
  });

  it('refuses a phenotype without cases or controls among the samples', async () => {
    writeFileSync(join(folder, 'strangers.tsv'), 'X1\t1\nX2\t0\n');
    await expect(runAssociation(ws.task, ws.audit, dataset, { dataset: 'small', phenotype: { file: join(folder, 'strangers.tsv') } }))
      .rejects.toThrow(/0 cases and 0 controls/);
  });
});

describe('plot data', () => {
  it('QQ: expected −log10 p at (i − 0.5)/n; Manhattan: chromosomes 1, 2, 10, X in order, positions offset', async () => {
    const { resultTable } = await runAssociation(ws.task, ws.audit, dataset, { dataset: 'small', phenotype: { file: join(folder, 'pheno.tsv') } });
    const qq = (await ws.connection.runAndReadAll(qqPlotSql(resultTable))).getRowObjectsJS();
    expect(qq.length).toBe(5); // chr1:300 has no ALT among cases and controls: no χ²
    qq.forEach((r, i) => expect(r.expected).toBeCloseTo(expectedMinusLog10P(i + 1, qq.length), 12));
    const manhattan = (await ws.connection.runAndReadAll(manhattanSql(resultTable, 'p_fisher'))).getRowObjectsJS();
    expect(manhattan.map((r) => [r.chrom, r.chrom_index, r.x])).toEqual([
      ['chr1', 0, 100], ['chr1', 0, 200], ['chr1', 0, 300], ['chr2', 1, 450], ['chr10', 2, 525], ['chrX', 3, 575],
    ]);
    expect(Number.isFinite(await genomicInflationOf(ws.task, resultTable))).toBe(true);
  });
});

describe('empty selections', () => {
  it('warn that the result and burden tables are empty', async () => {
    const result = await runAssociation(ws.task, ws.audit, dataset, {
      dataset: 'small', phenotype: { file: join(folder, 'pheno.tsv') }, region: 'chr5', burden: { impact: ['HIGH'] },
    });
    expect(result.variants).toBe(0);
    expect(result.page.rowCount).toBe(0);
    expect(result.warnings.slice(1)).toEqual([
      'no variant of the dataset matches the region, gene and minMaf given; the result table is empty',
      'no variant qualifies for a burden test (a gene, the impacts and maxAf given); the burden table is empty',
    ]);
  });
});

describe('cancelling', () => {
  it('stops between chunks of calls, keeps no result table and drops its temporary tables', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => variant('chr3', i + 1, ['0/1', '0/0', '0/0', '1/1', '0/0', '0/1', '0/0', '0/0']));
    await writeVcfTables(ws.connection, 'many', SAMPLES, many);
    const task = new Task('cancel-me', 'the association', ws.connection, (p) => {
      if (p.phase === 'reading') task.cancelled = true;
    });
    const before = (await ws.connection.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'results'`)).getRowsJS()[0]![0];
    await expect(runAssociation(task, ws.audit, fixtureDataset('many'), { dataset: 'many', phenotype: { file: join(folder, 'pheno.tsv') } }))
      .rejects.toMatchObject({ code: 'CANCELLED' });
    const after = (await ws.connection.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'results'`)).getRowsJS()[0]![0];
    expect(after).toBe(before);
    const temporary = await ws.connection.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE temporary AND table_name LIKE 'pmw_association%'`);
    expect(temporary.getRowsJS()).toEqual([]);
  });
});
