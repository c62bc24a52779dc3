import type { DuckDBConnection } from '@duckdb/node-api';
import type { Task } from '../../db/tasks.js';
import type { CohortRef, CohortResult, CohortSpec, Dataset } from '../../engine/api.js';
import type { AuditLog } from '../../engine/audit-log.js';
import { findDataset, quoteTableName, requireDataset } from '../../engine/catalog.js';
import { isPmwError, PmwError } from '../../engine/errors.js';
import { minCellCountOf } from '../privacy/suppress/suppression-sql.js';
import { saveResultTable } from '../signals/save-result.js';
import { suppressAttrition } from './attrition-suppression.js';
import { buildCohort, cdmSchemaOf, COHORT_COLUMNS } from './build-cohort.js';
import { type CheckedCohortSpec, checkCohortSpec } from './cohort-spec.js';

/** A cohort ready for analysis: a table (temporary or kept) of one row per person. */
export interface CohortTableRef {
  /** Quoted SQL name. */
  table: string;
  label: string;
  dataset: Dataset;
  persons: number;
  warnings: string[];
}

/**
 * Builds a cohort from its definition and keeps it in the workspace (`results.cohort_<dataset>_<hex>`), audited.
 * The attrition is shown with small counts hidden (`spec.minCellCount`, the engine passes the workspace
 * policy's; none when absent); the audit trail keeps it as shown. The members table is the cohort itself,
 * not an output: it is kept whole.
 */
export async function runCohort(task: Task, audit: AuditLog, spec: CohortSpec): Promise<CohortResult> {
  const started = performance.now();
  const checked = checkCohortSpec(spec);
  const minCellCount = minCellCountOf(spec.minCellCount, 0);
  const dataset = await requireDataset(task.connection, checked.dataset);
  await checkGenotypeDatasets(task.connection, checked);
  const built = await buildCohort(task, cdmSchemaOf(dataset), checked);
  const shown = suppressAttrition(built.attrition, built.shape, minCellCount);
  const { taskId: _taskId, ...kept } = spec;
  const saved = await saveResultTable(task, audit, dataset, 'cohort', `SELECT ${COHORT_COLUMNS} FROM ${built.table} ORDER BY person_id`, {
    analysis: 'cohort', spec: kept, attrition: shown.attrition, suppression: shown.suppression,
  });
  return {
    cohortTable: saved.table,
    dataset: dataset.name,
    persons: built.persons,
    attrition: shown.attrition,
    warnings: [...built.warnings, ...shown.warnings],
    suppression: shown.suppression,
    spec: kept,
    elapsedMs: performance.now() - started,
  };
}

async function columnsOf(connection: DuckDBConnection, table: string): Promise<string[] | null> {
  try {
    const reader = await connection.runAndReadAll(`DESCRIBE ${table}`);
    return reader.getRowsJS().map((r) => String(r[0]));
  } catch {
    return null;
  }
}

/**
 * A cohort an analysis refers to: a definition is built on the fly (into a temporary table of the task's
 * connection, not kept), a `cohortTable` from an earlier `cohort` run is checked and used as it is.
 */
export async function resolveCohortRef(task: Task, ref: CohortRef | undefined, role: string): Promise<CohortTableRef> {
  if (!ref || typeof ref !== 'object') {
    throw new PmwError({ code: 'BAD_REQUEST', message: `the ${role} cohort is missing`, hint: `give the ${role} as a cohort definition or as { "cohortTable": …, "dataset": … }` });
  }
  if ('cohortTable' in ref) {
    const dataset = await requireDataset(task.connection, ref.dataset);
    cdmSchemaOf(dataset);
    const table = quoteTableName(ref.cohortTable);
    const columns = await columnsOf(task.connection, table);
    const expected = COHORT_COLUMNS.split(', ');
    if (!columns || expected.some((c) => !columns.includes(c))) {
      throw new PmwError({
        code: 'BAD_REQUEST',
        message: `${ref.cohortTable} is not a cohort table of this workspace`,
        hint: `a cohort table has the columns ${COHORT_COLUMNS}; build one with pmw cohort`,
      });
    }
    const reader = await task.connection.runAndReadAll(`SELECT count(*) FROM ${table}`);
    return { table, label: ref.name ?? ref.cohortTable, dataset, persons: Number(reader.getRowsJS()[0]?.[0] ?? 0), warnings: [] };
  }
  const built = await withRole(role, async () => {
    const checked = checkCohortSpec(ref);
    const dataset = await requireDataset(task.connection, checked.dataset);
    await checkGenotypeDatasets(task.connection, checked);
    return { checked, dataset, ...(await buildCohort(task, cdmSchemaOf(dataset), checked)) };
  });
  const { checked, dataset } = built;
  return { table: built.table, label: checked.name, dataset, persons: built.persons, warnings: built.warnings.map((w) => `${role}: ${w}`) };
}

/** Genotype rules must name a `vcf` dataset of the workspace. */
async function checkGenotypeDatasets(connection: DuckDBConnection, spec: CheckedCohortSpec): Promise<void> {
  for (const [i, rule] of spec.rules.entries()) {
    if (rule.kind !== 'genotype') continue;
    const dataset = await findDataset(connection, rule.dataset);
    if (!dataset || dataset.kind !== 'vcf') {
      throw new PmwError({
        code: 'BAD_REQUEST',
        message: `cohort definition, inclusion[${i}].genotype.dataset: ${rule.dataset} is ${dataset ? `a ${dataset.kind} dataset, not a VCF` : 'not a dataset of this workspace'}`,
        hint: 'import the VCF (pmw import FILE.vcf.gz) and link its samples to persons (--samples FILE)',
      });
    }
  }
}

/** Errors about one of several definitions say which: `comparator cohort definition, entry.codes: …`. */
async function withRole<T>(role: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isPmwError(error) && error.message.startsWith('cohort definition')) {
      throw new PmwError({ ...error.toData(), message: `${role} ${error.message}` });
    }
    throw error;
  }
}

/** Cohorts compared with each other must come from the same dataset. */
export function requireSameDataset(refs: (CohortTableRef | undefined)[]): Dataset {
  const present = refs.filter((r): r is CohortTableRef => r !== undefined);
  const first = present[0]!.dataset;
  const other = present.find((r) => r.dataset.id !== first.id);
  if (other) {
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `the cohorts come from different datasets (${first.name} and ${other.dataset.name})`,
      hint: 'build every cohort of one analysis on the same OMOP dataset',
    });
  }
  return first;
}
