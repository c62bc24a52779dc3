import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo, PrivacyScan } from '../../../engine/api.js';
import { PmwError } from '../../../engine/errors.js';

/** One table to scan, as the catalog describes it. */
export interface ScanTarget {
  /** `table` or `schema.table`, unquoted. */
  table: string;
  columns: ColumnInfo[];
  rows: number;
}

export interface ScanOptions {
  /** Masked examples per finding (default 3). */
  examples?: number;
  /** Called before each table is scanned. */
  onTable?: (index: number, count: number, table: string) => void;
  /** Checked between statements; throw to stop. */
  throwIfCancelled?: () => void;
}

/** STUB (replaced by the scan helper): scans the tables for direct identifiers, quasi-identifiers and pseudonymous keys. */
export async function scanTables(_connection: DuckDBConnection, _targets: ScanTarget[], _options: ScanOptions = {}): Promise<Omit<PrivacyScan, 'dataset'>> {
  throw new PmwError({ code: 'INTERNAL', message: 'scanTables is not implemented yet' });
}
