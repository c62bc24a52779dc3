/**
 * Case/control status from two cohorts: their persons are mapped to samples through the VCF's
 * `vcf_sample` links. A person in both cohorts is left out of both; samples of persons in neither, and
 * unlinked samples, are left out too.
 */
import type { Task } from '../../db/tasks.js';
import type { CohortRef } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';
import { resolveCohortRef } from '../cohort/run-cohort.js';
import { CASE, CONTROL } from './count-calls.js';
import type { SamplePhenotype } from './phenotype.js';
import { summarizePhenotype } from './phenotype-file.js';

export async function phenotypeFromCohorts(task: Task, schema: string, sampleCount: number, cases: CohortRef, controls: CohortRef): Promise<SamplePhenotype> {
  const links = Number((await task.connection.runAndReadAll(`SELECT count(*) FROM ${schema}.vcf_sample`)).getRowsJS()[0]?.[0] ?? 0);
  if (links === 0) {
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: 'the samples of this VCF are not linked to persons, so cohorts cannot say who is a case',
      hint: 'link them with a mapping file (sample, person_id): pmw link DATASET FILE, or --samples FILE at import; or give a phenotype file',
    });
  }
  const caseCohort = await resolveCohortRef(task, cases, 'cases');
  const controlCohort = await resolveCohortRef(task, controls, 'controls');
  const reader = await task.connection.runAndReadAll(`
    WITH inCases AS (SELECT DISTINCT person_id FROM ${caseCohort.table}),
         inControls AS (SELECT DISTINCT person_id FROM ${controlCohort.table}),
         inBoth AS (SELECT person_id FROM inCases INTERSECT SELECT person_id FROM inControls),
         linked AS (SELECT s.sample_idx, l.person_id FROM ${schema}.sample s JOIN ${schema}.vcf_sample l ON l.sample = s.sample)
    SELECT sample_idx,
           bool_or(person_id IN (SELECT person_id FROM inCases) AND person_id NOT IN (SELECT person_id FROM inBoth)),
           bool_or(person_id IN (SELECT person_id FROM inControls) AND person_id NOT IN (SELECT person_id FROM inBoth)),
           (SELECT count(*) FROM inBoth),
           (SELECT count(*) FROM inCases WHERE person_id NOT IN (SELECT person_id FROM linked)),
           (SELECT count(*) FROM inControls WHERE person_id NOT IN (SELECT person_id FROM linked))
    FROM linked GROUP BY sample_idx`);
  const status = new Uint8Array(sampleCount);
  let inBoth = 0;
  let unlinkedCases = 0;
  let unlinkedControls = 0;
  let conflicting = 0;
  for (const [idx, isCase, isControl, both, noSampleCases, noSampleControls] of reader.getRowsJS()) {
    inBoth = Number(both);
    unlinkedCases = Number(noSampleCases);
    unlinkedControls = Number(noSampleControls);
    if (isCase && isControl) conflicting++;
    else status[Number(idx)] = isCase ? CASE : isControl ? CONTROL : 0;
  }
  const warnings = [...caseCohort.warnings, ...controlCohort.warnings];
  if (inBoth > 0) warnings.push(`${persons(inBoth)} ${inBoth === 1 ? 'is' : 'are'} in both ${caseCohort.label} and ${controlCohort.label}, and left out of both`);
  if (conflicting > 0) warnings.push(`${conflicting} sample${conflicting === 1 ? ' is' : 's are'} linked to a case and a control person, and left out`);
  if (unlinkedCases > 0) warnings.push(`${persons(unlinkedCases)} of ${caseCohort.label} (cases) ${unlinkedCases === 1 ? 'has' : 'have'} no sample in the VCF`);
  if (unlinkedControls > 0) warnings.push(`${persons(unlinkedControls)} of ${controlCohort.label} (controls) ${unlinkedControls === 1 ? 'has' : 'have'} no sample in the VCF`);
  return summarizePhenotype(status, warnings);
}

function persons(n: number): string {
  return n === 1 ? '1 person' : `${n.toLocaleString('en-US')} persons`;
}
