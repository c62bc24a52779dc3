/** The reference build a VCF says it was called on, and the header line that says so. */
export interface ReferenceBuild {
  build: 'GRCh38' | 'GRCh37' | 'NCBI36' | 'unknown';
  evidence: string | null;
}

/** Names of builds as they appear in `##reference=` and `##contig=<…assembly=…>` lines. */
const BUILD_NAMES: [RegExp, 'GRCh38' | 'GRCh37' | 'NCBI36'][] = [
  [/grch38|hg38|\bb38\b|hs38/i, 'GRCh38'],
  [/grch37|hg19|\bb37\b|hs37d5|human_g1k_v37/i, 'GRCh37'],
  [/ncbi36|hg18|\bb36\b/i, 'NCBI36'],
];

/**
 * Lengths of the chromosomes that hold the table's genes, which differ between the builds; a
 * `##contig=<ID=…,length=…>` line with one of them identifies the build even without an assembly tag.
 */
const CONTIG_LENGTHS: Record<string, { GRCh37: number; GRCh38: number }> = {
  '1': { GRCh37: 249_250_621, GRCh38: 248_956_422 },
  '6': { GRCh37: 171_115_067, GRCh38: 170_805_979 },
  '10': { GRCh37: 135_534_747, GRCh38: 133_797_422 },
  '12': { GRCh37: 133_851_895, GRCh38: 133_275_309 },
  '13': { GRCh37: 115_169_878, GRCh38: 114_364_328 },
  '22': { GRCh37: 51_304_566, GRCh38: 50_818_468 },
};

export function normalizeChrom(chrom: string): string {
  const bare = chrom.replace(/^chr/i, '').toUpperCase();
  return bare === 'M' ? 'MT' : bare;
}

function buildOfContig(line: string): ReferenceBuild | null {
  const id = /[<,]ID=([^,>]+)/.exec(line)?.[1];
  const assembly = /[<,]assembly=([^,>]+)/.exec(line)?.[1];
  if (assembly) {
    const named = BUILD_NAMES.find(([pattern]) => pattern.test(assembly));
    if (named) return { build: named[1], evidence: line };
  }
  const length = Number(/[<,]length=(\d+)/.exec(line)?.[1]);
  const known = id ? CONTIG_LENGTHS[normalizeChrom(id)] : undefined;
  if (known && length === known.GRCh37) return { build: 'GRCh37', evidence: line };
  if (known && length === known.GRCh38) return { build: 'GRCh38', evidence: line };
  return null;
}

/**
 * Reads the build from the header: `##reference=` first, then the contig lines (assembly tag or a known
 * chromosome length). A header that names neither is `unknown`.
 */
export function detectReferenceBuild(headerLines: string[]): ReferenceBuild {
  for (const line of headerLines) {
    if (!line.startsWith('##reference=')) continue;
    const named = BUILD_NAMES.find(([pattern]) => pattern.test(line));
    if (named) return { build: named[1], evidence: line };
  }
  for (const line of headerLines) {
    if (!line.startsWith('##contig=')) continue;
    const found = buildOfContig(line);
    if (found) return found;
  }
  return { build: 'unknown', evidence: null };
}
