/**
 * Calendar dates as whole day numbers (days since 1970-01-01), converted with Howard Hinnant's civil
 * calendar algorithms. Integer arithmetic only: no Date objects, no time zones, no locale.
 */

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilFromDay(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** 'YYYY-MM-DD', as OMOP CSV files carry dates. */
export function isoDate(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** 'YYYYMMDD', as FAERS files carry dates. */
export function compactDate(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}`;
}

/** Parses 'YYYY-MM-DD' into a day number; throws on anything else. */
export function dayFromIso(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`expected a date as YYYY-MM-DD, got '${text}'`);
  return dayFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
}

export const DAYS_PER_YEAR = 365.25;
