import { describe, expect, it } from 'vitest';
import { PmwError } from '../../../engine/errors.js';
import { checkTransformShape } from './check-transform-shape.js';

function refusal(value: unknown): PmwError {
  try {
    checkTransformShape(value, 3, 180);
  } catch (error) {
    if (error instanceof PmwError) return error;
    throw error;
  }
  throw new Error('the transform was accepted');
}

describe('checkTransformShape', () => {
  it('writes out the defaults so the record says what was applied', () => {
    expect(checkTransformShape({ kind: 'ageBands', column: 'age' }, 1, 180)).toEqual({ kind: 'ageBands', column: 'age', width: 5, topCode: 90 });
    expect(checkTransformShape({ kind: 'suppressRare', column: 'x', table: 't' }, 1, 180)).toEqual({ kind: 'suppressRare', column: 'x', table: 't', minCount: 5, replacement: null });
    expect(checkTransformShape({ kind: 'shiftDates', columns: ['d'], person: 'p' }, 1, 30)).toEqual({ kind: 'shiftDates', columns: ['d'], person: 'p', maxDays: 30 });
    expect(checkTransformShape({ kind: 'shiftDates', columns: ['d'], person: 'p', maxDays: 7 }, 1, 30)).toMatchObject({ maxDays: 7 });
    expect(checkTransformShape({ kind: 'drop', column: 'name', extra: 1 }, 1, 30)).toEqual({ kind: 'drop', column: 'name' });
  });

  it('names the position, kind, table and column of what it refuses, as BAD_REQUEST', () => {
    const error = refusal({ kind: 'truncate', column: 'postcode', table: 'clinic.person', keep: 0 });
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('transform 3 (truncate) on clinic.person, column postcode: keep must be a whole number from 1 to 1000, not 0');
    expect(error.hint).toMatch(/nothing was changed/);
  });

  it.each([
    [{ kind: 'blur', column: 'x' }, /"blur" is not a transform/],
    [null, /"undefined" is not a transform/],
    [{ kind: 'hash' }, /column is missing/],
    [{ kind: 'hash', column: 'x', table: 5 }, /table must be a table name/],
    [{ kind: 'ageBands', column: 'x', width: 2.5 }, /width must be a whole number from 1 to 100, not 2.5/],
    [{ kind: 'ageBands', column: 'x', topCode: -1 }, /topCode must be/],
    [{ kind: 'truncate', column: 'x' }, /keep must be a whole number/],
    [{ kind: 'generalizeDate', column: 'x', to: 'week' }, /to must be "year" or "month", not "week"/],
    [{ kind: 'suppressRare', column: 'x', minCount: 0 }, /minCount must be/],
    [{ kind: 'suppressRare', column: 'x', replacement: 3 }, /replacement must be text or null/],
    [{ kind: 'shiftDates', columns: ['d'] }, /person is missing/],
    [{ kind: 'shiftDates', columns: [], person: 'p' }, /at least one date column/],
    [{ kind: 'shiftDates', columns: ['d', 'd'], person: 'p' }, /column d: the column is listed twice/],
    [{ kind: 'shiftDates', columns: ['d', 'p'], person: 'p' }, /column p: the person key is also listed/],
    [{ kind: 'shiftDates', columns: ['d'], person: 'p', maxDays: 0 }, /maxDays must be a whole number from 1 to 3650, not 0/],
  ])('refuses %j', (value, message) => {
    expect(refusal(value).message).toMatch(message);
  });
});
