import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BgzfWriter } from './bgzf-writer.js';
import { formatCount, formatMB, formatMs } from './format.js';
import { Prng } from './prng.js';
import { FORMAT_KEYS, GenotypeWriter, type GenotypeCounts } from './vcf-genotypes.js';
import { recordPrefix, vcfHeader } from './vcf-lines.js';
import { drawCohort, phenotypeText, plinkPhenotypeText } from './vcf-samples.js';
import { CHROM, PLANTED, SiteDrawer, type VcfSite } from './vcf-sites.js';

/** Bumped whenever the files change shape or content, so a cached VCF of the old shape is not reused. */
export const VCF_FORMAT_VERSION = 1;
export const VCF_FILE = 'genotypes.vcf.gz';
/** For pmw: sample, then `case` or `control`. */
export const PHENOTYPE_FILE = 'phenotype.tsv';
/** For PLINK's `--pheno`: FID, IID, 2 (case) or 1 (control). */
export const PLINK_PHENOTYPE_FILE = 'phenotype-plink.txt';
export const MANIFEST_FILE = 'manifest.json';
const SALT_RECORDS = 0x7cf;
const PROGRESS_STEPS = 10;
/**
 * zlib level 4, not bgzip's default 6: on these genotype columns level 6 is 3–4 times slower for a file
 * 12 % smaller, and decompression (what an importer pays) runs at the same speed either way.
 */
const COMPRESSION_LEVEL = 4;

/** The planted variant as written, with what was drawn for it. */
export interface PlantedVariant {
  chrom: string;
  pos: number;
  rsid: string;
  ref: string;
  alt: string;
  caseFreq: number;
  controlFreq: number;
  /** ALT copies and called alleles drawn among cases and controls. */
  acCases: number;
  anCases: number;
  acControls: number;
  anControls: number;
}

/** What was generated, kept as `manifest.json` in the folder; a run reuses the folder when it matches. */
export interface VcfManifest {
  formatVersion: number;
  samples: number;
  /** VCF records (lines). */
  records: number;
  /** ALT alleles: the variants after splitting multi-allelic records. */
  altAlleles: number;
  multiallelicRecords: number;
  seed: number;
  format: string;
  /** Uncompressed VCF bytes, header included. */
  textBytes: number;
  /** BGZF file bytes. */
  fileBytes: number;
  blocks: number;
  /** Calls with at least one ALT allele (a multi-allelic record's call counted once). */
  nonReferenceCalls: number;
  missingCalls: number;
  cases: number;
  controls: number;
  planted: PlantedVariant;
  generatedMs: number;
}

/**
 * Writes a seeded chr22-like VCF 4.2 of `samples` × `records` as BGZF into `folder`, with the phenotype
 * files and the manifest: into `<folder>.partial`, renamed when complete. The text is made record by record
 * in a reusable buffer and compressed block by block, so memory stays a few MB.
 */
export async function writeVcf(folder: string, samples: number, records: number, seed: number, log: (line: string) => void): Promise<VcfManifest> {
  const started = performance.now();
  const partial = `${folder}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    const cohort = drawCohort(samples, seed);
    await writeFile(join(partial, PHENOTYPE_FILE), phenotypeText(cohort));
    await writeFile(join(partial, PLINK_PHENOTYPE_FILE), plinkPhenotypeText(cohort));

    const prng = new Prng(seed ^ SALT_RECORDS);
    const plantedIndex = Math.floor(records / 2);
    const sites = new SiteDrawer(prng, samples, records, plantedIndex);
    const genotypes = new GenotypeWriter(cohort, prng);
    const vcf = await BgzfWriter.create(join(partial, VCF_FILE), COMPRESSION_LEVEL);
    await vcf.write(Buffer.from(vcfHeader(cohort.ids), 'latin1'));
    const tally = { altAlleles: 0, multiallelicRecords: 0, nonReferenceCalls: 0, missingCalls: 0 };
    let planted: PlantedVariant | null = null;
    for (let i = 0; i < records; i++) {
      const site = sites.next(i);
      const { text, counts } = genotypes.write(site);
      await vcf.write(Buffer.from(recordPrefix(site, counts), 'latin1'));
      await vcf.write(text);
      tally.altAlleles += site.alts.length;
      if (site.alts.length > 1) tally.multiallelicRecords++;
      tally.nonReferenceCalls += counts.carriers;
      tally.missingCalls += counts.missing;
      if (i === plantedIndex) planted = plantedVariant(site, counts);
      if ((i + 1) % Math.ceil(records / PROGRESS_STEPS) === 0) {
        log(`${formatCount(i + 1)} of ${formatCount(records)} records, ${formatCount(tally.nonReferenceCalls)} non-reference calls, ${formatMs(performance.now() - started)}`);
      }
    }
    const totals = await vcf.close();
    const manifest: VcfManifest = {
      formatVersion: VCF_FORMAT_VERSION, samples, records, seed, format: FORMAT_KEYS, ...tally, ...totals,
      cases: cohort.cases, controls: samples - cohort.cases, planted: planted!, generatedMs: performance.now() - started,
    };
    await writeFile(join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    await rm(folder, { recursive: true, force: true });
    await rename(partial, folder);
    return manifest;
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

function plantedVariant(site: VcfSite, counts: GenotypeCounts): PlantedVariant {
  return {
    chrom: CHROM, pos: site.pos, rsid: site.rsid!, ref: site.ref, alt: site.alts[0]!,
    caseFreq: PLANTED.caseFreq, controlFreq: PLANTED.controlFreq,
    acCases: counts.firstAltCases.copies, anCases: counts.firstAltCases.alleles,
    acControls: counts.firstAltControls.copies, anControls: counts.firstAltControls.alleles,
  };
}

/** `tsx bench/generate-vcf.ts FOLDER SAMPLES RECORDS SEED`: how the benchmark runs it, in a process of its own. */
async function main(argv: string[]): Promise<void> {
  const [folder, samples, records, seed] = argv;
  const counts = [samples, records, seed].map(Number);
  if (!folder || !counts.every(Number.isSafeInteger) || counts[0]! < 1 || counts[1]! < 1) {
    throw new Error('usage: tsx bench/generate-vcf.ts FOLDER SAMPLES RECORDS SEED');
  }
  const manifest = await writeVcf(resolve(folder), counts[0]!, counts[1]!, counts[2]!, (line) => console.log(`   generate: ${line}`));
  console.log(`   generate: ${formatCount(manifest.records)} records × ${formatCount(manifest.samples)} samples, ` +
    `${formatMB(manifest.textBytes)} of text in ${formatMB(manifest.fileBytes)} of BGZF, in ${formatMs(manifest.generatedMs)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
