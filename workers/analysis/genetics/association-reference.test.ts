/**
 * The association on real VCFs (reference/data) against PLINK 1.9 and bcftools (to the digits they print)
 * and against an independent exact computation (reference/exact_reference.py: exact rationals, scipy,
 * numpy) to a relative 1e-10. Twice: on tables the test-only reader writes (the analysis alone), and
 * through the engine on the real import (workers/import/vcf) — the whole path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssociationResult, ResultPage } from '../../engine/api.js';
import { WorkspaceEngine } from '../../engine/engine.js';
import { associate } from './run-association.js';
import { readPhenotypeFile } from './phenotype-file.js';
import { readTestVcf } from './reference/read-test-vcf.js';
import { dataPath, expectExact, expectPrinted, readOutput, readOutputRecords, REFERENCE_DATASETS } from './reference/load-reference.js';
import { fixtureDataset, fixtureWorkspace, writeVcfTables } from './testing.js';

type Row = Record<string, number | string | null>;
type Loaded = Map<string, { result: Omit<AssociationResult, 'elapsedMs'>; rows: Row[]; variants: Row[] }>;

/** Tables written by the test-only reader (testing.ts), association run on them directly. */
async function throughTestReader(): Promise<{ results: Loaded; close: () => void }> {
  const ws = await fixtureWorkspace();
  const results: Loaded = new Map();
  for (const ref of REFERENCE_DATASETS) {
    const vcf = readTestVcf(dataPath(ref.vcf));
    await writeVcfTables(ws.connection, ref.name, vcf.samples, vcf.variants);
    const phenotype = await readPhenotypeFile(dataPath(ref.phenotype), vcf.samples);
    const result = await associate(ws.task, ws.audit, fixtureDataset(ref.name), { dataset: ref.name, phenotype: { file: dataPath(ref.phenotype) } }, phenotype);
    const rows = (await ws.connection.runAndReadAll(`SELECT * FROM ${result.resultTable} ORDER BY variant_id`)).getRowObjectsJS() as Row[];
    const variants = (await ws.connection.runAndReadAll(`SELECT * FROM "${ref.name}".variant ORDER BY variant_id`)).getRowObjectsJS() as Row[];
    results.set(ref.name, { result, rows, variants });
  }
  return { results, close: () => ws.close() };
}

/** The real path: engine.importFile (workers/import/vcf), then engine.association. */
async function throughImporter(): Promise<{ results: Loaded; close: () => Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'pmw-assoc-ref-'));
  const engine = new WorkspaceEngine();
  await engine.openWorkspace(join(folder, 'ws.duckdb'));
  // Every count shown, to compare each with PLINK; association-suppression.test.ts covers the hidden ones.
  await engine.setPrivacyPolicy({ minCellCount: 0 });
  const results: Loaded = new Map();
  for (const ref of REFERENCE_DATASETS) {
    await engine.importFile({ path: dataPath(ref.vcf), kind: 'vcf', name: ref.name });
    const result = await engine.association({ dataset: ref.name, phenotype: { file: dataPath(ref.phenotype) } });
    const rows = rowsOf(await engine.query(`SELECT * FROM ${result.resultTable} ORDER BY variant_id`, { limit: 100_000 }));
    const variants = rowsOf(await engine.query(`SELECT * FROM "${ref.name}".variant ORDER BY variant_id`, { limit: 100_000 }));
    results.set(ref.name, { result, rows, variants });
  }
  return { results, close: async () => { await engine.close(); rmSync(folder, { recursive: true, force: true }); } };
}

function rowsOf(page: ResultPage): Row[] {
  return Array.from({ length: page.rowCount }, (_, r) => Object.fromEntries(page.columns.map((c) => {
    const data = c.data;
    if ('valid' in data && !data.valid[r]) return [c.name, null];
    const value = data.values[r];
    return [c.name, typeof value === 'bigint' ? Number(value) : (value as number | string | null)];
  })));
}

const num = (value: unknown): number => (value === null || value === undefined ? NaN : Number(value));

describe.each([
  ['read by the test-only reader', throughTestReader],
  ['imported by engine.importFile', throughImporter],
] as const)('%s', (_label, load) => {
  let loaded: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    loaded = await load();
  });
  afterAll(async () => {
    await loaded?.close();
  });

  describe.each(REFERENCE_DATASETS.map((d) => d.name))('%s', (name) => {
    const get = () => loaded.results.get(name)!;

    it('has one result row per split variant, as PLINK on the bcftools-split VCF', () => {
      expect(get().rows.length).toBe(readOutputRecords(`${name}.assoc`).length);
      expect(get().result.variants).toBe(get().rows.length);
    });

    it('counts and statistics equal the exact reference (1e-10)', () => {
      const exact = readOutputRecords(`${name}.exact.tsv`);
      get().rows.forEach((row, i) => {
        const ref = exact[i]!;
        const where = `${name} variant ${i}`;
        expect([row.chrom, row.pos, row.ref, row.alt]).toEqual([ref.chrom, Number(ref.pos), ref.ref, ref.alt]);
        for (const c of ['ac_cases', 'an_cases', 'ac_controls', 'an_controls']) expect(row[c], `${where} ${c}`).toBe(Number(ref[c]));
        for (const c of ['af', 'hwe_p', 'chisq', 'p_chisq', 'p_fisher', 'or', 'or_lo', 'or_hi', 'p_trend']) expectExact(num(row[c]), ref[c]!, `${where} ${c}`);
      });
    });

    it('--assoc: F_A, F_U, CHISQ, P, OR, L95, U95 as PLINK prints them', () => {
      const plink = readOutputRecords(`${name}.assoc`);
      get().rows.forEach((row, i) => {
        const p = plink[i]!;
        const where = `${name} variant ${i}`;
        expect(Number(p.BP)).toBe(row.pos);
        expect(p.A1).toBe(row.alt);
        const [a, anCases, c, anControls] = [num(row.ac_cases), num(row.an_cases), num(row.ac_controls), num(row.an_controls)];
        expectPrinted(anCases ? a / anCases : NaN, p.F_A!, `${where} F_A`);
        expectPrinted(anControls ? c / anControls : NaN, p.F_U!, `${where} F_U`);
        if (anCases === 0 || anControls === 0) {
          // PLINK prints CHISQ 0 and P 1 for a group without alleles; ours is undefined (NULL).
          expect(num(row.chisq)).toBeNaN();
          expect(p.CHISQ === '0' || p.CHISQ === 'NA').toBe(true);
          return;
        }
        expectPrinted(num(row.chisq), p.CHISQ!, `${where} CHISQ`);
        expectPrinted(num(row.p_chisq), p.P!, `${where} P`);
        expectPrinted(num(row.or), p.OR === 'inf' ? 'NA' : p.OR!, `${where} OR`);
        // A zero cell: PLINK prints SE inf with L95 0 and U95 nan (or NA); ours has no interval.
        const zeroCell = p.SE === 'inf' || p.SE === 'NA';
        expectPrinted(num(row.or_lo), zeroCell ? 'NA' : p.L95!, `${where} L95`);
        expectPrinted(num(row.or_hi), zeroCell ? 'NA' : p.U95!, `${where} U95`);
      });
    });

    it('--assoc fisher: P as PLINK prints it', () => {
      const plink = readOutputRecords(`${name}.assoc.fisher`);
      get().rows.forEach((row, i) => {
        // No alleles at all (every call missing): PLINK prints P 1; ours is undefined (NULL).
        const noAlleles = num(row.an_cases) + num(row.an_controls) === 0;
        expectPrinted(num(row.p_fisher), noAlleles && plink[i]!.P === '1' ? 'NA' : plink[i]!.P!, `${name} variant ${i} fisher P`);
      });
    });

    it('--model TREND: allele counts, CHISQ and P as PLINK prints them', () => {
      const plink = readOutputRecords(`${name}.model`);
      get().rows.forEach((row, i) => {
        const p = plink[i]!;
        const where = `${name} variant ${i} TREND`;
        expect(p.AFF, where).toBe(`${row.ac_cases}/${num(row.an_cases) - num(row.ac_cases)}`);
        expect(p.UNAFF, where).toBe(`${row.ac_controls}/${num(row.an_controls) - num(row.ac_controls)}`);
        expectPrinted(num(row.p_trend), p.P!, where);
      });
    });

    it('--hardy: controls (UNAFF) genotype counts and P as PLINK prints them', () => {
      const plink = readOutputRecords(`${name}.hwe`).filter((r) => r.TEST === 'UNAFF');
      const exact = readOutputRecords(`${name}.exact.tsv`);
      get().rows.forEach((row, i) => {
        const p = plink[i]!;
        const e = exact[i]!;
        expect(p.GENO, `${name} variant ${i} GENO`).toBe(`${e.control_hom_alt}/${e.control_het}/${e.control_hom_ref}`);
        expectPrinted(num(row.hwe_p), p.P!, `${name} variant ${i} HWE P`);
      });
    });

    it('variant table AC/AN equal bcftools +fill-tags, and ALT frequency PLINK --freq (all samples)', () => {
      const bcftools = readOutput(`${name}.bcftools_ac_an.tsv`);
      const frq = readOutputRecords(`${name}.frq`);
      get().variants.forEach((v, i) => {
        const b = bcftools[i]!;
        expect([v.chrom, String(v.pos), v.ref, v.alt, String(v.ac), String(v.an)], `${name} variant ${i}`).toEqual(b);
        expect(frq[i]!.NCHROBS).toBe(String(v.an));
        expectPrinted(num(v.an) ? num(v.ac) / num(v.an) : NaN, frq[i]!.MAF!, `${name} variant ${i} MAF`);
      });
    });
  });
});
