import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetTable, KAnonymityResult, KAnonymitySpec } from '../../../engine/api.js';
import { PmwError } from '../../../engine/errors.js';

/** STUB (replaced by the transforms helper): k-anonymity of `table` over the spec's quasi-identifiers. */
export async function kAnonymity(_connection: DuckDBConnection, _table: DatasetTable, _spec: KAnonymitySpec): Promise<Omit<KAnonymityResult, 'elapsedMs'>> {
  throw new PmwError({ code: 'INTERNAL', message: 'kAnonymity is not implemented yet' });
}
