import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../workers/engine/api.js';
import { ASSOCIATION_FORM } from './association-form.js';
import { COHORT_FORM } from './cohort-form.js';
import type { FormModel, Spec } from './form-model.js';
import { createAnalysisForm } from './form-view.js';

beforeAll(() => {
  const { document, Event } = parseHTML('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { document, Event });
});

function dataset(name: string, kind: Dataset['kind']): Dataset {
  return { id: name, name, kind, sourceFile: '', sha256: '', rows: 0, tables: [], importedAt: '', description: '', licence: '', privacy: null };
}
const context = {
  datasets: [dataset('gibleed', 'omop'), dataset('omop', 'omop'), dataset('faers', 'faers'), dataset('vcf', 'vcf')],
  cellNames: (kind: string) => kind === 'cohort' ? ['bleeders', 'others'] : [],
};

function mount(model: FormModel, spec: Spec) {
  const specs: Spec[] = [];
  const form = createAnalysisForm(model, context, spec, (next) => specs.push(next));
  const field = (key: string) => form.element.querySelector(`[data-field="${key}"]`);
  const input = <T extends Element>(key: string) => field(key)!.querySelector('input, select') as unknown as T & { value: string; checked: boolean };
  const change = (target: Element) => target.dispatchEvent(new Event('change'));
  /** Picks an option as a user would (linkedom's select.value has no setter). */
  const choose = (key: string, value: string) => {
    const select = input<HTMLSelectElement>(key);
    for (const option of select.querySelectorAll('option')) option.toggleAttribute('selected', option.getAttribute('value') === value);
    change(select);
  };
  return { form, specs, field, input, change, choose };
}

describe('analysis form in the DOM', () => {
  it('the dataset picker offers the datasets of the analysis’s kind only', () => {
    const { input } = mount(COHORT_FORM as unknown as FormModel, { dataset: 'gibleed', entry: { domain: 'drug' } });
    const options = [...input<HTMLSelectElement>('dataset').querySelectorAll('option')].map((o) => o.getAttribute('value'));
    expect(options).toEqual(['gibleed', 'omop']);
    expect(input('dataset').value).toBe('gibleed');
  });

  it('typing concept ids writes them into the spec; other parts untouched', () => {
    const { input, change, specs } = mount(COHORT_FORM as unknown as FormModel, { dataset: 'gibleed', entry: { domain: 'drug' }, censor: [{ domain: 'death' }] });
    const ids = input('concepts');
    ids.value = '1118084, 1124300, x';
    change(ids);
    expect(specs.at(-1)).toEqual({ dataset: 'gibleed', entry: { domain: 'drug', codes: { concepts: [1118084, 1124300] } }, censor: [{ domain: 'death' }] });
  });

  it('fields appear as the choice needs them: exit days only off observation end; cohort pickers only for cohorts', () => {
    const cohort = mount(COHORT_FORM as unknown as FormModel, { dataset: 'gibleed', entry: { domain: 'drug' } });
    expect(cohort.field('exitDays')).toBeNull();
    cohort.choose('exit', 'fixed');
    expect(cohort.field('exitDays')).not.toBeNull();
    expect(cohort.specs.at(-1)!['exit']).toEqual({ type: 'fixed', days: 365 });

    const association = mount(ASSOCIATION_FORM as unknown as FormModel, { dataset: 'vcf', phenotype: { file: 'p.tsv' } });
    expect(association.field('cases')).toBeNull();
    association.choose('phenotype', 'cohorts');
    const cases = association.input('cases');
    // The notebook's cohort cells, after an empty "(choose)" while none is picked.
    expect([...cases.querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual(['', 'bleeders', 'others']);
    association.choose('cases', 'bleeders');
    expect(association.specs.at(-1)!['phenotype']).toEqual({ cases: 'bleeders', controls: '' });
  });

  it('setSpec (JSON edited by hand) refills the inputs', () => {
    const { form, input } = mount(COHORT_FORM as unknown as FormModel, { dataset: 'gibleed', entry: { domain: 'drug' } });
    form.setSpec({ dataset: 'omop', entry: { domain: 'condition', codes: { concepts: [{ id: 192671, descendants: true }] } }, inclusion: [{ name: 'sex', sex: ['female'] }] });
    expect(input('dataset').value).toBe('omop');
    expect(input('domain').value).toBe('condition');
    expect(input('concepts').value).toBe('192671');
    expect(input('descendants').checked).toBe(true);
    const sexBoxes = [...form.element.querySelectorAll('[data-field="sex"] input')] as unknown as { value: string; checked: boolean }[];
    expect(sexBoxes.filter((b) => b.checked).map((b) => b.value)).toEqual(['female']);
  });
});
