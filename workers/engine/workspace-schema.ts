import type { DuckDBConnection } from '@duckdb/node-api';
import { AUDIT_TABLE_SQL } from './audit-log.js';
import { CATALOG_MIGRATIONS_SQL, CATALOG_TABLE_SQL } from './catalog.js';
import { PmwError } from './errors.js';
import { WORKSPACE_FORMAT } from './version.js';

const META_TABLE_SQL = `CREATE TABLE IF NOT EXISTS _meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`;

/** Creates the workspace tables on first open; refuses a workspace written by a newer format. */
export async function ensureWorkspaceSchema(connection: DuckDBConnection, path: string): Promise<void> {
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(META_TABLE_SQL);
    await connection.run(CATALOG_TABLE_SQL);
    await connection.run(AUDIT_TABLE_SQL);
    const reader = await connection.runAndReadAll("SELECT value FROM _meta WHERE key = 'format'");
    const stored = reader.getRowsJS()[0]?.[0];
    if (stored === undefined) {
      await connection.run(
        "INSERT INTO _meta VALUES ('format', $1), ('created_at', $2)",
        [String(WORKSPACE_FORMAT), new Date().toISOString()],
      );
    } else if (Number(stored) < WORKSPACE_FORMAT) {
      for (const sql of CATALOG_MIGRATIONS_SQL) await connection.run(sql);
      await connection.run("UPDATE _meta SET value = $1 WHERE key = 'format'", [String(WORKSPACE_FORMAT)]);
    } else if (Number(stored) > WORKSPACE_FORMAT) {
      throw new PmwError({
        code: 'WORKSPACE_CORRUPT',
        message: `workspace ${path} was written by a newer pmw (format ${String(stored)}, this one reads ${WORKSPACE_FORMAT})`,
        hint: 'update pmw to open it',
        file: path,
      });
    }
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
