import { join } from 'node:path';
import { runMeasured, type CommandRun } from './measured-command.js';

export const PLINK = 'plink1.9';
export const BCFTOOLS = 'bcftools';

/** PLINK 1.9 on the generated VCF: the conversion, then each per-variant statistic on the result. */
export interface PlinkRuns {
  makeBed: CommandRun;
  freq: CommandRun;
  hardy: CommandRun;
  assoc: CommandRun;
  /** `<prefix>.frq`, `<prefix>.hwe`, `<prefix>.assoc`, and `<prefix>-fisher.assoc.fisher` for the cross-check. */
  prefix: string;
}

/**
 * `--keep-allele-order` keeps A1 = ALT and A2 = REF, so `.frq`'s MAF is the ALT frequency and `.assoc`'s
 * OR is the ALT's, as pmw reports them. `--double-id` makes FID = IID = the VCF sample id, which the
 * phenotype file uses. `--allow-no-sex`: the generated samples have no sex, and PLINK would otherwise
 * drop their phenotypes.
 */
const COMMON = ['--keep-allele-order', '--allow-extra-chr'];

/**
 * Runs the conversion, `--freq`, `--hardy` and `--assoc` in `workDir`, each timed with its peak RSS.
 * `--hardy` gets the phenotype, so it tests all samples, cases and controls (rows ALL, AFF, UNAFF): pmw's
 * `hwe_p` is the controls' test.
 */
export async function runPlink(vcf: string, plinkPhenotype: string, workDir: string): Promise<PlinkRuns> {
  const prefix = join(workDir, 'plink');
  const onBed = ['--bfile', prefix, ...COMMON];
  const makeBed = await runMeasured(PLINK, ['--vcf', vcf, '--double-id', ...COMMON, '--make-bed', '--out', prefix]);
  const withPhenotype = [...onBed, '--pheno', plinkPhenotype, '--allow-no-sex'];
  const freq = await runMeasured(PLINK, [...onBed, '--freq', '--out', prefix]);
  const hardy = await runMeasured(PLINK, [...withPhenotype, '--hardy', '--out', prefix]);
  const assoc = await runMeasured(PLINK, [...withPhenotype, '--assoc', '--out', prefix]);
  await runMeasured(PLINK, [...withPhenotype, '--assoc', 'fisher', '--out', `${prefix}-fisher`]);
  return { makeBed, freq, hardy, assoc, prefix };
}

/** `bcftools view -Ob`: the VCF re-encoded as BCF, for scale (the issue measured about 31 s). */
export function runBcftoolsToBcf(vcf: string, workDir: string): Promise<CommandRun> {
  return runMeasured(BCFTOOLS, ['view', '-Ob', '-o', join(workDir, 'bcftools.bcf'), vcf]);
}
