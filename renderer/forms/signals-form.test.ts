import { describe, expect, it } from 'vitest';
import { applyFormChange } from './form-model.js';
import { SIGNALS_FORM, type SignalsFields } from './signals-form.js';

const written = {
  dataset: 'faers', drugs: ['celecoxib'], minCount: 3, names: 'verbatim', strata: ['sex'],
  thresholds: { prr: { prr: 2, chisq: 4, n: 5 }, ebgm: { eb05: 2.5 } },
  mgps: { fitMinCount: 2 }, orderBy: 'eb05 DESC', limit: 100,
};

function change(spec: Record<string, unknown>, edit: Partial<SignalsFields>): Record<string, unknown> {
  const before = SIGNALS_FORM.read(spec);
  return applyFormChange(spec, SIGNALS_FORM, before, { ...before, ...edit } as SignalsFields);
}

describe('signals form ↔ JSON', () => {
  it('reads filters, roles (default suspect), thresholds and sort', () => {
    expect(SIGNALS_FORM.read(written)).toEqual({
      dataset: 'faers', drugs: ['celecoxib'], events: [], roles: 'suspect', minCount: 3,
      prr: 2, ror: null, ic: null, ebgm: 2.5, orderBy: 'eb05 DESC',
    });
    expect(change(written, {})).toEqual(written);
  });

  it('a PRR threshold keeps the rule’s own χ² and N; a new ROR rule gets N ≥ 3 (api-signals.ts rule shape)', () => {
    const spec = change(written, { prr: 3, ror: 1.5 });
    expect(spec['thresholds']).toEqual({ prr: { prr: 3, chisq: 4, n: 5 }, ror: { lower: 1.5, n: 3 }, ebgm: { eb05: 2.5 } });
  });

  it('emptying every threshold removes `thresholds`; JSON-only fields survive', () => {
    const spec = change(written, { prr: null, ebgm: null });
    expect('thresholds' in spec).toBe(false);
    expect(spec).toMatchObject({ names: 'verbatim', strata: ['sex'], mgps: { fitMinCount: 2 }, limit: 100 });
  });

  it('event filter and default sort', () => {
    const spec = change(written, { events: ['gastrointestinal haemorrhage', 'melaena'], orderBy: '' });
    expect(spec['events']).toEqual(['gastrointestinal haemorrhage', 'melaena']);
    expect('orderBy' in spec).toBe(false);
  });
});
