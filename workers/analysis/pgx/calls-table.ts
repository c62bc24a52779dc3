import type { DuckDBConnection } from '@duckdb/node-api';
import type { GeneCall } from './call-gene.js';

/** A call with the sample it belongs to; `geneOrder` and `sampleIdx` keep the table in gene, then VCF order. */
export interface SampleCall extends GeneCall {
  geneOrder: number;
  sampleIdx: number;
  sample: string;
  personId: bigint | null;
  gene: string;
}

/** The task's private staging table; the kept result is copied from it in saveResultTable's transaction. */
export const STAGED_CALLS = 'pmw_pgx_calls';

/** The kept table's columns, in the order PgxResult documents. */
export const CALL_COLUMNS = 'sample, person_id, gene, diplotype, phenotype, activity_score, determinable, reason';

export async function stageCalls(connection: DuckDBConnection, calls: SampleCall[]): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${STAGED_CALLS} (gene_order INTEGER, sample_idx INTEGER, sample VARCHAR,
    person_id BIGINT, gene VARCHAR, diplotype VARCHAR, phenotype VARCHAR, activity_score DOUBLE, determinable BOOLEAN, reason VARCHAR)`);
  const appender = await connection.createAppender(STAGED_CALLS);
  try {
    for (const c of calls) {
      appender.appendInteger(c.geneOrder);
      appender.appendInteger(c.sampleIdx);
      appender.appendVarchar(c.sample);
      if (c.personId === null) appender.appendNull(); else appender.appendBigInt(c.personId);
      appender.appendVarchar(c.gene);
      for (const text of [c.diplotype, c.phenotype]) if (text === null) appender.appendNull(); else appender.appendVarchar(text);
      if (c.activityScore === null) appender.appendNull(); else appender.appendDouble(c.activityScore);
      appender.appendBoolean(c.determinable);
      if (c.reason === null) appender.appendNull(); else appender.appendVarchar(c.reason);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** Samples per gene and phenotype ("not determinable" when the phenotype is unknown), genes in table order. */
export function summarizeCalls(calls: SampleCall[]): { gene: string; phenotype: string; samples: number }[] {
  const counts = new Map<string, { gene: string; phenotype: string; samples: number; order: number }>();
  for (const c of calls) {
    const phenotype = c.phenotype ?? 'not determinable';
    const key = `${c.gene}\u0000${phenotype}`;
    const entry = counts.get(key) ?? { gene: c.gene, phenotype, samples: 0, order: c.geneOrder };
    entry.samples++;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .sort((x, y) => x.order - y.order || y.samples - x.samples || x.phenotype.localeCompare(y.phenotype))
    .map(({ gene, phenotype, samples }) => ({ gene, phenotype, samples }));
}
