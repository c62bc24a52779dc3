import { describe, expect, it } from 'vitest';
import { findingsOf, verdictOf } from './classify.js';
import { planColumn } from './column-checks.js';

/** Rows per outcome of a plan, by `kind/role` (others 0). */
function counts(plan: ReturnType<typeof planColumn>, nonNull: number, rows: Record<string, number>) {
  return { nonNull, outcomes: plan.outcomes.map((o) => rows[`${o.kind}/${o.role}`] ?? 0) };
}

describe('findingsOf', () => {
  it('reports a name finding over the non-null rows, then content findings with their shares', () => {
    const plan = planColumn({ name: 'contact_phone', type: 'VARCHAR' }, 0);
    const findings = findingsOf(plan, counts(plan, 200, { 'phone/content': 150, 'phone/free_text': 10, 'email/content': 5 }));
    expect(findings.map(({ where: _w, ...f }) => f)).toEqual([
      { kind: 'phone', evidence: 'name', rows: 200, share: 1 },
      { kind: 'email', evidence: 'content', rows: 5, share: 0.025 },
      { kind: 'phone', evidence: 'content', rows: 150, share: 0.75 },
      { kind: 'phone', evidence: 'free_text', rows: 10, share: 0.05 },
    ]);
  });

  it('says nothing about a column without non-null values', () => {
    const plan = planColumn({ name: 'patient_name', type: 'VARCHAR' }, 0);
    expect(findingsOf(plan, counts(plan, 0, {}))).toEqual([]);
  });

  it('calls a column pseudonymous from 95 % keys on, and then drops what its name claimed', () => {
    const plan = planColumn({ name: 'phone', type: 'VARCHAR' }, 0);
    const keyed = findingsOf(plan, counts(plan, 1000, { 'pseudonymous_key/key': 950 }));
    expect(keyed.map((f) => `${f.kind}/${f.evidence}`)).toEqual(['pseudonymous_key/content']);
    const mostly = findingsOf(plan, counts(plan, 1000, { 'pseudonymous_key/key': 949 }));
    expect(mostly.map((f) => `${f.kind}/${f.evidence}`)).toEqual(['phone/name']);
  });

  it('keeps a birth-date or postcode name finding only while some value still identifies', () => {
    const dob = planColumn({ name: 'date_of_birth', type: 'DATE' }, 0);
    expect(findingsOf(dob, counts(dob, 500, {}))).toEqual([]);
    expect(findingsOf(dob, counts(dob, 500, { 'birth_date/gate': 1 }))[0]).toMatchObject({ kind: 'birth_date', evidence: 'name', rows: 500 });
    const zip = planColumn({ name: 'zip', type: 'INTEGER' }, 0);
    expect(findingsOf(zip, counts(zip, 10, { 'postcode/gate': 0 }))).toEqual([]);
  });
});

describe('verdictOf', () => {
  it('ranks identifier over quasi-identifier over pseudonymous over clear', () => {
    expect(verdictOf([{ kind: 'birth_date' }, { kind: 'email' }])).toBe('identifier');
    expect(verdictOf([{ kind: 'pseudonymous_key' }, { kind: 'postcode' }])).toBe('quasi_identifier');
    expect(verdictOf([{ kind: 'pseudonymous_key' }])).toBe('pseudonymous');
    expect(verdictOf([])).toBe('clear');
  });
});
