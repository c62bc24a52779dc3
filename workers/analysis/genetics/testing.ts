/**
 * Test-only: the tables of an imported VCF (docs/vcf.md) written from genotype matrices, so the variant
 * analyses can be tested before and apart from the importer. Per-variant counts are derived from the
 * packed bytes by the rules docs/vcf.md states.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../db/quote.js';
import { Task } from '../../db/tasks.js';
import { cellValue } from '../../db/columnar.js';
import type { Dataset, ResultPage } from '../../engine/api.js';
import { AUDIT_TABLE_SQL, AuditLog } from '../../engine/audit-log.js';
import { WorkspaceEngine } from '../../engine/engine.js';
import { ALT_COPIES_MASK, CALLED_SHIFT, gtOf, MISSING_BIT, PHASED_BIT } from './packed-calls.js';

export interface FixtureVariant {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  rsid?: string | null;
  gene?: string | null;
  consequence?: string | null;
  impact?: string | null;
  alleleIndex?: number;
  nAlleles?: number;
  /** One packed byte per sample. */
  calls: Uint8Array;
  /** GT text per sample as in the file (for the sparse `genotype` table); derived from the bytes when absent. */
  gts?: string[];
}

/** `0/1` → 0x11, `1|1` → 0x52, `./1` → 0x89, `1` → 0x09, `1/2` for ALT 2 → 0x11 (docs/vcf.md). */
export function packGenotype(gt: string, allele: number): number {
  if (gt === '' || gt === '.') return MISSING_BIT;
  const alleles = gt.split(/[/|]/);
  let copies = 0;
  let called = 0;
  let missing = false;
  for (const a of alleles) {
    if (a === '.') missing = true;
    else {
      called++;
      if (Number(a) === allele) copies++;
    }
  }
  return (missing ? MISSING_BIT : 0) | (gt.includes('|') ? PHASED_BIT : 0) | (called << CALLED_SHIFT) | copies;
}

/** `ac, an, n_hom_ref, n_het, n_hom_alt, n_missing, n_half` of one variant, from its bytes. */
export function variantCounts(calls: Uint8Array): number[] {
  let ac = 0, an = 0, homRef = 0, het = 0, homAlt = 0, missing = 0, half = 0;
  for (const byte of calls) {
    const copies = byte & ALT_COPIES_MASK;
    const called = (byte >> CALLED_SHIFT) & 7;
    ac += copies;
    an += called;
    if (called === 0) missing++;
    else if (byte & MISSING_BIT) half++;
    else if (called === 2) {
      if (copies === 0) homRef++;
      else if (copies === 1) het++;
      else homAlt++;
    }
  }
  return [ac, an, homRef, het, homAlt, missing, half];
}

/** Writes `sample`, `vcf_sample`, `variant`, `genotype_packed`, `genotype`, `annotation` into `schema`. */
export async function writeVcfTables(
  connection: DuckDBConnection,
  schema: string,
  samples: string[],
  variants: FixtureVariant[],
  links: { sample: string; personId: number }[] = [],
): Promise<void> {
  const s = quoteIdentifier(schema);
  await connection.run(`CREATE SCHEMA ${s}`);
  await connection.run(`CREATE TABLE ${s}.sample (sample_idx INTEGER, sample VARCHAR)`);
  await connection.run(`CREATE TABLE ${s}.vcf_sample (sample VARCHAR, person_id BIGINT)`);
  await connection.run(`CREATE TABLE ${s}.variant (variant_id INTEGER, chrom VARCHAR, pos INTEGER, ref VARCHAR, alt VARCHAR,
    rsid VARCHAR, qual DOUBLE, filter VARCHAR, allele_index SMALLINT, n_alleles SMALLINT, line BIGINT, gene VARCHAR,
    consequence VARCHAR, impact VARCHAR, hgvs_c VARCHAR, hgvs_p VARCHAR, ac INTEGER, an INTEGER, n_hom_ref INTEGER,
    n_het INTEGER, n_hom_alt INTEGER, n_missing INTEGER, n_half INTEGER)`);
  await connection.run(`CREATE TABLE ${s}.genotype_packed (variant_id INTEGER, calls BLOB)`);
  await connection.run(`CREATE TABLE ${s}.genotype (variant_id INTEGER, sample_idx INTEGER, sample VARCHAR, alt_count INTEGER,
    called INTEGER, phased BOOLEAN, gt VARCHAR, dp INTEGER, gq INTEGER)`);
  await connection.run(`CREATE TABLE ${s}.annotation (variant_id INTEGER, source VARCHAR, gene VARCHAR, consequence VARCHAR,
    impact VARCHAR, feature VARCHAR, biotype VARCHAR, hgvs_c VARCHAR, hgvs_p VARCHAR)`);
  const sampleAppender = await connection.createAppender('sample', schema);
  samples.forEach((name, i) => {
    sampleAppender.appendInteger(i);
    sampleAppender.appendVarchar(name);
    sampleAppender.endRow();
  });
  sampleAppender.closeSync();
  for (const link of links) await connection.run(`INSERT INTO ${s}.vcf_sample VALUES ($1, $2)`, [link.sample, link.personId]);
  await appendVariants(connection, schema, samples, variants);
}

async function appendVariants(connection: DuckDBConnection, schema: string, samples: string[], variants: FixtureVariant[]): Promise<void> {
  const variantAppender = await connection.createAppender('variant', schema);
  const packedAppender = await connection.createAppender('genotype_packed', schema);
  const genotypeAppender = await connection.createAppender('genotype', schema);
  const nullable = (value: string | null | undefined) => (value == null ? variantAppender.appendNull() : variantAppender.appendVarchar(value));
  variants.forEach((v, id) => {
    if (v.calls.length !== samples.length) throw new Error(`variant ${id} has ${v.calls.length} calls for ${samples.length} samples`);
    variantAppender.appendInteger(id);
    variantAppender.appendVarchar(v.chrom);
    variantAppender.appendInteger(v.pos);
    variantAppender.appendVarchar(v.ref);
    variantAppender.appendVarchar(v.alt);
    nullable(v.rsid);
    variantAppender.appendNull();
    variantAppender.appendVarchar('PASS');
    variantAppender.appendSmallInt(v.alleleIndex ?? 1);
    variantAppender.appendSmallInt(v.nAlleles ?? 2);
    variantAppender.appendBigInt(BigInt(id + 1));
    nullable(v.gene);
    nullable(v.consequence);
    nullable(v.impact);
    variantAppender.appendNull();
    variantAppender.appendNull();
    for (const n of variantCounts(v.calls)) variantAppender.appendInteger(n);
    variantAppender.endRow();
    packedAppender.appendInteger(id);
    packedAppender.appendBlob(v.calls);
    packedAppender.endRow();
    v.calls.forEach((byte, i) => {
      if ((byte & ALT_COPIES_MASK) === 0 && !(byte & MISSING_BIT)) return;
      genotypeAppender.appendInteger(id);
      genotypeAppender.appendInteger(i);
      genotypeAppender.appendVarchar(samples[i]!);
      genotypeAppender.appendInteger(byte & ALT_COPIES_MASK);
      genotypeAppender.appendInteger((byte >> CALLED_SHIFT) & 7);
      genotypeAppender.appendBoolean((byte & PHASED_BIT) !== 0);
      genotypeAppender.appendVarchar(v.gts?.[i] ?? gtOf(byte));
      genotypeAppender.appendNull();
      genotypeAppender.appendNull();
      genotypeAppender.endRow();
    });
  });
  for (const appender of [variantAppender, packedAppender, genotypeAppender]) appender.closeSync();
}

/** A catalog-shaped `vcf` dataset for a schema written by `writeVcfTables`. */
export function fixtureDataset(name: string, rows = 0): Dataset {
  return {
    id: `test-${name}`, name, kind: 'vcf', sourceFile: `/test/${name}.vcf`, sha256: '0'.repeat(64), rows, tables: [],
    importedAt: new Date(0).toISOString(), description: 'test fixture', licence: 'test', privacy: null,
  };
}

/** An in-memory workspace with an audit trail, and a task on it. */
export async function fixtureWorkspace(): Promise<{ connection: DuckDBConnection; task: Task; audit: AuditLog; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(AUDIT_TABLE_SQL);
  const audit = new AuditLog();
  await audit.load(connection);
  const task = new Task('test', 'the test', connection, undefined);
  return { connection, task, audit, close: () => { connection.closeSync(); instance.closeSync(); } };
}

/**
 * Test-only: a plain VCF's calls read straight from its text by DuckDB, not by the importer: one row per
 * record, ALT and sample — `chrom, pos, alt, sample` (the file's sample name, from the header line),
 * `alleles` (the GT split at `/` or `|`), `copies` (of this ALT) and `missing` (an allele is `.`).
 */
export function vcfTextCallsSql(path: string): string {
  const file = path.replaceAll("'", "''");
  return `WITH header AS (
      SELECT string_split(line, chr(9)) AS names FROM (SELECT unnest(string_split(content, chr(10))) AS line FROM read_text('${file}'))
      WHERE line LIKE '#CHROM%'),
    raw AS (SELECT * FROM read_csv('${file}', delim = chr(9), header = false, comment = '#', all_varchar = true)),
    calls AS (UNPIVOT raw ON COLUMNS('^column(009|0[1-9][0-9]|[1-9][0-9][0-9])$') INTO NAME field VALUE call),
    split AS (SELECT column000 AS chrom, column001::INTEGER AS pos, alt, allele::INTEGER AS allele,
        (SELECT names FROM header)[field[7:]::INTEGER + 1] AS sample,
        regexp_split_to_array(split_part(call, ':', 1), '[/|]') AS alleles
      FROM calls, unnest(string_split(column004, ',')) WITH ORDINALITY AS a(alt, allele))
    SELECT chrom, pos, alt, sample, alleles, len(list_filter(alleles, x -> x = allele::VARCHAR)) AS copies,
      list_contains(alleles, '.') AS missing
    FROM split`;
}

/** Test-only: the bundled cohort VCF (samples/small/vcf). */
export const BUNDLED_VCF_DIR = new URL('../../../samples/small/vcf/', import.meta.url).pathname;

/**
 * Test-only: an engine on an in-memory workspace with the bundled cohort VCF imported as `vcf`; the
 * policy shows every count, so each test asks for its own minimum cell count.
 */
export async function bundledVcfEngine(): Promise<WorkspaceEngine> {
  const engine = new WorkspaceEngine();
  await engine.openWorkspace(':memory:');
  await engine.setPrivacyPolicy({ minCellCount: 0 });
  await engine.importFile({ path: `${BUNDLED_VCF_DIR}cohort.vcf`, name: 'vcf' });
  return engine;
}

/** Test-only: a page as one object per row, 64-bit integers as numbers. */
export function pageObjects(page: ResultPage): Record<string, unknown>[] {
  return Array.from({ length: page.rowCount }, (_, i) => Object.fromEntries(page.columns.map((c) => {
    const value = cellValue(c, i);
    return [c.name, typeof value === 'bigint' ? Number(value) : value];
  })));
}
