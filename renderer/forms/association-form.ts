/**
 * The association form (AssociationSpec, workers/engine/api-variants.ts): dataset, phenotype (a file of
 * sample → case/control, or two cohort cells of the notebook by name — the runtime puts the cohort's table in
 * their place), region or gene, minimum minor allele frequency.
 */
import { asObject, numberOrNull, objectAt, setOrDelete, stringOrNull, type FieldDef, type FormModel, type Spec } from './form-model.js';

export interface AssociationFields extends Record<string, string | number | boolean | string[] | number[] | null> {
  dataset: string | null;
  phenotype: string;
  file: string | null;
  cases: string | null;
  controls: string | null;
  region: string | null;
  gene: string | null;
  minMaf: number | null;
}

function writePhenotype(spec: Spec, fields: AssociationFields): void {
  spec['phenotype'] = fields.phenotype === 'cohorts'
    ? { cases: fields.cases ?? '', controls: fields.controls ?? '' }
    : { file: fields.file ?? '' };
}

/** A cohort given by cell name reads as that name; one written out in full cannot show in the form. */
function cohortName(ref: unknown): string | null {
  return stringOrNull(ref);
}

const fields: FieldDef[] = [
  { key: 'dataset', label: 'view.form.dataset', type: 'select', source: { datasets: ['vcf'] } },
  { key: 'phenotype', label: 'view.form.assoc.phenotype', type: 'select', options: ['file', 'cohorts'],
    optionLabels: { file: 'view.form.assoc.fromFile', cohorts: 'view.form.assoc.fromCohorts' } },
  { key: 'file', label: 'view.form.assoc.file', type: 'text', visible: (f) => f['phenotype'] === 'file', hint: 'view.form.assoc.fileHint' },
  { key: 'cases', label: 'view.form.assoc.cases', type: 'select', source: { cells: 'cohort' }, visible: (f) => f['phenotype'] === 'cohorts' },
  { key: 'controls', label: 'view.form.assoc.controls', type: 'select', source: { cells: 'cohort' }, visible: (f) => f['phenotype'] === 'cohorts' },
  { key: 'region', label: 'view.form.assoc.region', type: 'text', hint: 'view.form.assoc.regionHint' },
  { key: 'gene', label: 'view.form.assoc.gene', type: 'text' },
  { key: 'minMaf', label: 'view.form.assoc.minMaf', type: 'number' },
];

export const ASSOCIATION_FORM: FormModel<AssociationFields> = {
  kind: 'association',
  fields,
  read(spec) {
    const phenotype = asObject(spec['phenotype']);
    return {
      dataset: stringOrNull(spec['dataset']),
      phenotype: 'cases' in phenotype || 'controls' in phenotype ? 'cohorts' : 'file',
      file: stringOrNull(phenotype['file']),
      cases: cohortName(phenotype['cases']),
      controls: cohortName(phenotype['controls']),
      region: stringOrNull(spec['region']),
      gene: stringOrNull(spec['gene']),
      minMaf: numberOrNull(spec['minMaf']),
    };
  },
  write: {
    dataset: (spec, f) => setOrDelete(spec, [], 'dataset', f.dataset),
    phenotype: writePhenotype,
    file: writePhenotype,
    cases: (spec, f) => { objectAt(spec, ['phenotype'])['cases'] = f.cases ?? ''; },
    controls: (spec, f) => { objectAt(spec, ['phenotype'])['controls'] = f.controls ?? ''; },
    region: (spec, f) => setOrDelete(spec, [], 'region', f.region),
    gene: (spec, f) => setOrDelete(spec, [], 'gene', f.gene),
    minMaf: (spec, f) => setOrDelete(spec, [], 'minMaf', f.minMaf),
  },
  template: (dataset) => ({ dataset, phenotype: { file: '' }, minMaf: 0.01 }),
};
