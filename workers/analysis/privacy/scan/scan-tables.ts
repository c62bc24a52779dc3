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

/** STUB (replaced by the scan helper): finds nothing yet, so imports keep working meanwhile. */
export async function scanTables(_connection: DuckDBConnection, targets: ScanTarget[], _options: ScanOptions = {}): Promise<Omit<PrivacyScan, 'dataset'>> {
  if (targets.length < 0) throw new PmwError({ code: 'INTERNAL', message: 'unreachable' });
  return { scannedAt: new Date().toISOString(), rows: targets.reduce((n, t) => n + t.rows, 0), columns: [], columnsScanned: 0, identifierColumns: 0, quasiIdentifierColumns: 0, pseudonymousColumns: 0, elapsedMs: 0 };
}
