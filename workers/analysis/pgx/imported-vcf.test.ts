/**
 * End to end through the engine: a small GRCh38 VCF written here, imported with
 * engine.importFile({ kind: 'vcf' }), then engine.pgx (runPgx) on the dataset the import produced.
 *
 *   P1 no call at TPMT rs1800462                  → TPMT not determinable (no call)
 *   P2 TPMT rs1800460 + rs1142345 0/1; CYP2C19 *2/*2 → TPMT unphased ambiguity; CYP2C19 Poor
 *   P3 both TPMT variants 1|0 (rs1142345 is ALT 1 of a C,G record); CYP2C19 rs12248560 0/1
 *                                                 → *1/*3A; *1/*17 Rapid
 *   P4 rs1800460 1|0, rs1142345 0|1               → *3B/*3C Poor
 *   P5 reference everywhere                       → *1/*1; CYP2C19 *1/*1 (rs3758581 1/1 in all)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { cellValue } from '../../db/columnar.js';
import type { ResultPage } from '../../engine/api.js';
import { WorkspaceEngine } from '../../engine/engine.js';

const VCF = `##fileformat=VCFv4.2
##contig=<ID=chr6,length=170805979>
##contig=<ID=chr10,length=133797422>
##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
#CHROM	POS	ID	REF	ALT	QUAL	FILTER	INFO	FORMAT	P1	P2	P3	P4	P5
chr6	18130687	rs1142345	T	C,G	.	PASS	.	GT	0/0	0/1	1|0	0|1	0/0
chr6	18130781	rs1800584	C	T	.	PASS	.	GT	0/0	0/0	0|0	0|0	0/0
chr6	18138997	rs1800460	C	T	.	PASS	.	GT	0/0	0/1	1|0	1|0	0/0
chr6	18143724	rs1800462	C	G	.	PASS	.	GT	./.	0/0	0|0	0|0	0/0
chr10	94761900	rs12248560	C	T	.	PASS	.	GT	0/0	0/0	0/1	0/0	0/0
chr10	94775367	rs12769205	A	G	.	PASS	.	GT	0/0	1/1	0/0	0/0	0/0
chr10	94775507	rs58973490	G	A	.	PASS	.	GT	0/0	0/0	0/0	0/0	0/0
chr10	94780653	rs4986893	G	A	.	PASS	.	GT	0/0	0/0	0/0	0/0	0/0
chr10	94781859	rs4244285	G	A	.	PASS	.	GT	0/0	1/1	0/0	0/0	0/0
chr10	94842866	rs3758581	A	G	.	PASS	.	GT	1/1	1/1	1/1	1/1	1/1
`;

function column(page: ResultPage, name: string): unknown[] {
  const col = page.columns.find((c) => c.name === name)!;
  return Array.from({ length: page.rowCount }, (_, i) => cellValue(col, i));
}

describe('pgx on an imported VCF', () => {
  const temp = useTempDir();
  let engine: WorkspaceEngine | undefined;
  afterEach(async () => engine?.close());

  it('gives the calls known by construction', async () => {
    const vcf = join(temp(), 'pgx.vcf');
    writeFileSync(vcf, VCF);
    engine = new WorkspaceEngine();
    await engine.openWorkspace(join(temp(), 'ws.duckdb'));
    await engine.setPrivacyPolicy({ minCellCount: 0 }); // five samples: every count below the default minimum
    await engine.importFile({ path: vcf, kind: 'vcf', name: 'genomes' });
    const result = await engine.pgx({ dataset: 'genomes', genes: ['TPMT', 'CYP2C19'] });
    const page = result.page;
    const calls = ['sample', 'gene', 'diplotype', 'phenotype'].map((name) => column(page, name));
    expect(calls[0]!.map((_, i) => calls.map((c) => c[i]))).toEqual([
      ['P1', 'CYP2C19', '*1/*1', 'Normal Metabolizer'],
      ['P2', 'CYP2C19', '*2/*2', 'Poor Metabolizer'],
      ['P3', 'CYP2C19', '*1/*17', 'Rapid Metabolizer'],
      ['P4', 'CYP2C19', '*1/*1', 'Normal Metabolizer'],
      ['P5', 'CYP2C19', '*1/*1', 'Normal Metabolizer'],
      ['P1', 'TPMT', null, null],
      ['P2', 'TPMT', null, null],
      ['P3', 'TPMT', '*1/*3A', 'Intermediate Metabolizer'],
      ['P4', 'TPMT', '*3B/*3C', 'Poor Metabolizer'],
      ['P5', 'TPMT', '*1/*1', 'Normal Metabolizer'],
    ]);
    const reasons = column(page, 'reason');
    expect(reasons[5]).toMatch(/^not determinable: no call at chr6:18143724 \(rs1800462\)/);
    expect(reasons[6]).toBe('not determinable: unphased ambiguity (*1/*3A or *3B/*3C)');
    expect(result.warnings).toEqual([]);
    expect(result.callsTable).toMatch(/^results\.pgx_genomes_/);
  });
});
