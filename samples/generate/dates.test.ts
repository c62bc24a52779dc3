import { describe, expect, it } from 'vitest';
import { civilFromDay, compactDate, dayFromCivil, dayFromIso, isoDate } from './dates.js';

describe('dates', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(dayFromCivil(2000, 3, 1)).toBe(11017);
    expect(dayFromCivil(1969, 12, 31)).toBe(-1);
    expect(dayFromIso('2024-12-31') - dayFromIso('2024-01-01')).toBe(365);
  });

  it('formats ISO and FAERS dates, leap days included', () => {
    expect(isoDate(dayFromCivil(2024, 2, 29))).toBe('2024-02-29');
    expect(compactDate(dayFromCivil(2024, 2, 29) + 1)).toBe('20240301');
    expect(isoDate(dayFromCivil(1900, 2, 28) + 1)).toBe('1900-03-01');
  });

  it('round-trips every day over two centuries', () => {
    const failures: number[] = [];
    for (let day = dayFromCivil(1900, 1, 1); day <= dayFromCivil(2100, 1, 1); day++) {
      const { year, month, day: dayOfMonth } = civilFromDay(day);
      if (dayFromCivil(year, month, dayOfMonth) !== day) failures.push(day);
    }
    expect(failures).toEqual([]);
  });

  it('rejects text that is not YYYY-MM-DD', () => {
    expect(() => dayFromIso('2024/01/01')).toThrow(/YYYY-MM-DD/);
  });
});
