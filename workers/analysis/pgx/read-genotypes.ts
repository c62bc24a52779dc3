import type { DuckDBConnection } from '@duckdb/node-api';
import type { VariantMatch } from './match-variants.js';
import type { Observation } from './solve-diplotype.js';

const ALT_COPIES = 0b0000_0111;
const CALLED_SHIFT = 3;
const CALLED = 0b0011_1000;
const PHASED = 0b0100_0000;
const MISSING = 0b1000_0000;

/** Per variant id, the packed calls (one byte per sample, docs/vcf.md) and the GT strings of phased calls by sample. */
export interface GenotypeSource {
  packed: Map<number, Uint8Array>;
  phasedGt: Map<number, Map<number, string>>;
}

export async function readGenotypeSource(connection: DuckDBConnection, schema: string, variantIds: number[]): Promise<GenotypeSource> {
  const packed = new Map<number, Uint8Array>();
  const phasedGt = new Map<number, Map<number, string>>();
  if (variantIds.length === 0) return { packed, phasedGt };
  const ids = [...new Set(variantIds)].join(', ');
  const blobs = await connection.runAndReadAll(`SELECT variant_id, calls FROM ${schema}.genotype_packed WHERE variant_id IN (${ids})`);
  for (const [id, calls] of blobs.getRowsJS()) packed.set(Number(id), calls as Uint8Array);
  // The packed byte says a call is phased but not which haplotype holds the ALT; the GT string does.
  const gts = await connection.runAndReadAll(`SELECT variant_id, sample_idx, gt FROM ${schema}.genotype WHERE phased AND variant_id IN (${ids})`);
  for (const [id, sample, gt] of gts.getRowsJS()) {
    const bySample = phasedGt.get(Number(id)) ?? new Map<number, string>();
    bySample.set(Number(sample), String(gt));
    phasedGt.set(Number(id), bySample);
  }
  return { packed, phasedGt };
}

/** `0|1` with this ALT at allele index 1 → [0, 1]; null for anything else than a two-allele phased call holding it once. */
function haplotypesOf(gt: string | undefined, alleleIndex: number): [number, number] | null {
  const sides = gt?.split('|');
  if (!sides || sides.length !== 2) return null;
  const haplotypes = sides.map((s) => (s === String(alleleIndex) ? 1 : 0)) as [number, number];
  return haplotypes[0] + haplotypes[1] === 1 ? haplotypes : null;
}

/**
 * One sample's genotype at one defining variant. A call that is missing, partial or not diploid is a no
 * call: star alleles of these genes are defined on two autosomal copies. A call holding another ALT of
 * the record is reported as such: the table cannot say what that haplotype is.
 */
export function observe(match: VariantMatch, source: GenotypeSource, sampleIdx: number): Observation {
  if (match.kind === 'absent') return { state: 'absent' };
  const byte = source.packed.get(match.variantId)?.[sampleIdx];
  if (byte === undefined || byte & MISSING || (byte & CALLED) >> CALLED_SHIFT !== 2) return { state: 'noCall' };
  const other = match.otherAlts.find((o) => ((source.packed.get(o.variantId)?.[sampleIdx] ?? 0) & ALT_COPIES) > 0);
  if (other) return { state: 'otherAlt', alt: other.alt };
  if (match.kind === 'siteOnly') return { state: 'called', altCopies: 0, haplotypes: null };
  const altCopies = byte & ALT_COPIES;
  const phased = altCopies === 1 && (byte & PHASED) !== 0;
  const haplotypes = phased ? haplotypesOf(source.phasedGt.get(match.variantId)?.get(sampleIdx), match.alleleIndex) : null;
  return { state: 'called', altCopies, haplotypes };
}
