/** How one cell value reads in a terminal table. */

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** JSON.stringify that keeps 64-bit integers instead of throwing on them. */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? jsonSafeInteger(v) : v), indent);
}

/** A bigint as a JSON number when a double holds it exactly, else as a string so no digit is lost. */
export function jsonSafeInteger(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

/** Control characters would break the table's lines, so they are shown escaped (`\n`, `\t`, `\x1b`). */
function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** NULL as `NULL`; numbers in full precision without grouping, so they copy and paste as numbers. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return escapeControlCharacters(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return escapeControlCharacters(jsonText(value));
}
