/**
 * Test support: the docs/vcf.md tables of a VCF dataset written straight into DuckDB from genotype strings,
 * and a workspace (catalog, audit trail) around them, so calls can be checked against answers known by
 * construction without the VCF importer.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from '../../db/quote.js';
import { Task } from '../../db/tasks.js';
import type { Dataset, DatasetKind } from '../../engine/api.js';
import { AUDIT_TABLE_SQL, AuditLog } from '../../engine/audit-log.js';
import { CATALOG_TABLE_SQL, insertDataset } from '../../engine/catalog.js';

/** A VCF record: `gts` has one GT string per sample (`0/1`, `1|0`, `./.`, `1/2`, or `` for no GT field). */
export interface FixtureRecord {
  chrom: string;
  pos: number;
  id: string | null;
  ref: string;
  alts: string[];
  gts: string[];
}

export interface FixtureVcf {
  samples: string[];
  header?: string[];
  records: FixtureRecord[];
  /** sample → person_id (`vcf_sample`). */
  links?: [string, number][];
}

/** The docs/vcf.md byte of one GT for one ALT (allele index `alt`, 1-based). */
export function packCall(gt: string, alt: number): number {
  if (gt === '') return 0;
  const alleles = gt.split(/[|/]/);
  const called = alleles.filter((a) => a !== '.').length;
  const copies = alleles.filter((a) => a === String(alt)).length;
  const phased = gt.includes('|') ? 1 : 0;
  const missing = called < alleles.length ? 1 : 0;
  return copies | (called << 3) | (phased << 6) | (missing << 7);
}

function values(rows: string[][]): string {
  return rows.map((r) => `(${r.join(', ')})`).join(',\n');
}

function sql(value: string | number | null): string {
  if (value === null) return 'NULL';
  return typeof value === 'number' ? String(value) : quoteLiteral(value);
}

/** Writes sample, vcf_sample, vcf_header, variant (split per ALT), genotype_packed and the sparse genotype table. */
export async function writeVcfTables(connection: DuckDBConnection, schemaName: string, vcf: FixtureVcf): Promise<void> {
  const schema = quoteIdentifier(schemaName);
  await connection.run(`CREATE SCHEMA ${schema}`);
  await connection.run(`CREATE TABLE ${schema}.sample (sample_idx INTEGER, sample VARCHAR)`);
  if (vcf.samples.length) await connection.run(`INSERT INTO ${schema}.sample VALUES ${values(vcf.samples.map((s, i) => [sql(i), sql(s)]))}`);
  await connection.run(`CREATE TABLE ${schema}.vcf_sample (sample VARCHAR, person_id BIGINT)`);
  if (vcf.links?.length) await connection.run(`INSERT INTO ${schema}.vcf_sample VALUES ${values(vcf.links.map(([s, p]) => [sql(s), sql(p)]))}`);
  const header = [...(vcf.header ?? ['##fileformat=VCFv4.2']), `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${vcf.samples.join('\t')}`];
  await connection.run(`CREATE TABLE ${schema}.vcf_header (line_no INTEGER, line VARCHAR)`);
  await connection.run(`INSERT INTO ${schema}.vcf_header VALUES ${values(header.map((l, i) => [sql(i + 1), sql(l)]))}`);
  await connection.run(`CREATE TABLE ${schema}.variant (variant_id INTEGER, chrom VARCHAR, pos INTEGER, ref VARCHAR, alt VARCHAR, rsid VARCHAR,
    allele_index SMALLINT, n_alleles SMALLINT, line BIGINT)`);
  await connection.run(`CREATE TABLE ${schema}.genotype_packed (variant_id INTEGER, calls BLOB)`);
  await connection.run(`CREATE TABLE ${schema}.genotype (variant_id INTEGER, sample_idx INTEGER, sample VARCHAR, alt_count SMALLINT,
    called SMALLINT, phased BOOLEAN, gt VARCHAR, dp INTEGER, gq INTEGER)`);
  let variantId = 0;
  for (const [line, r] of vcf.records.entries()) {
    for (const [a, alt] of r.alts.entries()) {
      const bytes = r.gts.map((gt) => packCall(gt, a + 1));
      await connection.run(`INSERT INTO ${schema}.variant VALUES (${[variantId, r.chrom, r.pos, r.ref, alt, r.id, a + 1, r.alts.length + 1, line + header.length + 1].map(sql).join(', ')})`);
      await connection.run(`INSERT INTO ${schema}.genotype_packed VALUES (${variantId}, from_hex(${quoteLiteral(Buffer.from(bytes).toString('hex'))}))`);
      const sparse = r.gts.flatMap((gt, s) => {
        const b = bytes[s]!;
        return (b & 7) > 0 || (b & 0x80) !== 0 ? [[variantId, s, vcf.samples[s]!, b & 7, (b >> 3) & 7, (b & 0x40) !== 0 ? 'true' : 'false', gt]] : [];
      });
      if (sparse.length) {
        await connection.run(`INSERT INTO ${schema}.genotype VALUES ${values(sparse.map(([v, s, name, count, called, phased, gt]) =>
          [sql(v as number), sql(s as number), sql(name as string), sql(count as number), sql(called as number), String(phased), sql(gt as string), 'NULL', 'NULL']))}`);
      }
      variantId++;
    }
  }
}

export interface PgxWorkspace {
  connection: DuckDBConnection;
  task: Task;
  audit: AuditLog;
  dataset(name: string): Dataset;
  close(): void;
}

function catalogEntry(name: string, kind: DatasetKind): Dataset {
  return { id: `id-${name}`, name, kind, sourceFile: `/fixture/${name}`, sha256: '0'.repeat(64), rows: 0, tables: [], importedAt: '2026-01-01T00:00:00Z', description: '', licence: '', privacy: null };
}

/** An in-memory workspace with a catalog and an audit trail, holding the given datasets (their tables are up to the test). */
export async function pgxWorkspace(datasets: [string, DatasetKind][]): Promise<PgxWorkspace> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(CATALOG_TABLE_SQL);
  await connection.run(AUDIT_TABLE_SQL);
  const entries = new Map(datasets.map(([name, kind]) => [name, catalogEntry(name, kind)]));
  for (const entry of entries.values()) await insertDataset(connection, entry);
  const audit = new AuditLog();
  await audit.load(connection);
  return {
    connection,
    task: new Task('pgx-test', 'the pgx test', connection, undefined),
    audit,
    dataset: (name) => entries.get(name)!,
    close: () => { connection.closeSync(); instance.closeSync(); },
  };
}

/**
 * A real VCF (plain or gzip/bgzip) read into a fixture: its `##` header, its samples, and only the records
 * inside the given windows (chrom without `chr`, inclusive positions) or with one of the given IDs, GT
 * taken as the first FORMAT field.
 * Enough for a smoke check until the VCF importer exists; no INFO, FILTER or other FORMAT fields.
 */
export function readVcfWindows(path: string, windows: { chrom: string; start: number; end: number }[], ids: Set<string>): FixtureVcf {
  const bytes = readFileSync(path);
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  const header: string[] = [];
  let samples: string[] = [];
  const records: FixtureRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('##')) { header.push(line); continue; }
    const fields = line.split('\t');
    if (line.startsWith('#CHROM')) { samples = fields.slice(9); continue; }
    if (fields.length < 8) continue;
    const chrom = fields[0]!.replace(/^chr/i, '');
    const pos = Number(fields[1]);
    const inWindow = windows.some((w) => w.chrom === chrom && pos >= w.start && pos <= w.end);
    if (!inWindow && !fields[2]!.split(';').some((id) => ids.has(id))) continue;
    const gtFirst = fields[8]?.split(':')[0] === 'GT';
    records.push({
      chrom: fields[0]!, pos, id: fields[2] === '.' ? null : fields[2]!, ref: fields[3]!, alts: fields[4]!.split(','),
      gts: samples.map((_, s) => (gtFirst ? fields[9 + s]!.split(':')[0]! : '')),
    });
  }
  return { samples, header, records };
}
