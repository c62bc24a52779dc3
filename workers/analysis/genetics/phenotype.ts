/**
 * Who is a case and who a control, per VCF sample: from a phenotype file or from two cohorts of linked
 * persons (AssociationSpec.phenotype).
 */
import type { Task } from '../../db/tasks.js';
import type { PhenotypeSource } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';
import { phenotypeFromCohorts } from './phenotype-cohorts.js';
import { readPhenotypeFile } from './phenotype-file.js';

export interface SamplePhenotype {
  /** Per `sample_idx`: 1 case, 2 control, 0 left out (count-calls.ts CASE/CONTROL). */
  status: Uint8Array;
  cases: number;
  controls: number;
  /** Samples of the VCF with neither status. */
  withoutPhenotype: number;
  warnings: string[];
}

/** The samples of a VCF schema in `sample_idx` order. */
export async function readSampleNames(task: Task, schema: string): Promise<string[]> {
  const reader = await task.connection.runAndReadAll(`SELECT sample FROM ${schema}.sample ORDER BY sample_idx`);
  return reader.getRowsJS().map((r) => String(r[0]));
}

export async function resolvePhenotype(task: Task, schema: string, source: PhenotypeSource | undefined): Promise<SamplePhenotype> {
  const samples = await readSampleNames(task, schema);
  if (source && 'file' in source && typeof source.file === 'string') return readPhenotypeFile(source.file, samples);
  if (source && 'cases' in source && 'controls' in source) return phenotypeFromCohorts(task, schema, samples.length, source.cases, source.controls);
  throw new PmwError({
    code: 'BAD_REQUEST',
    message: 'the association has no phenotype',
    hint: 'give a phenotype file ({ "file": … }: sample id and case/control) or two cohorts ({ "cases": …, "controls": … })',
  });
}
