/**
 * Masked examples for the findings of one table, read in one statement: a UNION ALL of small LIMIT
 * queries, one per finding, each stopping as soon as it has its rows.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnFinding } from '../../../engine/api.js';
import { quoteIdentifier } from '../../../db/quote.js';
import type { PendingFinding } from './classify.js';
import { maskedExcerpt } from './excerpt.js';
import { maskIdentifier } from './mask.js';

export interface ExampleRequest {
  column: string;
  finding: PendingFinding;
}

/** Rows read per example wanted: repeated values mask alike, and only distinct masks are shown. */
const ROWS_PER_EXAMPLE = 4;

export function buildExamplesSql(quotedTable: string, requests: ExampleRequest[], examples: number): string {
  return requests
    .map(({ column, finding }, i) => `(SELECT ${i} AS request, CAST(${quoteIdentifier(column)} AS VARCHAR) AS value`
      + ` FROM ${quotedTable} WHERE ${finding.where} LIMIT ${examples * ROWS_PER_EXAMPLE})`)
    .join(' UNION ALL ');
}

/** The masked form of one value for a finding; null when free text no longer shows the identifier. */
export function maskExample(value: string, finding: Pick<ColumnFinding, 'kind' | 'evidence'>): string | null {
  return finding.evidence === 'free_text' ? maskedExcerpt(value, finding.kind) : maskIdentifier(value.trim(), finding.kind);
}

/** Up to `examples` distinct masked values per request, in request order. */
export async function readExamples(
  connection: DuckDBConnection,
  quotedTable: string,
  requests: ExampleRequest[],
  examples: number,
): Promise<string[][]> {
  const result = requests.map((): string[] => []);
  if (requests.length === 0 || examples <= 0) return result;
  const reader = await connection.runAndReadAll(buildExamplesSql(quotedTable, requests, examples));
  for (const [request, value] of reader.getRowsJS()) {
    const index = Number(request);
    const list = result[index]!;
    if (typeof value !== 'string' || list.length >= examples) continue;
    const masked = maskExample(value, requests[index]!.finding);
    if (masked !== null && !list.includes(masked)) list.push(masked);
  }
  return result;
}
