import { quoteIdentifier } from '../../db/quote.js';
import { CANONICAL_GT } from './call-text.js';
import type { InfoColumn } from './info-columns.js';

/** Columns of `variant` before the INFO columns (docs/vcf.md). */
export const VARIANT_COLUMNS: readonly [string, string][] = [
  ['variant_id', 'INTEGER'], ['chrom', 'VARCHAR'], ['pos', 'INTEGER'], ['ref', 'VARCHAR'], ['alt', 'VARCHAR'], ['rsid', 'VARCHAR'],
  ['qual', 'DOUBLE'], ['filter', 'VARCHAR'], ['allele_index', 'SMALLINT'], ['n_alleles', 'SMALLINT'], ['line', 'BIGINT'],
  ['gene', 'VARCHAR'], ['consequence', 'VARCHAR'], ['impact', 'VARCHAR'], ['hgvs_c', 'VARCHAR'], ['hgvs_p', 'VARCHAR'],
  ['ac', 'INTEGER'], ['an', 'INTEGER'], ['n_hom_ref', 'INTEGER'], ['n_het', 'INTEGER'], ['n_hom_alt', 'INTEGER'],
  ['n_missing', 'INTEGER'], ['n_half', 'INTEGER'],
];

/** The tables of a VCF dataset, main table first (its rows are the dataset's), as listed in the catalog. */
export const VCF_TABLES = ['variant', 'sample', 'vcf_sample', 'genotype_packed', 'genotype_calls', 'annotation', 'vcf_header', 'vcf_field'] as const;

/** CREATE statements for the schema's tables (the `genotype` view comes after, see genotypeViewSql). */
export function createVcfTablesSql(schema: string, infoColumns: readonly InfoColumn[]): string[] {
  const s = quoteIdentifier(schema);
  const variantColumns = [...VARIANT_COLUMNS, ...infoColumns.map((c) => [c.column, c.sqlType] as const)]
    .map(([name, type]) => `${quoteIdentifier(name)} ${type}`).join(', ');
  return [
    `CREATE TABLE ${s}.variant (${variantColumns})`,
    `CREATE TABLE ${s}.sample (sample_idx INTEGER, sample VARCHAR)`,
    `CREATE TABLE ${s}.vcf_sample (sample VARCHAR, person_id BIGINT)`,
    `CREATE TABLE ${s}.genotype_packed (variant_id INTEGER, calls BLOB)`,
    // Stored as written: DuckDB's analysis and FSST compression of ~800 MB of tokens cost ~10 s of the import's
    // CPU (docs/decisions.md, "Variants").
    `CREATE TABLE ${s}.genotype_calls (variant_id INTEGER, calls VARCHAR USING COMPRESSION uncompressed)`,
    `CREATE TABLE ${s}.annotation (variant_id INTEGER, source VARCHAR, gene VARCHAR, consequence VARCHAR, impact VARCHAR, feature VARCHAR, biotype VARCHAR, hgvs_c VARCHAR, hgvs_p VARCHAR)`,
    `CREATE TABLE ${s}.vcf_header (line_no INTEGER, line VARCHAR)`,
    `CREATE TABLE ${s}.vcf_field (section VARCHAR, id VARCHAR, number VARCHAR, type VARCHAR, description VARCHAR, column_name VARCHAR)`,
  ];
}

/**
 * `genotype`, one row per sparse call, unpacks `genotype_calls` when read: each token is
 * `sample_idx:code:GT:DP:GQ` (code the packed byte in hex; GT left out when it is the usual text for the
 * byte, CANONICAL_GT). A filter on variant_id reads only those variants, and the import never writes
 * ~54M rows (docs/decisions.md, "Variants").
 */
export function genotypeViewSql(schema: string): string {
  const s = quoteIdentifier(schema);
  return `CREATE VIEW ${s}.genotype AS
WITH calls AS (
  SELECT variant_id, string_split(unnest(string_split(calls, ' ')), ':') AS f FROM ${s}.genotype_calls
), coded AS (
  SELECT variant_id, f[1]::INTEGER AS sample_idx, ('0x' || f[2])::INTEGER AS code, f[3] AS gt, f[4] AS dp, f[5] AS gq FROM calls
)
SELECT c.variant_id, c.sample_idx, smp.sample, c.code & 7 AS alt_count, (c.code >> 3) & 7 AS called, (c.code & 64) <> 0 AS phased,
       coalesce(nullif(c.gt, ''), ${canonicalGtSql('c.code')}) AS gt, ${integerSql('c.dp')} AS dp, ${integerSql('c.gq')} AS gq, c.code
FROM coded c JOIN ${s}.sample smp USING (sample_idx)`;
}

function canonicalGtSql(code: string): string {
  const cases = Object.entries(CANONICAL_GT).map(([byte, gt]) => `WHEN ${byte} THEN '${gt}'`).join(' ');
  return `CASE ${code} ${cases} END`;
}

/** DP or GQ text as INTEGER; a decimal (GQ is Float in some files) is rounded, anything else is NULL. */
function integerSql(text: string): string {
  return `coalesce(TRY_CAST(${text} AS INTEGER), TRY_CAST(round(TRY_CAST(${text} AS DOUBLE)) AS INTEGER))`;
}
