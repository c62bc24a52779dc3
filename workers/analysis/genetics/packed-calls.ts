/**
 * The byte of one sample in `genotype_packed.calls` (docs/vcf.md): bits 0–2 copies of this ALT among the
 * called alleles, bits 3–5 called alleles, bit 6 phased, bit 7 some allele missing.
 */
export const ALT_COPIES_MASK = 0b0000_0111;
export const CALLED_SHIFT = 3;
export const CALLED_MASK = 0b0011_1000;
export const PHASED_BIT = 0b0100_0000;
export const MISSING_BIT = 0b1000_0000;
/** `0/0` with the phase bit cleared: the byte of most samples at most variants. */
export const HOM_REF = 0x10;

export function altCopiesOf(byte: number): number {
  return byte & ALT_COPIES_MASK;
}

export function calledAllelesOf(byte: number): number {
  return (byte & CALLED_MASK) >> CALLED_SHIFT;
}

/**
 * A GT written from the byte alone, in terms of this ALT: `0/1`, `1|1`, `./1`, `1` (haploid), `./.`.
 * ALT copies come first after REF copies, so a phased `1|0` reads `0|1`; and in a split multi-allelic
 * record other ALTs read as `0`. Where the `genotype` table has the call, its GT (as in the file) is
 * better; this is the fallback.
 */
export function gtOf(byte: number): string {
  const copies = altCopiesOf(byte);
  const called = calledAllelesOf(byte);
  const missing = byte & MISSING_BIT ? Math.max(2 - called, 1) : 0;
  if (called === 0 && missing === 0) return '.';
  const alleles: string[] = [];
  for (let i = 0; i < missing; i++) alleles.push('.');
  for (let i = 0; i < called - copies; i++) alleles.push('0');
  for (let i = 0; i < copies; i++) alleles.push('1');
  return alleles.join(byte & PHASED_BIT ? '|' : '/');
}
