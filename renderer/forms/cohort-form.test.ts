import { describe, expect, it } from 'vitest';
import { applyFormChange } from './form-model.js';
import { COHORT_FORM, type CohortFields } from './cohort-form.js';

/** A spec as a user would write it by hand (api-cohorts.ts), with parts the form does not show. */
const written = {
  dataset: 'gibleed',
  codeSets: { nsaid: { concepts: [1118084] } },
  entry: { domain: 'drug', codes: { concepts: [{ id: 1118084, descendants: true }, { id: 999, exclude: true }], sourceCodes: ['M01AH%'] }, occurrence: 'all' },
  observation: { priorDays: 365 },
  inclusion: [
    { name: 'prior GI bleed', occurrence: { domain: 'condition', codes: 'gib', window: { end: -1 }, atMost: 0 } },
    { name: 'adults', age: { min: 18 } },
  ],
  exit: { type: 'drugExposure', gapDays: 30, offsetDays: 7 },
  censor: [{ domain: 'death' }],
};

function change(spec: Record<string, unknown>, edit: Partial<CohortFields>): Record<string, unknown> {
  const before = COHORT_FORM.read(spec);
  return applyFormChange(spec, COHORT_FORM, before, { ...before, ...edit } as CohortFields);
}

describe('cohort form ↔ JSON', () => {
  it('reads every field the form shows from a written spec', () => {
    expect(COHORT_FORM.read(written)).toEqual({
      dataset: 'gibleed', domain: 'drug', concepts: [1118084], descendants: true, occurrence: 'all',
      priorDays: 365, postDays: null, ageMin: 18, ageMax: null, sex: [], exit: 'drugExposure', exitDays: 30,
    });
  });

  it('an unchanged form writes back exactly the spec it read', () => {
    expect(change(written, {})).toEqual(written);
  });

  it('concept ids keep the excluded concepts and the source codes; descendants apply to every chosen id', () => {
    const spec = change(written, { concepts: [1118084, 1124300], descendants: false });
    expect((spec['entry'] as Record<string, unknown>)['codes']).toEqual({ concepts: [1118084, 1124300, { id: 999, exclude: true }], sourceCodes: ['M01AH%'] });
    expect(spec['censor']).toEqual(written.censor);
    expect(spec['codeSets']).toEqual(written.codeSets);
  });

  it('age and sex are inclusion rules; other rules stay in order; clearing age removes its rule', () => {
    let spec = change(written, { ageMax: 65, sex: ['female'] });
    expect(spec['inclusion']).toEqual([written.inclusion[0], { name: 'adults', age: { min: 18, max: 65 } }, { name: 'sex', sex: ['female'] }]);
    spec = change(spec, { ageMin: null, ageMax: null });
    expect(spec['inclusion']).toEqual([written.inclusion[0], { name: 'sex', sex: ['female'] }]);
  });

  it('observation days: an emptied field leaves the spec, and an empty observation object with it', () => {
    const spec = change(written, { priorDays: null });
    expect('observation' in spec).toBe(false);
    expect(change(spec, { postDays: 30 })['observation']).toEqual({ postDays: 30 });
  });

  it('exit: fixed days, then back to drug exposure keeps no stray `days`', () => {
    const fixed = change(written, { exit: 'fixed', exitDays: 90 });
    expect(fixed['exit']).toEqual({ type: 'fixed', days: 90 });
    expect(change(fixed, { exit: 'drugExposure' })['exit']).toEqual({ type: 'drugExposure', gapDays: 90 });
    expect(change(written, { exitDays: 60 })['exit']).toEqual({ type: 'drugExposure', gapDays: 60, offsetDays: 7 });
  });

  it('a code set named by string shows and edits that set in codeSets (samples/cohorts/*.json write them so)', () => {
    const named = { dataset: 'gibleed', codeSets: { gib: { concepts: [{ id: 192671, descendants: true }] } }, entry: { domain: 'condition', codes: 'gib' } };
    expect(COHORT_FORM.read(named)).toMatchObject({ concepts: [192671], descendants: true });
    expect(change(named, { priorDays: 30 })['codeSets']).toEqual(named.codeSets);
    const edited = change(named, { concepts: [192671, 4291649] });
    expect(edited['codeSets']).toEqual({ gib: { concepts: [{ id: 192671, descendants: true }, { id: 4291649, descendants: true }] } });
    expect(edited['entry']).toEqual(named.entry);
  });

  it('a name with no code set shows no ids; typing some writes them inline', () => {
    const dangling = { dataset: 'gibleed', entry: { domain: 'condition', codes: 'missing' } };
    expect(COHORT_FORM.read(dangling).concepts).toEqual([]);
    expect((change(dangling, { concepts: [192671] })['entry'] as Record<string, unknown>)['codes']).toEqual({ concepts: [192671] });
  });

  it('the template of a new cell reads back as a first-event condition cohort', () => {
    const fields = COHORT_FORM.read(COHORT_FORM.template('gibleed'));
    expect(fields).toMatchObject({ dataset: 'gibleed', domain: 'condition', occurrence: 'first', priorDays: 365, exit: 'observationEnd' });
  });
});
