import type { DuckDBConnection } from '@duckdb/node-api';
import { access } from 'node:fs/promises';
import { duckDBErrorText } from '../../db/duckdb-errors.js';
import { quoteLiteral } from '../../db/quote.js';
import { PmwError } from '../../engine/errors.js';
import { foldNameSql, stripSaltSql } from './drug-names-sql.js';

export const SYNONYM_TABLE = 'temp.main.pmw_synonyms';

/**
 * Loads a user's synonym CSV (`name,ingredient`, one mapping per line) into a temporary table, folded the
 * same way as the names it is matched against, so "Voltaren" and "VOLTAREN®" both map to DICLOFENAC.
 */
export async function loadSynonyms(connection: DuckDBConnection, path: string): Promise<string> {
  await access(path).catch(() => {
    throw new PmwError({ code: 'FILE_NOT_FOUND', message: `synonym table ${path} does not exist`, hint: 'give the path of a CSV with columns name,ingredient', file: path });
  });
  const folded = (column: string) => stripSaltSql(foldNameSql(column));
  try {
    await connection.run(`CREATE OR REPLACE TEMP TABLE pmw_synonyms AS
      SELECT DISTINCT ON (name) name, ingredient FROM (
        SELECT ${folded('name')} AS name, ${folded('ingredient')} AS ingredient
        FROM read_csv(${quoteLiteral(path)}, header = true, columns = {'name': 'VARCHAR', 'ingredient': 'VARCHAR'}, strict_mode = true)
        WHERE name IS NOT NULL AND ingredient IS NOT NULL)
      ORDER BY name, ingredient`);
  } catch (error) {
    const text = duckDBErrorText(error).split('\n')[0] ?? '';
    const line = Number(/Line: (\d+)/.exec(duckDBErrorText(error))?.[1] ?? NaN);
    throw new PmwError({
      code: 'FILE_FORMAT',
      message: `synonym table ${path} cannot be read${Number.isFinite(line) ? ` (line ${line})` : ''}: ${text.replace(/^.*?Error: /, '')}`,
      hint: 'it must be a CSV with a header line and exactly two columns: name,ingredient',
      file: path,
      ...(Number.isFinite(line) ? { line } : {}),
    });
  }
  return SYNONYM_TABLE;
}
