/** The one place SQL identifiers and literals are quoted. Values should go in as parameters where possible. */

/** `my table` → `"my table"`; always quotes, doubling embedded quotes. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal for places DuckDB takes no parameter (table function options, file paths). */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('a SQL string literal cannot contain a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Folds a user-facing name to a plain lower-case SQL identifier: `DRUG 24Q1.txt` → `drug_24q1`.
 * Keeps letters (any script), digits and `_`; never starts with a digit.
 */
export function toIdentifier(name: string): string {
  const folded = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/_+/g, '_');
  if (folded === '') return 'dataset';
  return /^\p{N}/u.test(folded) ? `t_${folded}` : folded;
}
