/**
 * Generates one sample set: OMOP, FAERS and VCF files under one directory, plus manifest.json (sizes,
 * seed, planted effects, what the generator counted while drawing them, and a SHA-256 of every file).
 * Same seed and size give byte-identical files.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  FAERS_REPORTING_RATIOS,
  FAERS_SIGNAL_EFFECT,
  FAERS_VERSION_MODEL,
  HBA1C_EFFECT,
  NSAID_GI_BLEED_EFFECT,
  PHARMACOGENOMIC_SITES,
  VARIANT_ASSOCIATION_EFFECT,
} from './effects.js';
import { writeFaers, type FaersResult, type TwoByTwo } from './faers.js';
import { writeOmop, type StudyArmTally } from './omop.js';
import { Random } from './random.js';
import { SAMPLE_SIZES, type SampleSize, type SizeName } from './sizes.js';
import { writeVcf, type VcfResult } from './vcf.js';

export interface GenerateOptions {
  size: SizeName;
  seed: number;
  out: string;
  /** Told when each part starts and ends (the CLI prints it). */
  onProgress?: (message: string) => void;
}

export const MANIFEST_FILE = 'manifest.json';

/** manifest.json: what was generated, from what, and what the generator counted while drawing it. */
export interface SampleManifest {
  generator: string;
  size: SizeName;
  seed: number;
  contents: SampleSize;
  plantedEffects: Record<string, unknown>;
  realized: {
    omop: {
      exposure: StudyArmTally;
      comparator: StudyArmTally;
      crudeIncidenceRateRatio: number;
      personsWithOutcome: number;
    };
    faers: Omit<FaersResult, 'files'> & { prrDeduplicated: number; prrAllVersions: number };
    vcf: Omit<VcfResult, 'files'>;
  };
  files: { path: string; lines: number; bytes: number; sha256: string }[];
}

const round = (value: number, digits = 4): number => Number(value.toFixed(digits));

function proportionalReportingRatio({ a, b, c, d }: TwoByTwo): number {
  return a / (a + b) / (c / (c + d));
}

/** FAERS files of another run (e.g. more quarters) must not linger beside this run's. */
function removeStaleFaersFiles(directory: string): void {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    if (/^(DEMO|DRUG|REAC|OUTC)\d{2}Q[1-4]\.txt$/.test(name)) rmSync(join(directory, name));
  }
}

export async function generateSamples(options: GenerateOptions): Promise<SampleManifest> {
  const { size, seed, out } = options;
  const report = options.onProgress ?? ((): void => undefined);
  const spec = SAMPLE_SIZES[size];
  const root = new Random(seed, 'pmw-samples');
  mkdirSync(out, { recursive: true });
  removeStaleFaersFiles(join(out, 'faers'));

  let started = Date.now();
  const lap = (): number => {
    const elapsed = Date.now() - started;
    started = Date.now();
    return elapsed / 1000;
  };
  report(`omop: ${spec.persons} persons`);
  const omop = await writeOmop(root.fork('omop'), out, spec.persons);
  report(`omop done in ${lap()} s`);
  report(`faers: ${spec.faersQuarters.length} quarters × ~${spec.faersReportsPerQuarter} reports`);
  const faers = await writeFaers(root.fork('faers'), out, spec.faersQuarters, spec.faersReportsPerQuarter);
  report(`faers done in ${lap()} s`);
  report(`vcf: ${spec.vcfSamples} samples × ${spec.vcfVariants} variants`);
  const vcf = await writeVcf(root.fork('vcf'), out, seed, omop.outcomeByPerson, spec.vcfSamples, spec.vcfVariants);
  report(`vcf done in ${lap()} s`);

  const { exposure, comparator } = omop.arms;
  const { files: faersFiles, ...faersCounts } = faers;
  const { files: vcfFiles, ...vcfCounts } = vcf;
  const manifest: SampleManifest = {
    generator: 'pmw samples (samples/generate)',
    size,
    seed,
    contents: spec,
    plantedEffects: {
      nsaidGiBleed: NSAID_GI_BLEED_EFFECT,
      hba1c: HBA1C_EFFECT,
      faersSignal: FAERS_SIGNAL_EFFECT,
      faersVersions: FAERS_VERSION_MODEL,
      faersReportingRatios: FAERS_REPORTING_RATIOS,
      variantAssociation: VARIANT_ASSOCIATION_EFFECT,
      pharmacogenomicSites: PHARMACOGENOMIC_SITES,
    },
    realized: {
      omop: {
        exposure: { ...exposure, personYears: round(exposure.personYears, 3) },
        comparator: { ...comparator, personYears: round(comparator.personYears, 3) },
        crudeIncidenceRateRatio: round(exposure.events / exposure.personYears / (comparator.events / comparator.personYears)),
        personsWithOutcome: omop.outcomeByPerson.reduce((sum, flag) => sum + flag, 0),
      },
      faers: {
        ...faersCounts,
        prrDeduplicated: round(proportionalReportingRatio(faers.signalDeduplicated)),
        prrAllVersions: round(proportionalReportingRatio(faers.signalAllVersions)),
      },
      vcf: {
        ...vcfCounts,
        plantedCaseAlleleFrequency: round(vcf.plantedCaseAlleleFrequency),
        plantedControlAlleleFrequency: round(vcf.plantedControlAlleleFrequency),
      },
    },
    files: [...omop.files, ...faersFiles, ...vcfFiles].map((file) => ({
      path: relative(out, file.path).split(sep).join('/'),
      lines: file.lines,
      bytes: file.bytes,
      sha256: file.sha256,
    })),
  };
  writeFileSync(join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
