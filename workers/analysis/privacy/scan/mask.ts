/**
 * Masked examples: enough of a value to recognise what was found (`1101**********123X`, `j***@e***.com`),
 * never the value itself. At most a quarter of the characters is kept at each end (four at the most), so at
 * least half of any value is hidden; a single character is hidden entirely.
 */

const MASK = '*';
const MOST_KEPT_PER_END = 4;

/** Keeps a few leading and trailing characters (code points, so Chinese text is not split) and stars the rest. */
export function maskValue(value: string): string {
  const chars = Array.from(value);
  const n = chars.length;
  if (n <= 1) return MASK.repeat(n);
  const trail = Math.min(MOST_KEPT_PER_END, Math.floor(n / 4));
  const lead = Math.min(MOST_KEPT_PER_END, Math.max(1, Math.floor(n / 4)));
  return chars.slice(0, lead).join('') + MASK.repeat(n - lead - trail) + chars.slice(n - trail).join('');
}

/**
 * `john.smith@example.com` → `j***@e***.com`: the first character of the local part and of the domain and
 * the top-level domain; the stars do not tell the lengths.
 */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskValue(value);
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  return `${Array.from(local)[0]}***@${Array.from(host)[0] ?? ''}***${tld}`;
}

/** Masks a value of the kind found: e-mail addresses keep their shape, everything else as maskValue. */
export function maskIdentifier(value: string, kind: string): string {
  return kind === 'email' ? maskEmail(value) : maskValue(value);
}
