import type { DuckDBConnection } from '@duckdb/node-api';

/** Runs a query that answers one number (a count) and returns it; 0 when it returns no row. */
export async function readCount(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  return Number(reader.getRowsJS()[0]?.[0] ?? 0);
}
