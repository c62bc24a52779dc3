import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetTable, KAnonymityClasses, KAnonymityResult, KAnonymitySpec } from '../../../engine/api.js';
import { describeTable, quoteTableName } from '../../../engine/catalog.js';
import { PmwError } from '../../../engine/errors.js';
import { classesSql, columnSetsSql, groupingId, readClasses } from './equivalence-classes-sql.js';
import { suggestGeneralisations } from './suggest-generalisations.js';

export const DEFAULT_K = 5;
/** GROUPING() packs one bit a column into a number; 20 columns give 210 single and pair sets, plenty. */
const MAX_QUASI_IDENTIFIERS = 20;

/**
 * k-anonymity of `table` over the spec's quasi-identifiers: its equivalence classes (null is a value),
 * the smallest one and the records in classes below k; which single columns and pairs drive the risk
 * (one GROUPING SETS query, most records below k first); and generalisations to consider, each with the
 * classes it would give. Reads only.
 */
export async function kAnonymity(connection: DuckDBConnection, table: DatasetTable, spec: KAnonymitySpec): Promise<Omit<KAnonymityResult, 'elapsedMs'>> {
  const k = spec.k ?? DEFAULT_K;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > 2 ** 31 - 1) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `k must be a whole number of at least 1, not ${JSON.stringify(k)}`, hint: `leave it out for k = ${DEFAULT_K}` });
  }
  const { columns, rows: records } = await describeTable(connection, table.table);
  const quasiIdentifiers = checkQuasiIdentifiers(spec.quasiIdentifiers, columns.map((c) => c.name), table.table);
  const relation = quoteTableName(table.table);

  const overall = await connection.runAndReadAll(classesSql(relation, quasiIdentifiers, k));
  const current = readClasses(quasiIdentifiers, overall.getRowObjectsJS()[0]);
  const drivers = await riskDrivers(connection, relation, quasiIdentifiers, k);
  const suggestions = await suggestGeneralisations(connection, table.table, relation, columns, current, k);
  return { table: table.table, k, records, ...current, drivers, suggestions };
}

function checkQuasiIdentifiers(given: unknown, names: string[], table: string): string[] {
  const hint = `choose from the columns of ${table}: ${names.join(', ')}`;
  if (!Array.isArray(given) || given.length === 0 || !given.every((c): c is string => typeof c === 'string')) {
    throw new PmwError({ code: 'BAD_REQUEST', message: 'quasiIdentifiers must list at least one column', hint });
  }
  if (given.length > MAX_QUASI_IDENTIFIERS) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `${given.length} quasi-identifiers given, at most ${MAX_QUASI_IDENTIFIERS} are checked together`, hint: 'keep the columns an outsider could know' });
  }
  const repeated = given.find((c, i) => given.indexOf(c) !== i);
  if (repeated !== undefined) throw new PmwError({ code: 'BAD_REQUEST', message: `quasi-identifier "${repeated}" is listed twice`, hint: 'list each column once' });
  const missing = given.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `${table} has no column ${missing.map((c) => `"${c}"`).join(', ')}`, hint });
  }
  return given;
}

/** Each column alone and each pair, in the order given, then sorted: most records below k first. */
async function riskDrivers(connection: DuckDBConnection, relation: string, columns: string[], k: number): Promise<KAnonymityClasses[]> {
  const sets: string[][] = columns.map((c) => [c]);
  columns.forEach((first, i) => columns.slice(i + 1).forEach((second) => sets.push([first, second])));
  const reader = await connection.runAndReadAll(columnSetsSql(relation, columns, sets, k));
  const bySet = new Map(reader.getRowObjectsJS().map((row) => [Number(row['set_id']), row]));
  return sets
    .map((set, order) => ({ figures: readClasses(set, bySet.get(groupingId(columns, set))), order }))
    .sort((a, b) => b.figures.recordsBelowK - a.figures.recordsBelowK
      || b.figures.classesBelowK - a.figures.classesBelowK
      || a.figures.columns.length - b.figures.columns.length
      || a.order - b.order)
    .map(({ figures }) => figures);
}
