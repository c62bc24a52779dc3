import { quoteIdentifier } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import type { Dataset } from '../../engine/api.js';
import type { AuditLog } from '../../engine/audit-log.js';
import { describeTable } from '../../engine/catalog.js';
import { PmwError } from '../../engine/errors.js';
import { readSampleMapping } from './sample-mapping.js';
import { writeSampleLinks } from './write-vcf-metadata.js';

/** The schema of a `vcf` dataset (its tables are `schema.variant`, …). */
function vcfSchema(dataset: Dataset): string {
  const first = dataset.tables[0]?.table ?? '';
  if (dataset.kind !== 'vcf' || !first.includes('.')) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `dataset ${dataset.name} is a ${dataset.kind} dataset, not a VCF`, hint: 'link the samples of a dataset imported from a VCF' });
  }
  return first.slice(0, first.indexOf('.'));
}

/**
 * (Re)links the samples of a VCF dataset to persons: `vcf_sample` is replaced by the mapping file's rows
 * for samples the VCF has; the catalog entry and an audit entry are written in the same transaction.
 */
export async function linkSamples(task: Task, audit: AuditLog, dataset: Dataset, path: string): Promise<{ linked: number; unknownSamples: string[] }> {
  const schema = vcfSchema(dataset);
  const connection = task.connection;
  const reader = await connection.runAndReadAll(`SELECT sample FROM ${quoteIdentifier(schema)}.sample ORDER BY sample_idx`);
  const samples = reader.getRowsJS().map((r) => String(r[0]));
  const { links, unknownSamples } = await readSampleMapping(path, samples);
  try {
    await connection.run('BEGIN TRANSACTION');
    await writeSampleLinks(connection, schema, links);
    const table = `${schema}.vcf_sample`;
    const described = await describeTable(connection, table);
    const tables = dataset.tables.map((t) => (t.table === table ? described : t));
    await connection.run('UPDATE _catalog SET columns = $1 WHERE id = $2', [JSON.stringify(tables), dataset.id]);
    await audit.withAppendLock(async (append) => {
      const detail = { kind: 'vcf', link: path, linked: links.length, unknownSamples: unknownSamples.length };
      await append(connection, { action: 'import', dataset: dataset.id, detail: JSON.stringify(detail), rows: links.length });
      await connection.run('COMMIT');
    });
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return { linked: links.length, unknownSamples };
}
