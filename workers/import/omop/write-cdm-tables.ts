import type { Task } from '../../db/tasks.js';
import { runInSlice } from '../reports/scaled-progress.js';
import { createCdmTableSql, createEmptyCdmTableSql, type CdmTableRead } from './cdm-table-sql.js';
import { ALWAYS_CREATED, cdmTable } from './cdm-tables.js';
import { readOrExplain } from './read-or-explain.js';

/**
 * Creates one table per CDM file in `schema` (progress per table), then the tables every OMOP dataset
 * has, empty, where the folder had no file for them. Returns the names of the tables created.
 */
export async function writeCdmTables(task: Task, schema: string, reads: CdmTableRead[]): Promise<Set<string>> {
  const created = new Set<string>();
  for (const [index, read] of reads.entries()) {
    const message = `reading ${read.scanned.source.fileName} into ${read.table.name} (${index + 1} of ${reads.length})`;
    await readOrExplain(task, read.scanned, read.types, 'the OMOP CDM', () =>
      runInSlice(task, 'reading', message, index / reads.length, (index + 1) / reads.length, () =>
        task.connection.run(createCdmTableSql(schema, read))));
    created.add(read.table.name);
  }
  await createMissingTables(task, schema, created);
  return created;
}

/** The tables an OMOP dataset always has, empty with their CDM columns, for those not created yet. */
export async function createMissingTables(task: Task, schema: string, created: Set<string>): Promise<void> {
  for (const name of ALWAYS_CREATED) {
    if (created.has(name)) continue;
    await task.connection.run(createEmptyCdmTableSql(schema, cdmTable(name)));
    created.add(name);
  }
}
