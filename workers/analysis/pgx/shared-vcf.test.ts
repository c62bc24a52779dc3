/**
 * Smoke check on the public VCFs in shared/data/vcf (see its MANIFEST.tsv), read by the small test reader
 * in testing.ts until the VCF importer exists. What these files hold around CYP2D6 (chr22) was looked up
 * beforehand: the hapmap exome extract (22 samples, b37) has three records in CYP2D6 and none of the table's
 * defining variants; the two 1000 Genomes extracts cover chr22:50.30–51.00 Mb (phase 1, GRCh37, no contig
 * lines) and chr22:10.51 Mb (2020 NYGC, GRCh38), far from CYP2D6 at 42.1 Mb (GRCh38) / 42.5 Mb (GRCh37).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '../cohort/testing.js';
import { pgxGenes } from './pgx-table.js';
import { runPgx } from './run-pgx.js';
import { pgxWorkspace, readVcfWindows, writeVcfTables, type PgxWorkspace } from './testing.js';

const SHARED_VCF = process.env.PMW_SHARED_VCF_DIR ?? new URL('../../../../shared/data/vcf/', import.meta.url).pathname;
const CYP2D6_WINDOWS = [{ chrom: '22', start: 42_100_000, end: 42_160_000 }, { chrom: '22', start: 42_500_000, end: 42_560_000 }];
const TABLE_RSIDS = new Set(pgxGenes().flatMap((g) => g.variants.map((v) => v.rsid)));

let ws: PgxWorkspace;
beforeEach(async () => { ws = await pgxWorkspace([['shared', 'vcf']]); });
afterEach(() => ws.close());

async function callCyp2d6(file: string) {
  await writeVcfTables(ws.connection, 'shared', readVcfWindows(join(SHARED_VCF, file), CYP2D6_WINDOWS, TABLE_RSIDS));
  return runPgx(ws.task, ws.audit, ws.dataset('shared'), { dataset: 'shared', genes: ['CYP2D6'] });
}

describe.skipIf(!existsSync(SHARED_VCF))('shared 1000 Genomes / HapMap chr22 VCFs', () => {
  it('hapmap exome (b37): matched by rsid only, and no CYP2D6 call is possible from what the file holds', async () => {
    const result = await callCyp2d6('va_hapmap_exome_chr22.22s.vcf.gz');
    expect(result.warnings).toEqual([
      expect.stringMatching(/^the VCF is on GRCh37 \(##reference=file:\/\/\/.*human_g1k_v37_decoy\.fasta\), the table on GRCh38/),
      'CYP2D6: none of its 9 defining variants is in the file',
    ]);
    const calls = await rows(ws.connection, `SELECT determinable, reason FROM ${result.callsTable}`);
    expect(calls).toHaveLength(22);
    for (const c of calls) {
      expect(c.determinable).toBe(false);
      expect(String(c.reason)).toMatch(/^not determinable: position chr22:\d+ \(rs\d+\) not in the file; .*copy number not assessed/);
    }
  });

  it('1000 Genomes 2020 extract: GRCh38 recognised from its contig lengths, CYP2D6 outside the extract', async () => {
    const result = await callCyp2d6('bio2zarr_1kg2020_chr22.100s.vcf.gz');
    expect(result.warnings).toEqual(['CYP2D6: none of its 9 defining variants is in the file']);
    expect(result.summary).toEqual([{ gene: 'CYP2D6', phenotype: 'not determinable', samples: 100 }]);
  });

  it('1000 Genomes phase 1 extract: no build in the header, said so', async () => {
    const result = await callCyp2d6('1kg_phase1_chr22.5s.phased.vcf.gz');
    expect(result.warnings[0]).toMatch(/^the VCF header names no reference build/);
    expect(result.summary).toEqual([{ gene: 'CYP2D6', phenotype: 'not determinable', samples: 5 }]);
  });
});
