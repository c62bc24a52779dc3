import { describe, expect, it } from 'vitest';
import { matchVariant, trimAlleles, type FileVariant } from './match-variants.js';
import type { PgxVariant } from './pgx-table.js';

const row = (variantId: number, chrom: string, pos: number, ref: string, alt: string, rsids: string[] = [], alleleIndex = 1): FileVariant =>
  ({ variantId, chrom, pos, ref, alt, rsids, alleleIndex });

const tpmt3c: PgxVariant = { rsid: 'rs1142345', chrom: 'chr6', pos: 18130687, ref: 'T', alt: 'C' };
const nudt15Insertion: PgxVariant = { rsid: 'rs746071566', chrom: 'chr13', pos: 48037782, ref: 'AGGAGTC', alt: 'AGGAGTCGGAGTC' };

describe('matchVariant', () => {
  it('matches GRCh38 chrom/pos/ref/alt with or without the chr prefix, and the right ALT of a split record', () => {
    expect(matchVariant(tpmt3c, [row(4, '6', 18130687, 'T', 'G', [], 2), row(3, '6', 18130687, 'T', 'C')], true))
      .toEqual({ kind: 'matched', by: 'position', variantId: 3, alleleIndex: 1, otherAlts: [{ variantId: 4, alt: 'G' }] });
    expect(matchVariant(tpmt3c, [row(7, 'CHR6', 18130687, 'T', 'C')], true)).toMatchObject({ kind: 'matched', by: 'position' });
  });

  it('compares indels after trimming shared bases, so a minimal VCF representation matches the table\'s', () => {
    expect(trimAlleles(48037782, 'AGGAGTC', 'AGGAGTCGGAGTC')).toEqual({ pos: 48037782, ref: 'A', alt: 'AGGAGTC' });
    expect(matchVariant(nudt15Insertion, [row(1, 'chr13', 48037782, 'A', 'AGGAGTC')], true)).toMatchObject({ kind: 'matched', by: 'position' });
  });

  it('treats a site called with other ALTs only as 0 copies of the table\'s ALT', () => {
    expect(matchVariant(tpmt3c, [row(4, 'chr6', 18130687, 'T', 'G', [], 2)], true))
      .toEqual({ kind: 'siteOnly', by: 'position', variantId: 4, otherAlts: [{ variantId: 4, alt: 'G' }] });
  });

  it('falls back to the rsid (ID column, possibly several) with the same REF/ALT, and records it', () => {
    expect(matchVariant(tpmt3c, [row(9, 'chr6', 18130688, 'T', 'C', ['rs5', 'rs1142345'])], true))
      .toEqual({ kind: 'matched', by: 'rsid', variantId: 9, alleleIndex: 1, otherAlts: [] });
    expect(matchVariant(tpmt3c, [row(9, 'chr6', 18130688, 'A', 'G', ['rs1142345'])], true)).toEqual({ kind: 'absent', fileRef: null });
  });

  it('does not match by position on another build, and reports a disagreeing reference base', () => {
    expect(matchVariant(tpmt3c, [row(2, 'chr6', 18130687, 'T', 'C')], false)).toEqual({ kind: 'absent', fileRef: null });
    expect(matchVariant(tpmt3c, [row(2, 'chr6', 18130687, 'G', 'A')], true)).toEqual({ kind: 'absent', fileRef: 'G' });
  });
});
