/**
 * For the sample tests: an in-memory DuckDB that answers SQL with plain JS rows (BIGINT as number), and
 * the paths of the committed small set. Tests read only files inside the repository.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { fileURLToPath } from 'node:url';

export const COMMITTED_SMALL = fileURLToPath(new URL('../small/', import.meta.url));
export const SAMPLES_README = fileURLToPath(new URL('../README.md', import.meta.url));

export type Row = Record<string, unknown>;

function plain(value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}

export class SqlSession {
  private constructor(private readonly connection: DuckDBConnection) {}

  static async open(): Promise<SqlSession> {
    const instance = await DuckDBInstance.create(':memory:');
    return new SqlSession(await instance.connect());
  }

  async rows(sql: string): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(value)])));
  }

  async one(sql: string): Promise<Row> {
    const [row] = await this.rows(sql);
    if (!row) throw new Error(`no row from: ${sql}`);
    return row;
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  close(): void {
    this.connection.closeSync();
  }
}

/** A path as a SQL string literal. */
export function sqlPath(path: string): string {
  return `'${path.replace(/'/g, "''")}'`;
}
