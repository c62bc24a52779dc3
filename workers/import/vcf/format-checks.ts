import type { LineNotes } from './line-notes.js';
import { COLON, COMMA, PIPE, SLASH, TAB } from './vcf-bytes.js';

/** How many values a FORMAT field of this Number holds for a call of `ploidy` with `alleles` alleles; null: any. */
function expectedCount(number: string, alleles: number, ploidy: number): number | null {
  if (number === 'A') return alleles - 1;
  if (number === 'R') return alleles;
  if (number === 'G') {
    // Genotypes of `ploidy` alleles drawn from `alleles`, order ignored: C(alleles + ploidy - 1, ploidy).
    let count = 1;
    for (let i = 1; i <= ploidy; i++) count = (count * (alleles - 1 + i)) / i;
    return Math.round(count);
  }
  if (/^\d+$/.test(number)) return Number(number);
  return null;
}

/**
 * Checks every sample field of one record against the FORMAT declarations: each field's value count
 * against its Number (G by the call's ploidy; not for records without ALT), and keys the header does not declare. Findings are notes;
 * nothing is refused. Reads the whole line, so the parser runs it on a sample of the records.
 */
export function checkFormatCounts(
  b: Uint8Array, p: number, end: number, keys: string[], numbers: Readonly<Record<string, string>>, alleles: number, lineIndex: number, notes: LineNotes,
): void {
  for (const key of keys) if (numbers[key] === undefined) notes.add(`undeclared-format:${key}`, lineIndex);
  // A record without ALT has no allele count to check against (some writers still give three likelihoods).
  if (alleles < 2) return;
  const gt = keys.indexOf('GT');
  const expected = keys.map((k) => numbers[k] ?? '.');
  while (p <= end) {
    let ploidy = 1;
    let k = 0;
    let values = 1;
    let begin = p;
    let q = p;
    for (; ; q++) {
      const c = q < end ? b[q]! : TAB;
      if (k === gt && (c === SLASH || c === PIPE) && q > begin) ploidy++;
      if (c === COMMA) values++;
      if (c !== COLON && c !== TAB) continue;
      const empty = q === begin || (q - begin === 1 && b[begin] === 46);
      if (k !== gt && !empty) {
        const want = expectedCount(expected[k] ?? '.', alleles, ploidy);
        if (want !== null && want !== values) notes.add(`format-count:${keys[k] ?? '?'}`, lineIndex, `${values} values, Number=${expected[k]}`);
      }
      if (c === TAB) break;
      k++;
      values = 1;
      begin = q + 1;
    }
    p = q + 1;
  }
}
