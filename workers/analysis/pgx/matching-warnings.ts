import { variantLabel } from './call-gene.js';
import type { VariantMatch } from './match-variants.js';
import { TABLE_BUILD, type PgxGene } from './pgx-table.js';
import type { ReferenceBuild } from './reference-build.js';

/**
 * What the user should know about how the table met the file: the build, the defining variants found
 * only by rsid, those missing, and positions where the file's reference base disagrees with the table's.
 */
export function matchingWarnings(build: ReferenceBuild, usePositions: boolean, genes: PgxGene[], matches: Map<PgxGene, VariantMatch[]>): string[] {
  const warnings: string[] = [];
  if (!usePositions) {
    warnings.push(`the VCF is on ${build.build} (${build.evidence}), the table on ${TABLE_BUILD}: its positions name other bases there, so defining variants were matched by rsid (with the same REF/ALT) only`);
  } else if (build.build === 'unknown') {
    warnings.push(`the VCF header names no reference build (no ##reference or ##contig line we recognise); positions were read as ${TABLE_BUILD}`);
  }
  for (const gene of genes.filter((g) => g.callable)) {
    const found = matches.get(gene)!;
    const labels = (test: (m: VariantMatch) => boolean) => gene.variants.filter((_, i) => test(found[i]!)).map(variantLabel);
    const byRsid = labels((m) => m.kind !== 'absent' && m.by === 'rsid');
    const missing = labels((m) => m.kind === 'absent');
    if (usePositions && byRsid.length) warnings.push(`${gene.gene}: found by rsid, not at the ${TABLE_BUILD} position: ${byRsid.join(', ')}`);
    if (missing.length === gene.variants.length) {
      warnings.push(`${gene.gene}: none of its ${gene.variants.length} defining variants is in the file`);
    } else if (missing.length) {
      warnings.push(`${gene.gene}: defining positions not in the file: ${missing.join(', ')}; samples whose call depends on them are not determinable`);
    }
    gene.variants.forEach((v, i) => {
      const m = found[i]!;
      if (m.kind === 'absent' && m.fileRef !== null) {
        warnings.push(`${gene.gene}: the file's reference allele at ${v.chrom}:${v.pos} is ${m.fileRef}, the table's ${v.ref} (${v.rsid}); not used — the build or the variant's representation differs`);
      }
    });
  }
  return warnings;
}
