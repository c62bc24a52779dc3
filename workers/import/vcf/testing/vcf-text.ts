import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Test-only: a small VCF 4.2 text with GT:DP:GQ for the given samples and data lines (tab-separated). */
export function vcfText(samples: string[], records: string[], extraHeader: string[] = []): string {
  return [
    '##fileformat=VCFv4.2',
    '##contig=<ID=chr1,length=1000000>',
    '##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count">',
    '##INFO=<ID=AN,Number=1,Type=Integer,Description="Allele number">',
    '##INFO=<ID=AD,Number=R,Type=Integer,Description="Depth per allele">',
    '##INFO=<ID=GL,Number=G,Type=Float,Description="Likelihoods">',
    '##INFO=<ID=DB,Number=0,Type=Flag,Description="dbSNP">',
    '##INFO=<ID=NOTE,Number=1,Type=String,Description="A note">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Quality">',
    ...extraHeader,
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', ...(samples.length ? ['FORMAT', ...samples] : [])].join('\t'),
    ...records,
  ].join('\n') + '\n';
}

/** Writes `text` to `dir/name`, gzip-compressed when the name ends in .gz (one gzip member per `members` part). */
export function writeVcf(dir: string, name: string, text: string, members = 1): string {
  const path = join(dir, name);
  if (!name.endsWith('.gz')) {
    writeFileSync(path, text);
    return path;
  }
  const size = Math.ceil(text.length / members);
  const parts = Array.from({ length: members }, (_, i) => gzipSync(text.slice(i * size, (i + 1) * size)));
  writeFileSync(path, Buffer.concat(parts));
  return path;
}
