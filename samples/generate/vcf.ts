/**
 * Writes the cohort VCF 4.2 (plain text), samples.tsv linking samples to OMOP persons, and phenotype.tsv.
 * Samples are drawn case-control from the OMOP persons (cases = persons with the planted outcome), and
 * genotypes are drawn under Hardy–Weinberg from each site's allele frequencies, one record at a time.
 */
import { join } from 'node:path';
import { NSAID_GI_BLEED_EFFECT, VARIANT_ASSOCIATION_EFFECT } from './effects.js';
import type { Random } from './random.js';
import { CONTIGS, planSites, type VariantSite } from './vcf-sites.js';
import { delimitedRecord, flushFullWriters, LineWriter, type WrittenFile } from './write.js';

export interface CohortSample {
  sample: string;
  personId: number;
  isCase: boolean;
  /** Mean sequencing depth of this sample. */
  depth: number;
}

export interface VcfResult {
  files: WrittenFile[];
  samples: number;
  cases: number;
  controls: number;
  variants: number;
  multiAllelicVariants: number;
  missingCalls: number;
  /** Allele frequencies of the planted site as drawn, over called genotypes. */
  plantedCaseAlleleFrequency: number;
  plantedControlAlleleFrequency: number;
}

/** Picks up to `count` person ids from `candidates` without replacement (partial Fisher–Yates). */
function pickPersons(random: Random, candidates: Int32Array, count: number): Int32Array {
  const wanted = Math.min(count, candidates.length);
  for (let i = 0; i < wanted; i++) {
    const j = i + Math.floor(random.uniform() * (candidates.length - i));
    const held = candidates[i] as number;
    candidates[i] = candidates[j] as number;
    candidates[j] = held;
  }
  return candidates.slice(0, wanted);
}

/** Case-control sampling: cases up to the planted case share, controls for the rest; ordered by person. */
export function selectSamples(random: Random, outcomeByPerson: Uint8Array, count: number): CohortSample[] {
  const cases: number[] = [];
  const controls: number[] = [];
  for (let personId = 1; personId < outcomeByPerson.length; personId++) {
    (outcomeByPerson[personId] === 1 ? cases : controls).push(personId);
  }
  const chosenCases = pickPersons(random, Int32Array.from(cases), Math.round(count * VARIANT_ASSOCIATION_EFFECT.caseShare));
  const chosenControls = pickPersons(random, Int32Array.from(controls), count - chosenCases.length);
  const chosen = [...chosenCases, ...chosenControls].sort((a, b) => a - b);
  const width = Math.max(5, String(chosen.length).length);
  return chosen.map((personId, index) => ({
    sample: `S${String(index + 1).padStart(width, '0')}`,
    personId,
    isCase: outcomeByPerson[personId] === 1,
    depth: random.uniformBetween(20, 40),
  }));
}

function vcfHeader(samples: readonly CohortSample[], seed: number): string[] {
  return [
    '##fileformat=VCFv4.2',
    `##source=pmw-samples (synthetic, seed ${seed})`,
    '##reference=GRCh38',
    ...CONTIGS.map((contig) => `##contig=<ID=${contig.id},length=${contig.length},assembly=GRCh38>`),
    '##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count in called genotypes, for each ALT allele">',
    '##INFO=<ID=AN,Number=1,Type=Integer,Description="Total number of alleles in called genotypes">',
    '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency in called genotypes, for each ALT allele">',
    '##FILTER=<ID=LowQual,Description="Low variant quality">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">',
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...samples.map((entry) => entry.sample)].join('\t'),
  ];
}

/** Allele index drawn from [REF, ALT1, ALT2, ...] with the given ALT frequencies. */
function drawAllele(random: Random, frequencies: readonly number[]): number {
  let draw = random.uniform();
  for (let i = 0; i < frequencies.length; i++) {
    draw -= frequencies[i] as number;
    if (draw < 0) return i + 1;
  }
  return 0;
}

function formatFrequency(count: number, total: number): string {
  return total === 0 ? '.' : String(Number((count / total).toPrecision(4)));
}

interface SiteCounts {
  alleleCounts: number[];
  calledAlleles: number;
  missing: number;
  caseAlt: number;
  caseAlleles: number;
  controlAlt: number;
  controlAlleles: number;
}

/** One VCF record; the planted site uses each sample's case or control frequency. */
function genotypeRecord(random: Random, site: VariantSite, samples: readonly CohortSample[]): { line: string; counts: SiteCounts } {
  const counts: SiteCounts = { alleleCounts: site.alts.map(() => 0), calledAlleles: 0, missing: 0, caseAlt: 0, caseAlleles: 0, controlAlt: 0, controlAlleles: 0 };
  const effect = VARIANT_ASSOCIATION_EFFECT;
  const cells: string[] = new Array<string>(samples.length);
  samples.forEach((sample, index) => {
    if (random.uniform() < site.missingRate) {
      counts.missing++;
      cells[index] = './.:.:.';
      return;
    }
    const frequencies = site.kind === 'planted' ? [sample.isCase ? effect.caseAlleleFrequency : effect.controlAlleleFrequency] : site.alleleFrequencies;
    const first = drawAllele(random, frequencies);
    const second = drawAllele(random, frequencies);
    const [low, high] = first <= second ? [first, second] : [second, first];
    for (const allele of [low, high]) if (allele > 0) counts.alleleCounts[allele - 1] = (counts.alleleCounts[allele - 1] ?? 0) + 1;
    counts.calledAlleles += 2;
    const altAlleles = (low > 0 ? 1 : 0) + (high > 0 ? 1 : 0);
    if (sample.isCase) {
      counts.caseAlt += altAlleles;
      counts.caseAlleles += 2;
    } else {
      counts.controlAlt += altAlleles;
      counts.controlAlleles += 2;
    }
    const depth = random.poisson(sample.depth);
    const quality = Math.min(99, (low === high ? 3 : 2) * depth + random.integer(0, 6));
    cells[index] = `${low}/${high}:${depth}:${quality}`;
  });
  const info = [
    `AC=${counts.alleleCounts.join(',')}`,
    `AN=${counts.calledAlleles}`,
    `AF=${counts.alleleCounts.map((count) => formatFrequency(count, counts.calledAlleles)).join(',')}`,
  ].join(';');
  const fixed = [site.chrom, site.pos, site.id, site.ref, site.alts.join(','), site.qual, site.filter, info, 'GT:DP:GQ'];
  return { line: `${delimitedRecord(fixed, '\t')}\t${cells.join('\t')}`, counts };
}

export async function writeVcf(random: Random, outDirectory: string, seed: number, outcomeByPerson: Uint8Array, sampleCount: number, variantCount: number): Promise<VcfResult> {
  const directory = join(outDirectory, 'vcf');
  const samples = selectSamples(random.fork('samples'), outcomeByPerson, sampleCount);
  const sampleWriter = new LineWriter(join(directory, 'samples.tsv'));
  const phenotypeWriter = new LineWriter(join(directory, 'phenotype.tsv'));
  sampleWriter.line('sample\tperson_id');
  phenotypeWriter.line(`sample\t${phenotypeColumn()}`);
  for (const entry of samples) {
    sampleWriter.line(`${entry.sample}\t${entry.personId}`);
    phenotypeWriter.line(`${entry.sample}\t${entry.isCase ? 1 : 0}`);
  }

  const sites = planSites(random.fork('sites'), variantCount);
  const genotypeRandom = random.fork('genotypes');
  const vcfWriter = new LineWriter(join(directory, 'cohort.vcf'));
  for (const line of vcfHeader(samples, seed)) vcfWriter.line(line);
  const cases = samples.filter((entry) => entry.isCase).length;
  const result: VcfResult = {
    files: [], samples: samples.length, cases, controls: samples.length - cases, variants: sites.length,
    multiAllelicVariants: sites.filter((site) => site.alts.length > 1).length, missingCalls: 0,
    plantedCaseAlleleFrequency: 0, plantedControlAlleleFrequency: 0,
  };
  for (const site of sites) {
    const { line, counts } = genotypeRecord(genotypeRandom, site, samples);
    vcfWriter.line(line);
    result.missingCalls += counts.missing;
    if (site.kind === 'planted') {
      result.plantedCaseAlleleFrequency = counts.caseAlt / counts.caseAlleles;
      result.plantedControlAlleleFrequency = counts.controlAlt / counts.controlAlleles;
    }
    await flushFullWriters([vcfWriter]);
  }
  result.files.push(await sampleWriter.close(), await phenotypeWriter.close(), await vcfWriter.close());
  return result;
}

/** phenotype.tsv's column: 1 = the person has the planted OMOP outcome (any record of it). */
export function phenotypeColumn(): string {
  return NSAID_GI_BLEED_EFFECT.outcome.name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
}
