import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../db/quote.js';
import { infoColumnName, type InfoColumn } from './info-columns.js';
import type { SampleLink } from './sample-mapping.js';
import type { VcfHeader } from './vcf-header.js';
import { genotypeViewSql, VARIANT_COLUMNS } from './vcf-tables.js';

async function appendRows(connection: DuckDBConnection, schema: string, table: string, rows: (string | number | bigint | null)[][], catalog?: string): Promise<void> {
  const appender = await connection.createAppender(table, schema, catalog);
  for (const row of rows) {
    for (const value of row) {
      if (value === null) appender.appendNull();
      else if (typeof value === 'bigint') appender.appendBigInt(value);
      else if (typeof value === 'number') appender.appendInteger(value);
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** `sample`, `vcf_header` and `vcf_field` from the header. */
export async function writeHeaderTables(connection: DuckDBConnection, schema: string, header: VcfHeader, infoColumns: readonly InfoColumn[]): Promise<void> {
  await appendRows(connection, schema, 'sample', header.samples.map((sample, i) => [i, sample]));
  await appendRows(connection, schema, 'vcf_header', header.lines.map((line, i) => [i + 1, line]));
  const columnOf = new Map(infoColumns.map((c) => [c.key, c.column]));
  const fields = [
    ...[...header.info.values()].map((f) => ['INFO', f.id, f.number, f.type, f.description, columnOf.get(f.id) ?? null]),
    ...[...header.format.values()].map((f) => ['FORMAT', f.id, f.number, f.type, f.description, null]),
  ];
  await appendRows(connection, schema, 'vcf_field', fields);
}

/** Replaces the rows of `vcf_sample`. */
export async function writeSampleLinks(connection: DuckDBConnection, schema: string, links: readonly SampleLink[]): Promise<void> {
  await connection.run(`DELETE FROM ${quoteIdentifier(schema)}.vcf_sample`);
  await appendRows(connection, schema, 'vcf_sample', links.map((l) => [l.sample, l.personId]));
}

/**
 * INFO keys the header does not declare become VARCHAR columns holding the text as written (`''` for a
 * bare key); returns their column names by key.
 */
export async function writeUndeclaredInfo(
  connection: DuckDBConnection, schema: string, infoColumns: readonly InfoColumn[], values: Map<string, { variantId: number; value: string }[]>,
): Promise<Map<string, string>> {
  const taken = new Set([...VARIANT_COLUMNS.map(([name]) => name), ...infoColumns.map((c) => c.column)]);
  const columns = new Map<string, string>();
  const s = quoteIdentifier(schema);
  for (const [key, rows] of values) {
    const column = infoColumnName(key, taken);
    columns.set(key, column);
    await connection.run(`CREATE TEMP TABLE pmw_undeclared_info (variant_id INTEGER, value VARCHAR)`);
    await appendRows(connection, 'main', 'pmw_undeclared_info', rows.map((r) => [r.variantId, r.value]), 'temp');
    await connection.run(`ALTER TABLE ${s}.variant ADD COLUMN ${quoteIdentifier(column)} VARCHAR`);
    await connection.run(`UPDATE ${s}.variant v SET ${quoteIdentifier(column)} = u.value FROM pmw_undeclared_info u WHERE v.variant_id = u.variant_id`);
    await connection.run(`INSERT INTO ${s}.vcf_field VALUES ('INFO', $1, NULL, 'String', 'not declared in the header', $2)`, [key, column]);
    await connection.run('DROP TABLE pmw_undeclared_info');
  }
  return columns;
}

export async function createGenotypeView(connection: DuckDBConnection, schema: string): Promise<void> {
  await connection.run(genotypeViewSql(schema));
}
