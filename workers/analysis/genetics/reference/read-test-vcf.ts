/**
 * Test-only: a VCF read into `FixtureVariant`s (GT only; multi-allelic records split per ALT as
 * docs/vcf.md says), to feed the reference VCFs to the analyses before the importer exists. The real
 * importer (workers/import/vcf) replaces this in end-to-end tests.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { type FixtureVariant, packGenotype } from '../testing.js';

export interface TestVcf {
  samples: string[];
  variants: FixtureVariant[];
}

export function readTestVcf(path: string): TestVcf {
  const bytes = readFileSync(path);
  const text = (path.endsWith('gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  let samples: string[] = [];
  const variants: FixtureVariant[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('##')) continue;
    const fields = line.split('\t');
    if (line.startsWith('#CHROM')) {
      samples = fields.slice(9);
      continue;
    }
    const [chrom, pos, id, ref, altText, , , , format] = fields as [string, string, string, string, string, string, string, string, string];
    const gtAt = format.split(':').indexOf('GT');
    const gts = fields.slice(9).map((value) => (gtAt < 0 ? '' : (value.split(':')[gtAt] ?? '')));
    const alts = altText.split(',');
    alts.forEach((alt, k) => {
      variants.push({
        chrom, pos: Number(pos), ref, alt, rsid: id === '.' ? null : id, alleleIndex: k + 1, nAlleles: alts.length + 1,
        calls: Uint8Array.from(gts, (gt) => (gtAt < 0 ? 0 : packGenotype(gt, k + 1))), gts,
      });
    });
  }
  return { samples, variants };
}
