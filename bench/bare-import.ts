import { DuckDBInstance } from '@duckdb/node-api';
import { quoteLiteral } from '../workers/db/quote.js';
import { removeDatabase } from './db-files.js';
import { timed } from './stats.js';

export interface BareImportRun {
  /** Wall time of the statement, ms. */
  ms: number;
  cpuMs: number;
  rows: number;
  /** Closing the database afterwards (DuckDB checkpoints then); not part of `ms`. */
  closeMs: number;
}

/**
 * The floor the Engine is measured against: a fresh DuckDB file and one `CREATE TABLE AS read_csv`,
 * DuckDB's defaults throughout. Times the statement only.
 */
export async function bareDuckDBImport(csvPath: string, dbPath: string): Promise<BareImportRun> {
  await removeDatabase(dbPath);
  const instance = await DuckDBInstance.create(dbPath);
  let open = true;
  try {
    const connection = await instance.connect();
    const { ms, cpuMs } = await timed(() => connection.run(`CREATE TABLE t AS SELECT * FROM read_csv(${quoteLiteral(csvPath)})`));
    const count = await connection.runAndReadAll('SELECT count(*) FROM t');
    const rows = Number(count.getRowsJS()[0]?.[0] ?? 0);
    const closed = await timed(async () => {
      connection.closeSync();
      instance.closeSync();
      open = false;
    });
    return { ms, cpuMs, rows, closeMs: closed.ms };
  } finally {
    if (open) instance.closeSync();
    await removeDatabase(dbPath);
  }
}
