import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../../db/quote.js';
import type { PgxGene, PgxVariant } from './pgx-table.js';
import { normalizeChrom } from './reference-build.js';

/** A row of the VCF's `variant` table (docs/vcf.md): one ALT of a record. */
export interface FileVariant {
  variantId: number;
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  rsids: string[];
  alleleIndex: number;
}

/** The other ALTs of the same VCF record (a split multi-allelic site), which the table does not define. */
export type OtherAlts = { variantId: number; alt: string }[];

/**
 * How a defining variant was found. `matched`: the file has this ALT. `siteOnly`: the file genotyped the
 * site but never saw this ALT, so every called sample carries 0 copies. `absent`: neither; `fileRef` is
 * set when the file has a record at the position with another reference base (a build or
 * representation mismatch).
 */
export type VariantMatch =
  | { kind: 'matched'; by: 'position' | 'rsid'; variantId: number; alleleIndex: number; otherAlts: OtherAlts }
  | { kind: 'siteOnly'; by: 'position' | 'rsid'; variantId: number; otherAlts: OtherAlts }
  | { kind: 'absent'; fileRef: string | null };

/**
 * Trims the bases REF and ALT share at the end, then at the start (keeping one), so `AGGAGTC>AGGAGTCGGAGTC`
 * and `A>AGGAGTC` at the same position compare equal.
 */
export function trimAlleles(pos: number, ref: string, alt: string): { pos: number; ref: string; alt: string } {
  let r = ref;
  let a = alt;
  while (r.length > 1 && a.length > 1 && r.at(-1) === a.at(-1)) { r = r.slice(0, -1); a = a.slice(0, -1); }
  let p = pos;
  while (r.length > 1 && a.length > 1 && r[0] === a[0]) { r = r.slice(1); a = a.slice(1); p++; }
  return { pos: p, ref: r, alt: a };
}

function sameAlleles(t: PgxVariant, f: FileVariant, comparePositions: boolean): boolean {
  const x = trimAlleles(t.pos, t.ref, t.alt);
  const y = trimAlleles(f.pos, f.ref, f.alt);
  return x.ref === y.ref && x.alt === y.alt && (!comparePositions || x.pos === y.pos);
}

function otherAltsOf(row: FileVariant, exclude: number | null, fileVariants: FileVariant[]): OtherAlts {
  return fileVariants
    .filter((f) => f.variantId !== exclude && f.pos === row.pos && f.ref === row.ref && normalizeChrom(f.chrom) === normalizeChrom(row.chrom))
    .map((f) => ({ variantId: f.variantId, alt: f.alt }));
}

function pick(t: PgxVariant, rows: FileVariant[], by: 'position' | 'rsid', fileVariants: FileVariant[]): VariantMatch | null {
  const exact = rows.find((f) => sameAlleles(t, f, by === 'position'));
  if (exact) return { kind: 'matched', by, variantId: exact.variantId, alleleIndex: exact.alleleIndex, otherAlts: otherAltsOf(exact, exact.variantId, fileVariants) };
  // The same anchor base: the site was called, with other ALTs only.
  const site = rows.find((f) => f.ref[0] === t.ref[0]);
  return site ? { kind: 'siteOnly', by, variantId: site.variantId, otherAlts: otherAltsOf(site, null, fileVariants) } : null;
}

/**
 * Finds a defining variant in the file: by GRCh38 chrom/pos/ref/alt (a `chr` prefix or none), else by
 * rsid with the same REF/ALT. Positions are skipped when the file is on another build, since the same
 * number would name another base there.
 */
export function matchVariant(t: PgxVariant, fileVariants: FileVariant[], usePositions: boolean): VariantMatch {
  let fileRef: string | null = null;
  if (usePositions) {
    const here = fileVariants.filter((f) => f.pos === t.pos && normalizeChrom(f.chrom) === normalizeChrom(t.chrom));
    const found = pick(t, here, 'position', fileVariants);
    if (found) return found;
    fileRef = here[0]?.ref ?? null;
  }
  const named = fileVariants.filter((f) => f.rsids.includes(t.rsid));
  return pick(t, named, 'rsid', fileVariants) ?? { kind: 'absent', fileRef };
}

/** The file's rows at any table position or carrying any table rsid (the ID column may hold `rs1;rs2`). */
export async function readCandidateVariants(connection: DuckDBConnection, schema: string, genes: PgxGene[]): Promise<FileVariant[]> {
  const variants = genes.flatMap((g) => g.variants);
  if (variants.length === 0) return [];
  const positions = [...new Set(variants.map((v) => v.pos))].join(', ');
  const rsids = variants.map((v) => quoteLiteral(v.rsid)).join(', ');
  const reader = await connection.runAndReadAll(`SELECT variant_id, chrom, pos, ref, alt, rsid, allele_index FROM ${schema}.variant
    WHERE pos IN (${positions}) OR list_has_any(string_split(coalesce(rsid, ''), ';'), [${rsids}])`);
  return reader.getRowsJS().map((r) => ({
    variantId: Number(r[0]), chrom: String(r[1]), pos: Number(r[2]), ref: String(r[3]), alt: String(r[4]),
    rsids: r[5] === null ? [] : String(r[5]).split(';'), alleleIndex: Number(r[6] ?? 1),
  }));
}
