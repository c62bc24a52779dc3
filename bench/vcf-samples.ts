import { Prng } from './prng.js';

/** Share of samples with an `HG` id; the rest are `NA`, as in 1000 Genomes phase 3 (about 60 / 40). */
const HG_SHARE = 0.6;
const FIRST_HG = 96;
const FIRST_NA = 6_984;
const CASE_SHARE = 0.5;
const SALT_SAMPLES = 0x5a3;

/** The generated samples, in VCF column order, and who is a case. */
export interface VcfCohort {
  ids: string[];
  /** 1 for a case, 0 for a control, by column. */
  isCase: Uint8Array;
  cases: number;
}

/**
 * `samples` 1000 Genomes-like ids (`HG00096`, `HG00097`, `HG00099`, …, then `NA06984`, …: rising, with gaps)
 * and a case/control status for each, about half cases, all from the seed.
 */
export function drawCohort(samples: number, seed: number): VcfCohort {
  const prng = new Prng(seed ^ SALT_SAMPLES);
  const hgCount = Math.round(samples * HG_SHARE);
  const ids: string[] = [];
  let hg = FIRST_HG;
  let na = FIRST_NA;
  for (let i = 0; i < samples; i++) {
    if (i < hgCount) {
      ids.push(`HG${String(hg).padStart(5, '0')}`);
      hg += 1 + prng.int(3);
    } else {
      ids.push(`NA${String(na).padStart(5, '0')}`);
      na += 1 + prng.int(27);
    }
  }
  const isCase = new Uint8Array(samples);
  let cases = 0;
  for (let i = 0; i < samples; i++) {
    if (prng.chance(CASE_SHARE)) {
      isCase[i] = 1;
      cases++;
    }
  }
  return { ids, isCase, cases };
}

/** The phenotype file pmw reads (docs/vcf.md): a header, then sample and `case` or `control`, tab-separated. */
export function phenotypeText(cohort: VcfCohort): string {
  return ['sample\tstatus', ...cohort.ids.map((id, i) => `${id}\t${cohort.isCase[i] ? 'case' : 'control'}`)].join('\n') + '\n';
}

/**
 * The same phenotype as PLINK's `--pheno` wants it: FID, IID (both the sample id, as `--double-id` makes
 * them) and 2 for a case, 1 for a control.
 */
export function plinkPhenotypeText(cohort: VcfCohort): string {
  return ['FID IID status', ...cohort.ids.map((id, i) => `${id} ${id} ${cohort.isCase[i] ? 2 : 1}`)].join('\n') + '\n';
}
