/** Which DuckDB column types each transform accepts, by the type names `DESCRIBE` prints. */

const NUMBER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\))$/;

/**
 * Dates and timestamps without a time zone. `TIMESTAMP WITH TIME ZONE` is left out on purpose: adding
 * days to it or cutting it to a year depends on the session's time zone, so the result would not be stable.
 */
const DATE_TYPES = /^(DATE|TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS)$/;

export function isNumberType(type: string): boolean {
  return NUMBER_TYPES.test(type);
}

export function isDateType(type: string): boolean {
  return DATE_TYPES.test(type);
}

export function isTextType(type: string): boolean {
  return type === 'VARCHAR';
}

/** Types that carry a continuous measurement rather than a category. */
export function isFractionalType(type: string): boolean {
  return /^(FLOAT|DOUBLE|DECIMAL\(\d+,\s*[1-9]\d*\))$/.test(type);
}
