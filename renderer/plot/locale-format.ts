/**
 * Tick and tooltip formats in the reader's language: Plot's defaults are English (`Jan`, `1,000`), so numbers
 * and dates go through Intl with the notebook's locale (zh-CN: `2020年3月`).
 */
export function numberFormatter(locale: string): (value: unknown) => string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  return (value) => (typeof value === 'number' && Number.isFinite(value) ? format.format(value) : value == null ? '' : String(value));
}

/**
 * A date tick format whose precision fits the ticks: years when every tick is on 1 January, months when every
 * tick is on the first of a month, days otherwise; times when a tick is not at midnight.
 */
export function dateTickFormatter(locale: string): (value: unknown, index: number, ticks?: unknown[]) => string {
  const formats = {
    year: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric' }),
    month: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short' }),
    day: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }),
    time: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
  };
  return (value, _index, ticks) => {
    if (!(value instanceof Date)) return value == null ? '' : String(value);
    const all = (ticks ?? [value]).filter((d): d is Date => d instanceof Date);
    const precision = all.some((d) => d.getUTCHours() || d.getUTCMinutes()) ? 'time'
      : all.every((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1) ? 'year'
        : all.every((d) => d.getUTCDate() === 1) ? 'month' : 'day';
    return formats[precision].format(value);
  };
}

/** Dates in tooltips: the day, and the time when there is one. */
export function dateFormatter(locale: string): (value: unknown) => string {
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' });
  return (value) => {
    if (!(value instanceof Date)) return value == null ? '' : String(value);
    return (value.getUTCHours() || value.getUTCMinutes() ? time : day).format(value);
  };
}
