/** The quarters of the generated FAERS extract and the dates inside them, as FAERS writes dates (`YYYYMMDD`). */

export interface Quarter {
  /** `2023Q1`. */
  label: string;
  /** `23Q1`, as in `DEMO23Q1.txt`. */
  fileTag: string;
  /** Index of its first day in `DAYS`. */
  firstDay: number;
  days: number;
}

const FIRST_YEAR = 2023;
const QUARTER_COUNT = 8;
/** Dates are kept from this day on: event dates reach up to two years before the first quarter. */
const EPOCH = Date.UTC(FIRST_YEAR - 2, 0, 1);
const DAY_MS = 86_400_000;

function dayIndex(year: number, month0: number): number {
  return (Date.UTC(year, month0, 1) - EPOCH) / DAY_MS;
}

export const QUARTERS: readonly Quarter[] = Array.from({ length: QUARTER_COUNT }, (_, i) => {
  const year = FIRST_YEAR + Math.floor(i / 4);
  const q = (i % 4) + 1;
  const firstDay = dayIndex(year, 3 * (q - 1));
  return { label: `${year}Q${q}`, fileTag: `${String(year).slice(2)}Q${q}`, firstDay, days: dayIndex(year, 3 * q) - firstDay };
});

/** Every day from EPOCH to the end of the last quarter as `YYYYMMDD`, built once. */
const DAYS: readonly string[] = (() => {
  const last = QUARTERS[QUARTER_COUNT - 1]!;
  return Array.from({ length: last.firstDay + last.days }, (_, d) => new Date(EPOCH + d * DAY_MS).toISOString().slice(0, 10).replaceAll('-', ''));
})();

/** `YYYYMMDD` of a day index; days before the epoch are held at the epoch. */
export function faersDay(day: number): string {
  return DAYS[Math.max(0, day)]!;
}
