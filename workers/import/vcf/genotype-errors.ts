/** Errors a genotype scan raises; the line number is added by whoever knows it (VcfLineError). */
import { COLON, TAB } from './vcf-bytes.js';
import { VcfLineError } from './vcf-errors.js';

export function columnCountError(found: number, expected: number): VcfLineError {
  return new VcfLineError({
    message: `${found < expected ? 'the line ends after' : 'the line has'} ${found} fields, the #CHROM line has ${expected}`,
    hint: found < expected ? 'the file may be truncated, or a sample column is missing' : 'a sample column has no name in the #CHROM line, or a field holds a tab',
  });
}

function fieldText(b: Uint8Array, p: number, end: number): string {
  let q = p;
  while (q < end && b[q] !== TAB && b[q] !== COLON) q++;
  return new TextDecoder().decode(b.subarray(p, Math.min(q, p + 40)));
}

export function alleleError(b: Uint8Array, p: number, end: number, sample: number, samples: readonly string[], nAlt: number): VcfLineError {
  return new VcfLineError({
    message: `sample ${samples[sample]} has GT ${fieldText(b, p, end)}, but the record has ${nAlt === 0 ? 'no ALT allele' : `${nAlt} ALT allele${nAlt === 1 ? '' : 's'}`}`,
    hint: 'GT allele numbers count REF as 0 and the ALT alleles from 1; the ALT column or the genotypes are wrong',
  });
}

export function genotypeSyntaxError(b: Uint8Array, p: number, end: number, sample: number, samples: readonly string[]): VcfLineError {
  return new VcfLineError({
    message: `sample ${samples[sample]} has GT ${JSON.stringify(fieldText(b, p, end))}, which is not a genotype`,
    hint: 'a GT is allele numbers or . separated by / or | (0/1, 1|0, ./., 1)',
  });
}
