import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../db/quote.js';
import type { CdmTableRead } from './cdm-table-sql.js';

export interface CdmVersion {
  /** `5.3`, `5.4`, … or null when neither cdm_source nor the columns tell. */
  version: string | null;
  /** Where it was read: `cdm_source.cdm_version`, the columns of the files, a mapping (always the 5.4 shape), or nowhere. */
  from: 'cdm_source' | 'columns' | 'mapping' | 'unknown';
  /** The evidence, for the audit entry: the cdm_version text, or the column that decided. */
  evidence: string;
}

/**
 * The CDM version of an import: `cdm_source.cdm_version` when it names one (`v5.3.1` → 5.3), else the
 * columns — a column or table new in 5.4 means 5.4, a column 5.4 renamed means 5.3.
 */
export async function detectCdmVersion(connection: DuckDBConnection, schema: string, reads: CdmTableRead[]): Promise<CdmVersion> {
  if (reads.some((r) => r.table.name === 'cdm_source')) {
    const reader = await connection.runAndReadAll(
      `SELECT cdm_version FROM ${quoteIdentifier(schema)}.cdm_source WHERE cdm_version IS NOT NULL AND trim(cdm_version) <> '' LIMIT 1`);
    const text = reader.getRowsJS()[0]?.[0];
    const match = typeof text === 'string' ? /(\d+)\.(\d+)/.exec(text) : null;
    if (match) return { version: `${Number(match[1])}.${Number(match[2])}`, from: 'cdm_source', evidence: String(text) };
  }
  for (const read of reads) {
    if (read.table.newIn54) return { version: '5.4', from: 'columns', evidence: `table ${read.table.name}` };
    const added = read.table.addedIn54.find((c) => read.sourceOf.has(c));
    if (added) return { version: '5.4', from: 'columns', evidence: `${read.table.name}.${added}` };
    const renamed = Object.keys(read.table.renamedIn54).find((old) => [...read.sourceOf.values()].some((s) => s.toLowerCase() === old));
    if (renamed) return { version: '5.3', from: 'columns', evidence: `${read.table.name}.${renamed}` };
  }
  return { version: null, from: 'unknown', evidence: '' };
}

/** Versions whose tables pmw reads; any other is read as 5.4 with a warning. */
export const KNOWN_VERSIONS = ['5.3', '5.4'];

/** The version as a number for `ImportResult.counts` (5.3, 5.4; 0 when unknown). */
export function versionCount(version: CdmVersion): number {
  return version.version === null ? 0 : Number(version.version);
}
