import { describe, expect, it } from 'vitest';
import { demographicKinds } from './demographic-suppression.js';

// Bands here: <0, 0–17, 18–64, 65+, unknown (the last is always `unknown`).
describe('demographicKinds', () => {
  it('hides the persons with an age when the persons without one are few (persons − with an age = unknown)', () => {
    // 100 persons, 3 without a year of birth: the age row's 97 would give the 3 away, and so would the
    // bands (100 − 20 − 50 − 27): the age row's count and the smallest other band are hidden with them
    const kinds = demographicKinds({ persons: 100, aged: 97, bands: [0, 20, 50, 27, 3], sexes: [48, 52, 0] }, 5);
    expect(kinds.aged).toBe('complementary');
    expect(kinds.bands).toEqual(['shown', 'complementary', 'shown', 'shown', 'primary']);
    expect(kinds.sexes).toEqual(['shown', 'shown', 'shown']);
    expect(kinds).toMatchObject({ notPartitions: [], unprotected: false });
  });

  it('protects a small sex count with the smaller other sex', () => {
    const kinds = demographicKinds({ persons: 100, aged: 100, bands: [0, 10, 60, 30, 0], sexes: [40, 58, 2] }, 5);
    expect(kinds.sexes).toEqual(['complementary', 'shown', 'primary']);
    expect(kinds.bands.every((k) => k === 'shown')).toBe(true);
  });

  it('does not pretend a section splits the persons when it does not add up (a person_id repeated in person)', () => {
    const kinds = demographicKinds({ persons: 100, aged: 101, bands: [0, 10, 60, 31, 0], sexes: [41, 58, 2] }, 5);
    expect(kinds.notPartitions).toEqual(['sex', 'age band']);
    expect(kinds.sexes).toEqual(['shown', 'shown', 'primary']);
  });

  it('says when a cohort is too small to protect', () => {
    // 2 persons, a man and a woman: both <5, and the persons say they are 1 each
    const kinds = demographicKinds({ persons: 2, aged: 2, bands: [0, 0, 2, 0, 0], sexes: [1, 1, 0] }, 5);
    expect(kinds.sexes).toEqual(['primary', 'primary', 'shown']);
    expect(kinds.unprotected).toBe(true);
  });
});
