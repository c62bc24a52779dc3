import { describe, expect, it } from 'vitest';
import { applyFormChange } from './form-model.js';
import { ASSOCIATION_FORM, type AssociationFields } from './association-form.js';

function change(spec: Record<string, unknown>, edit: Partial<AssociationFields>): Record<string, unknown> {
  const before = ASSOCIATION_FORM.read(spec);
  return applyFormChange(spec, ASSOCIATION_FORM, before, { ...before, ...edit } as AssociationFields);
}

describe('association form ↔ JSON', () => {
  const fromFile = { dataset: 'vcf', phenotype: { file: 'samples/small/vcf/phenotype.tsv' }, gene: 'CYP2C9', burden: { impact: ['HIGH'] } };

  it('reads a phenotype file spec and writes it back unchanged', () => {
    expect(ASSOCIATION_FORM.read(fromFile)).toEqual({
      dataset: 'vcf', phenotype: 'file', file: 'samples/small/vcf/phenotype.tsv', cases: null, controls: null, region: null, gene: 'CYP2C9', minMaf: null,
    });
    expect(change(fromFile, {})).toEqual(fromFile);
  });

  it('switching to cohorts writes cases and controls by cell name, then back to the file', () => {
    const cohorts = change(fromFile, { phenotype: 'cohorts', cases: 'bleeders', controls: 'others' });
    expect(cohorts['phenotype']).toEqual({ cases: 'bleeders', controls: 'others' });
    expect(ASSOCIATION_FORM.read(cohorts)).toMatchObject({ phenotype: 'cohorts', cases: 'bleeders', controls: 'others' });
    expect(change(cohorts, { phenotype: 'file', file: 'p.tsv' })['phenotype']).toEqual({ file: 'p.tsv' });
  });

  it('region replaces gene, min MAF is a number, the burden option stays', () => {
    const spec = change(fromFile, { gene: null, region: 'chr10:94938000-94990000', minMaf: 0.05 });
    expect(spec).toEqual({ dataset: 'vcf', phenotype: fromFile.phenotype, region: 'chr10:94938000-94990000', minMaf: 0.05, burden: { impact: ['HIGH'] } });
  });
});
