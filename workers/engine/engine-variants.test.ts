import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/helpers/temp-dir.js';
import type { CohortSpec } from './api.js';
import { WorkspaceEngine } from './engine.js';

// The bundled synthetic VCF (samples/small/vcf: 200 samples × 500 variants, linked to the OMOP sample's
// persons) with its planted association at chr22:36201447 G>A (case AF 0.30, control 0.10;
// samples/small/manifest.json). Expected counts are read here straight from the VCF text and the phenotype
// file, independently of the importer.
const VCF_DIR = new URL('../../samples/small/vcf/', import.meta.url).pathname;
const OMOP_DIR = new URL('../../samples/small/omop/', import.meta.url).pathname;
const PLANTED = { chrom: 'chr22', pos: 36201447, ref: 'G', alt: 'A' };

/** ALT copies and called alleles per sample at the planted site, from the VCF text (GT is the first FORMAT field). */
function plantedCalls(): Map<string, { copies: number; called: number }> {
  const lines = readFileSync(join(VCF_DIR, 'cohort.vcf'), 'utf8').split('\n');
  const header = lines.find((l) => l.startsWith('#CHROM'))!.split('\t');
  const record = lines.find((l) => l.startsWith(`${PLANTED.chrom}\t${PLANTED.pos}\t`))!.split('\t');
  expect(record.slice(3, 5)).toEqual([PLANTED.ref, PLANTED.alt]);
  const calls = new Map<string, { copies: number; called: number }>();
  header.slice(9).forEach((sample, i) => {
    const alleles = record[9 + i]!.split(':')[0]!.split(/[/|]/);
    calls.set(sample, { copies: alleles.filter((a) => a === '1').length, called: alleles.filter((a) => a !== '.').length });
  });
  return calls;
}

function plantedGenotypes(): Map<string, number> {
  return new Map([...plantedCalls()].map(([sample, c]) => [sample, c.copies]));
}

function phenotypes(): Map<string, number> {
  const rows = readFileSync(join(VCF_DIR, 'phenotype.tsv'), 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((r) => r.split('\t')).map(([s, v]) => [s!, Number(v)]));
}

const tempDir = useTempDir();

describe('variants through the engine on the bundled VCF', () => {
  const engine = new WorkspaceEngine();
  beforeAll(async () => {
    await engine.openWorkspace(join(tempDir(), 'ws.duckdb'));
    await engine.importFile({ path: join(VCF_DIR, 'cohort.vcf'), kind: 'vcf', name: 'vcf', vcf: { samples: join(VCF_DIR, 'samples.tsv') } });
    await engine.importFile({ path: OMOP_DIR, kind: 'omop', name: 'omop' });
  });
  afterAll(() => engine.close());

  it('finds the planted variant with the case and control counts of the file', async () => {
    const status = phenotypes();
    let [acCases, anCases, acControls, anControls] = [0, 0, 0, 0];
    for (const [sample, { copies, called }] of plantedCalls()) {
      if (status.get(sample) === 1) { acCases += copies; anCases += called; } else if (status.get(sample) === 0) { acControls += copies; anControls += called; }
    }
    const result = await engine.association({ dataset: 'vcf', phenotype: { file: join(VCF_DIR, 'phenotype.tsv') }, orderBy: 'p_fisher', limit: 5 });
    const row = await engine.query(`SELECT * FROM ${result.resultTable} WHERE pos = ${PLANTED.pos} AND alt = '${PLANTED.alt}'`);
    const value = (name: string) => {
      const column = row.columns.find((c) => c.name === name)!;
      return column.data.kind === 'number' || column.data.kind === 'bigint' ? Number(column.data.values[0]) : column.data.kind === 'string' ? column.data.values[0] : null;
    };
    expect([value('ac_cases'), value('an_cases'), value('ac_controls'), value('an_controls')]).toEqual([acCases, anCases, acControls, anControls]);
    // Woolf's odds ratio from the same 2×2 allele table.
    const or = (acCases * (anControls - acControls)) / ((anCases - acCases) * acControls);
    expect(value('or')).toBeCloseTo(or, 10);
    expect(result.cases + result.controls).toBe(status.size);
    // The planted variant is the strongest signal of the file.
    const top = result.page.columns.find((c) => c.name === 'pos')!;
    expect(top.data.kind === 'number' || top.data.kind === 'bigint' ? Number(top.data.values[0]) : null).toBe(PLANTED.pos);
  });

  it('finds the variant by region (with or without "chr") and lists exactly its carriers', async () => {
    for (const region of [`chr22:${PLANTED.pos - 10}-${PLANTED.pos + 10}`, `22:${PLANTED.pos}-${PLANTED.pos}`]) {
      const page = await engine.variants({ dataset: 'vcf', region });
      const pos = page.columns.find((c) => c.name === 'pos')!.data as { values: ArrayLike<number | bigint> };
      expect(Array.from(pos.values, Number)).toContain(PLANTED.pos);
    }
    const carriers = await engine.carriers({ dataset: 'vcf', variants: [await plantedId(engine)], limit: 1000 });
    const samples = (carriers.columns.find((c) => c.name === 'sample')!.data as { values: string[] }).values;
    const expected = [...plantedGenotypes()].filter(([, n]) => n >= 1).map(([s]) => s).sort();
    expect([...samples].sort()).toEqual(expected);
    const homozygous = await engine.carriers({ dataset: 'vcf', variants: [await plantedId(engine)], minAltCount: 2, limit: 1000 });
    expect(homozygous.rowCount).toBe([...plantedGenotypes()].filter(([, n]) => n === 2).length);
  });

  it('cohort genotype rules reach the linked persons', async () => {
    const copies = plantedGenotypes();
    const links = new Map(readFileSync(join(VCF_DIR, 'samples.tsv'), 'utf8').trim().split('\n').slice(1).map((r) => r.split('\t') as [string, string]));
    const everyone: CohortSpec = { dataset: 'omop', entry: { domain: 'visit', codes: { concepts: [9202, 9201, 9203] } } };
    const all = await engine.cohort(everyone);
    const members = await engine.query(`SELECT list(person_id ORDER BY person_id) AS ids FROM ${all.cohortTable}`);
    const memberIds = new Set(((members.columns[0]!.data as { values: unknown[] }).values[0] as (number | bigint)[]).map(Number));
    const expected = [...copies].filter(([sample, n]) => n >= 1 && links.has(sample) && memberIds.has(Number(links.get(sample)))).length;
    const carriers = await engine.cohort({ ...everyone, inclusion: [{ name: 'carries the planted variant', genotype: { dataset: 'vcf', variants: [await plantedId(engine)] } }] });
    expect(carriers.persons).toBe(expected);
    expect(expected).toBeGreaterThan(10);
  });
});

async function plantedId(engine: WorkspaceEngine): Promise<number> {
  const page = await engine.query(`SELECT variant_id FROM vcf.variant WHERE pos = ${PLANTED.pos} AND alt = '${PLANTED.alt}'`);
  const column = page.columns[0]!.data;
  return Number((column as { values: ArrayLike<number | bigint> }).values[0]);
}
