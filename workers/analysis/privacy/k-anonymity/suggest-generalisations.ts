import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo, KAnonymityClasses, KAnonymityResult } from '../../../engine/api.js';
import { transformedSelect } from '../transforms/transform-sql.js';
import { candidateGeneralisations, type Candidate } from './generalisation-candidates.js';
import { classesSql, readClasses } from './equivalence-classes-sql.js';

export type Suggestion = KAnonymityResult['suggestions'][number];

interface Evaluated extends Candidate {
  result: KAnonymityClasses;
}

/**
 * Generalisations of one quasi-identifier at a time, each with the classes it would give, computed in
 * SQL with the same expressions applyTransforms writes (the table is not changed). Kept: those that put
 * fewer records in classes below k than now, and of one family on one column (5- then 10-year bands)
 * a coarser one only when it does better than every finer one. Best first: fewest records below k, then
 * fewest classes below k, then most classes (the least detail lost), then the order tried.
 */
export async function suggestGeneralisations(
  connection: DuckDBConnection,
  table: string,
  relation: string,
  columns: readonly ColumnInfo[],
  current: KAnonymityClasses,
  k: number,
): Promise<Suggestion[]> {
  if (current.recordsBelowK === 0) return [];
  const types = new Map(columns.map((c) => [c.name, c.type]));
  const kept: Evaluated[] = [];
  for (const name of current.columns) {
    const column = columns.find((c) => c.name === name);
    if (column === undefined) continue;
    const finest = new Map<string, number>();
    for (const candidate of await candidateGeneralisations(connection, table, relation, column, k)) {
      const reader = await connection.runAndReadAll(classesSql(`(${transformedSelect(relation, candidate.transform, types)})`, current.columns, k));
      const result = readClasses(current.columns, reader.getRowObjectsJS()[0]);
      const toBeat = Math.min(current.recordsBelowK, finest.get(candidate.family) ?? Infinity);
      if (result.recordsBelowK < toBeat) kept.push({ ...candidate, result });
      finest.set(candidate.family, Math.min(result.recordsBelowK, finest.get(candidate.family) ?? Infinity));
    }
  }
  return kept
    .map((suggestion, order) => ({ suggestion, order }))
    .sort((a, b) => a.suggestion.result.recordsBelowK - b.suggestion.result.recordsBelowK
      || a.suggestion.result.classesBelowK - b.suggestion.result.classesBelowK
      || b.suggestion.result.classes - a.suggestion.result.classes
      || a.order - b.order)
    .map(({ suggestion }) => ({
      transform: suggestion.transform,
      description: `${suggestion.what}: ${describeRecords(suggestion.result.recordsBelowK)} in classes below k = ${k} (now ${current.recordsBelowK})`,
      result: suggestion.result,
    }));
}

function describeRecords(count: number): string {
  return count === 1 ? '1 record' : `${count.toLocaleString('en-US')} records`;
}
