import { FORMAT_KEYS, type GenotypeCounts } from './vcf-genotypes.js';
import { CHROM, CHROM_LENGTH, type VcfSite } from './vcf-sites.js';

/** A fixed date, so every run writes the same bytes. */
const FILE_DATE = '20240501';

/** The meta-information lines and the `#CHROM` line of a VCF 4.2 file with these samples. */
export function vcfHeader(sampleIds: readonly string[]): string {
  return [
    '##fileformat=VCFv4.2',
    `##fileDate=${FILE_DATE}`,
    '##source=pmw bench/generate-vcf.ts (synthetic, seeded; no real person)',
    '##reference=GRCh37',
    `##contig=<ID=${CHROM},assembly=b37,length=${CHROM_LENGTH}>`,
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FILTER=<ID=LowQual,Description="Low quality">',
    '##INFO=<ID=AC,Number=A,Type=Integer,Description="Total number of alternate alleles in called genotypes">',
    '##INFO=<ID=AN,Number=1,Type=Integer,Description="Total number of alleles in called genotypes">',
    '##INFO=<ID=AF,Number=A,Type=Float,Description="Estimated allele frequency in the range (0,1)">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total read depth over all samples">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Phased genotype">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">',
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...sampleIds].join('\t'),
  ].join('\n') + '\n';
}

/** CHROM to FORMAT of a record, with a tab after FORMAT: INFO holds AC, AN and AF of what was drawn, and DP. */
export function recordPrefix(site: VcfSite, counts: GenotypeCounts): string {
  const an = counts.calledAlleles;
  const info = `AC=${counts.altCopies.join(',')};AN=${an};AF=${counts.altCopies.map((ac) => alleleFrequencyText(ac, an)).join(',')};DP=${counts.depth}`;
  return `${CHROM}\t${site.pos}\t${site.rsid ?? '.'}\t${site.ref}\t${site.alts.join(',')}\t${site.qual}\t${site.filter}\t${info}\t${FORMAT_KEYS}\t`;
}

/** AC / AN to 4 significant digits, as 1000 Genomes writes AF (`0.0001997`, `0.5`); `.` when nothing was called. */
function alleleFrequencyText(ac: number, an: number): string {
  return an === 0 ? '.' : String(Number((ac / an).toPrecision(4)));
}
