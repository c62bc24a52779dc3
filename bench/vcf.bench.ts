import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssociationResult } from '../workers/engine/api.js';
import { WorkspaceEngine } from '../workers/engine/engine.js';
import type { Benchmark, BenchContext } from './benchmark.js';
import { cachedDataLine } from './cached-data.js';
import { childScriptReport } from './child-script.js';
import { removeDatabase } from './db-files.js';
import type { Figure } from './figure.js';
import { formatCount, formatMs } from './format.js';
import { loadLine, machineLine } from './machine.js';
import { onPath, type CommandRun } from './measured-command.js';
import { readPlinkVariants } from './plink-output.js';
import { BCFTOOLS, PLINK, runBcftoolsToBcf, runPlink, type PlinkRuns } from './plink-runs.js';
import { bestAndFirstFigures, repeatCall, runLines, type RepeatedCall } from './repeated-call.js';
import { timed } from './stats.js';
import { timelineReport } from './timeline-report.js';
import { cachedVcf, removeVcf, type CachedVcf } from './vcf-cache.js';
import { crossCheckLines, crossCheckVariants, crossCheckVerdict, keepShownVariants, pmwVariants } from './vcf-cross-check.js';
import type { VcfImportReport } from './vcf-import-child.js';
import { associationLine, commandLine, formatMiB, rateLine, sideBySideLines, vcfDataLines } from './vcf-report.js';

const NAME = 'vcf';
/** The issue's targets: import ≤ 3× PLINK's `--make-bed` wall time, within 4 GB; all statistics ≤ 2 s. */
const IMPORT_RATIO_TARGET = 3;
const IMPORT_RSS_TARGET_MIB = 4_096;
const ASSOCIATION_TARGET_MS = 2_000;
const RUNS = 3;
const DATASET = 'vcfbench';
const IMPORT_CHILD = fileURLToPath(new URL('./vcf-import-child.ts', import.meta.url));

export const vcfBenchmark: Benchmark = {
  name: NAME,
  description: 'a generated 1000 Genomes-like VCF: import and frequencies + HWE + association, each beside plink1.9 on the same file',
  inputSize: ({ samples, variants }) => `${formatCount(samples)} samples × ${formatCount(variants)} variants`,
  async run(ctx) {
    const { log } = ctx;
    log(machineLine());
    log(`at the start: ${loadLine()}`);
    const generation = await timed(() => cachedVcf(ctx.dataDir, ctx.samples, ctx.variants, ctx.seed));
    const data = generation.result;
    log(cachedDataLine(data, generation.ms, ctx.keep));
    for (const line of vcfDataLines(data.manifest)) log(line);
    try {
      return await measure(ctx, data);
    } finally {
      if (!data.reused && !ctx.keep) await removeVcf(data.folder);
    }
  },
};

async function measure(ctx: BenchContext, data: CachedVcf): Promise<Figure[]> {
  const workDir = join(ctx.dataDir, 'vcf-reference');
  const dbPath = join(ctx.dataDir, 'bench-vcf.duckdb');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  try {
    const plink = await plinkSide(ctx, data, workDir);
    const bcftools = await bcftoolsSide(ctx, data, workDir);
    const imported = await importSide(ctx, data, dbPath);
    const association = await associationSide(ctx, data, dbPath, imported, plink);
    return [...referenceFigures(plink, bcftools), ...pmwFigures(ctx, imported, association, plink)];
  } finally {
    await rm(workDir, { recursive: true, force: true });
    await removeDatabase(dbPath);
  }
}

/** PLINK 1.9's conversion and statistics, or null when it is not installed. */
async function plinkSide(ctx: BenchContext, data: CachedVcf, workDir: string): Promise<PlinkRuns | null> {
  const { log } = ctx;
  if (!onPath(PLINK)) {
    log(`${PLINK} is not installed (Debian: apt-get install plink1.9): pmw's figures are shown without PLINK's, and the import ratio is n/a`);
    return null;
  }
  const runs = await runPlink(data.vcf, data.plinkPhenotype, workDir);
  log(`${PLINK} --vcf --make-bed: ${commandLine(runs.makeBed)}`);
  log(rateLine(`${PLINK} --vcf --make-bed`, runs.makeBed.ms, data.manifest));
  for (const [flag, run] of [['--freq', runs.freq], ['--hardy', runs.hardy], ['--assoc', runs.assoc]] as const) log(`${PLINK} ${flag} on the .bed: ${commandLine(run)}`);
  log(`right after ${PLINK}: ${loadLine()}`);
  return runs;
}

async function bcftoolsSide(ctx: BenchContext, data: CachedVcf, workDir: string): Promise<CommandRun | null> {
  if (!onPath(BCFTOOLS)) {
    ctx.log(`${BCFTOOLS} is not installed (Debian: apt-get install bcftools); bcftools view -Ob is skipped`);
    return null;
  }
  const run = await runBcftoolsToBcf(data.vcf, workDir);
  ctx.log(`${BCFTOOLS} view -Ob (VCF → BCF, for scale; no target): ${commandLine(run)}`);
  return run;
}

/** pmw's import in a child process of its own, so its peak RSS is the import's alone. */
async function importSide(ctx: BenchContext, data: CachedVcf, dbPath: string): Promise<VcfImportReport> {
  const { log } = ctx;
  const report = await childScriptReport<VcfImportReport>(IMPORT_CHILD, [dbPath, data.vcf, DATASET], 'the pmw VCF import');
  if (report.status === 'not built') {
    log(`pmw import (engine.importFile kind vcf): not available yet (${report.message})`);
    return report;
  }
  log(`pmw import: ${formatMs(report.ms)} (CPU ${formatMs(report.cpuMs)}), peak RSS ${formatMiB(report.peakRssMiB)} in a child process ` +
    `that held ${formatMiB(report.startRssMiB)} before the workspace was opened; close() afterwards ${formatMs(report.closeMs)}, ` +
    `peak RSS then ${formatMiB(report.peakRssAfterCloseMiB)}; right after it: ${loadLine()}`);
  log(rateLine('pmw import', report.ms, data.manifest));
  const counts = Object.entries(report.counts).map(([k, v]) => `${k} ${formatCount(v)}`).join(', ');
  if (counts) log(`pmw import counts: ${counts}`);
  for (const warning of report.warnings) log(`pmw import warning: ${warning}`);
  for (const line of timelineReport('pmw import steps', report.steps, report.ms, true)) log(line);
  return report;
}

/** pmw's association, timed 3 times on the imported workspace, then compared with PLINK's numbers. */
async function associationSide(
  ctx: BenchContext, data: CachedVcf, dbPath: string, imported: VcfImportReport, plink: PlinkRuns | null,
): Promise<RepeatedCall<AssociationResult> | null> {
  const { log } = ctx;
  const plinkVariants = plink ? await readPlinkVariants(plink.prefix) : null;
  const candidates = plinkVariants ? crossCheckVariants(plinkVariants, data.manifest.planted.rsid) : [{ label: 'planted', snp: data.manifest.planted.rsid }];
  if (imported.status !== 'imported') {
    log('pmw association: not available yet (it needs the import)');
    if (plinkVariants) for (const line of ['cross-check, PLINK only:', ...crossCheckLines(keepShownVariants(candidates, null), plinkVariants, null)]) log(line);
    return null;
  }
  const engine = new WorkspaceEngine();
  try {
    await engine.openWorkspace(dbPath);
    const spec = { dataset: DATASET, phenotype: { file: data.phenotype } };
    const association = await repeatCall(RUNS, (progress) => engine.association(spec, progress));
    if (!association) log('pmw association (engine.association): not available yet');
    else {
      for (const line of runLines('pmw association', association)) log(line);
      log(associationLine(association.best.result));
      for (const warning of association.best.result.warnings) log(`association warning: ${warning}`);
      for (const line of timelineReport('pmw association steps, the best run', association.best.steps, association.best.ms, true)) log(line);
    }
    const pmw = association ? await pmwVariants(engine, association.best.result.resultTable, candidates.map((v) => v.snp)) : null;
    const variants = keepShownVariants(candidates, pmw);
    log('cross-check on the same file (PLINK with --keep-allele-order, so A1 = ALT; AF over all samples; HWE exact p in controls,')
    log('PLINK\'s UNAFF row, as pmw\'s hwe_p; p (chi²) is the allelic test without continuity correction):');
    for (const line of crossCheckLines(variants, plinkVariants, pmw)) log(line);
    if (plinkVariants && pmw) log(crossCheckVerdict(variants, plinkVariants, pmw));
    return association;
  } finally {
    await engine.close();
  }
}

function referenceFigures(plink: PlinkRuns | null, bcftools: CommandRun | null): Figure[] {
  const figures: Figure[] = [];
  if (plink) {
    figures.push({ benchmark: NAME, name: `${PLINK} --vcf --make-bed`, value: plink.makeBed.ms, unit: 'ms',
      note: `CPU ${formatMs(plink.makeBed.cpuMs)}, peak RSS ${formatMiB(plink.makeBed.peakRssMiB)}` });
    const statistics = plink.freq.ms + plink.hardy.ms + plink.assoc.ms;
    figures.push({ benchmark: NAME, name: `${PLINK} --freq + --hardy + --assoc`, value: statistics, unit: 'ms',
      note: `${formatMs(plink.freq.ms)} + ${formatMs(plink.hardy.ms)} + ${formatMs(plink.assoc.ms)}, three runs on the .bed` });
  }
  if (bcftools) {
    figures.push({ benchmark: NAME, name: `${BCFTOOLS} view -Ob`, value: bcftools.ms, unit: 'ms',
      note: `CPU ${formatMs(bcftools.cpuMs)}, peak RSS ${formatMiB(bcftools.peakRssMiB)}` });
  }
  return figures;
}

/** pmw's figures against their targets, with the side-by-side table printed. */
function pmwFigures(ctx: BenchContext, imported: VcfImportReport, association: RepeatedCall<AssociationResult> | null, plink: PlinkRuns | null): Figure[] {
  const importMs = imported.status === 'imported' ? imported.ms : NaN;
  const importRss = imported.status === 'imported' ? imported.peakRssMiB : NaN;
  const importCpu = imported.status === 'imported' ? imported.cpuMs : NaN;
  const plinkMs = plink?.makeBed.ms ?? NaN;
  const plinkStatisticsMs = plink ? plink.freq.ms + plink.hardy.ms + plink.assoc.ms : NaN;
  const ratio = importMs / plinkMs;
  const ratioNote = !plink ? `${PLINK} is not installed` : imported.status !== 'imported' ? 'the import is being built'
    : `pmw ${formatMs(importMs)} (CPU ${formatMs(imported.cpuMs)}), ${PLINK} ${formatMs(plinkMs)} (CPU ${formatMs(plink.makeBed.cpuMs)})`;
  const bestMs = association?.best.ms ?? NaN;
  const verdict = (value: number, max: number) => (Number.isNaN(value) ? 'n/a' : value <= max ? 'PASS' : 'FAIL');
  const ms = (value: number) => (Number.isNaN(value) ? 'not available yet' : formatMs(value));

  ctx.log('pmw beside plink1.9 (same file, same run):');
  for (const line of sideBySideLines([
    { figure: 'import: VCF → workspace / --make-bed', pmw: ms(importMs), plink: ms(plinkMs), target: `≤ ${IMPORT_RATIO_TARGET}× plink${plink ? ` = ${formatMs(IMPORT_RATIO_TARGET * plinkMs)}` : ''}`,
      result: `${verdict(ratio, IMPORT_RATIO_TARGET)}${Number.isNaN(ratio) ? '' : ` (${ratio.toFixed(2)}×)`}` },
    { figure: 'import peak RSS', pmw: Number.isNaN(importRss) ? 'not available yet' : formatMiB(importRss), plink: formatMiB(plink?.makeBed.peakRssMiB ?? NaN),
      target: `≤ ${formatMiB(IMPORT_RSS_TARGET_MIB)}`, result: verdict(importRss, IMPORT_RSS_TARGET_MIB) },
    { figure: `frequencies + HWE + association (best of ${RUNS})`, pmw: ms(bestMs), plink: ms(plinkStatisticsMs),
      target: `≤ ${formatMs(ASSOCIATION_TARGET_MS)}`, result: verdict(bestMs, ASSOCIATION_TARGET_MS) },
  ])) ctx.log(line);

  return [
    { benchmark: NAME, name: `import ÷ ${PLINK} --make-bed`, value: ratio, unit: 'ratio', target: { max: IMPORT_RATIO_TARGET }, note: ratioNote },
    { benchmark: NAME, name: 'import (engine.importFile, kind vcf)', value: importMs, unit: 'ms',
      note: imported.status === 'imported' ? `CPU ${formatMs(imported.cpuMs)}, in a child process` : 'the Engine says it is being built' },
    { benchmark: NAME, name: `import CPU ÷ ${PLINK} CPU`, value: importCpu / (plink?.makeBed.cpuMs ?? NaN), unit: 'ratio',
      note: 'all threads; steadier than wall time on a busy machine, and pmw parses on several threads' },
    { benchmark: NAME, name: 'import peak RSS', value: importRss, unit: 'MiB', target: { max: IMPORT_RSS_TARGET_MIB },
      note: `the importing process${plink ? `; ${PLINK} ${formatMiB(plink.makeBed.peakRssMiB)}` : ''}` },
    ...bestAndFirstFigures(NAME, 'frequencies + HWE + association, all variants', association, { max: ASSOCIATION_TARGET_MS },
      plink ? `${PLINK} ${formatMs(plinkStatisticsMs)}` : undefined),
  ];
}
