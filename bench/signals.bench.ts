import { join } from 'node:path';
import type { SignalResult } from '../workers/engine/api.js';
import type { Benchmark, BenchContext } from './benchmark.js';
import { caersScreens } from './caers-screen.js';
import type { Figure } from './figure.js';
import { fitReport } from './fit-report.js';
import { faersImportAndScreen } from './faers-scale.js';
import { formatCount, formatMB, formatMs } from './format.js';
import { generateFaers, removeFaers, type FaersCounts } from './generate-faers.js';
import { loadLine, machineLine } from './machine.js';
import { median, timed } from './stats.js';
import type { TimedCall } from './timed-call.js';
import { timelineReport } from './timeline-report.js';

const CAERS_RUNS = 5;
const CAERS_TARGET_MS = 1_000;
const FAERS_IMPORT_TARGET_MS = 90_000;
const FAERS_SCREEN_TARGET_MS = 60_000;
const PEAK_RSS_TARGET_MIB = 8 * 1024;
const NAME = 'signals';

export const signalsBenchmark: Benchmark = {
  name: NAME,
  description: 'signal screens: the caers MGPS workflow, then a generated FAERS extract imported and screened',
  inputSize: ({ reports }) => `${formatCount(reports)} FAERS reports`,
  async run(ctx) {
    const { log } = ctx;
    log(machineLine());
    log(`at the start: ${loadLine()}`);
    const figures = await caersFigures(ctx);

    const generation = await timed(() => generateFaers(ctx.dataDir, ctx.reports, ctx.seed));
    const { folder, counts, reused } = generation.result;
    log(reused
      ? `data: reusing ${folder}`
      : `data: generated ${folder} in ${formatMs(generation.ms)}${ctx.keep ? ' (kept for the next run)' : ' (deleted after the run; --keep keeps it)'}`);
    log(`data: ${dataLine(counts)}, seed ${ctx.seed}`);
    try {
      figures.push(...await faersFigures(ctx, folder, counts));
    } finally {
      if (!reused && !ctx.keep) await removeFaers(folder);
    }

    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    log(`peak RSS of this process: ${peakRssMiB.toFixed(0)} MiB (DuckDB's memory included; also whatever ran before in this process)`);
    figures.push({ benchmark: NAME, name: 'peak RSS', value: peakRssMiB, unit: 'MiB', target: { max: PEAK_RSS_TARGET_MIB }, note: 'whole process, DuckDB included' });
    return figures;
  },
};

async function caersFigures(ctx: BenchContext): Promise<Figure[]> {
  const { log } = ctx;
  const caers = await caersScreens(join(ctx.dataDir, 'bench-signals-caers.duckdb'), CAERS_RUNS);
  log(`caers: imported test/fixtures/caers.csv as a report table in ${formatMs(caers.importMs)} (not timed)`);
  for (const [i, run] of caers.runs.entries()) log(`caers screen ${i + 1}  ${formatMs(run.ms).padStart(8)}  CPU ${formatMs(run.cpuMs).padStart(8)}`);
  const medianRun = byMedianTime(caers.runs);
  log(`caers: ${screenLine(medianRun.result)}`);
  for (const line of fitReport(medianRun.result.fit)) log(line);
  for (const line of timelineReport('caers screen steps, the median run', medianRun.steps, medianRun.ms)) log(line);
  return [{
    benchmark: NAME, name: `caers MGPS workflow (median of ${caers.runs.length})`, value: medianRun.ms, unit: 'ms',
    target: { max: CAERS_TARGET_MS }, note: 'counts, fit, measures, result table, first page',
  }];
}

async function faersFigures(ctx: BenchContext, folder: string, counts: FaersCounts): Promise<Figure[]> {
  const { log } = ctx;
  const runs = await faersImportAndScreen(folder, join(ctx.dataDir, 'bench-signals-faers.duckdb'));
  const { importRun, screenRun } = runs;

  const imported = importRun.result;
  log(`FAERS import + dedup: ${formatMs(importRun.ms)} (CPU ${formatMs(importRun.cpuMs)}), ${formatCount(imported.dataset.rows)} reports; right after it: ${runs.loadAfterImport}`);
  log(`import counts: ${Object.entries(imported.counts ?? {}).filter(([, v]) => v !== 0).map(([k, v]) => `${k} ${formatCount(v)}`).join(', ')}`);
  for (const line of checkCounts(imported.counts ?? {}, counts)) log(line);
  for (const warning of imported.warnings ?? []) log(`import warning: ${warning}`);
  for (const line of timelineReport('FAERS import steps', importRun.steps, importRun.ms, true)) log(line);

  const screen = screenRun.result;
  log(`FAERS screen: ${formatMs(screenRun.ms)} (CPU ${formatMs(screenRun.cpuMs)}), ${screenLine(screen)}; right after it: ${runs.loadAfterScreen}`);
  for (const line of fitReport(screen.fit)) log(line);
  for (const warning of screen.warnings) log(`screen warning: ${warning}`);
  for (const line of timelineReport('FAERS screen steps', screenRun.steps, screenRun.ms)) log(line);
  log('  (counting ends with reading N and E into arrays; computing the measures includes the result table, its audit entry and COMMIT)');
  log(`closing the workspace afterwards: ${formatMs(runs.closeMs)} (not part of either figure)`);

  return [
    { benchmark: NAME, name: 'FAERS import + dedup', value: importRun.ms, unit: 'ms', target: { max: FAERS_IMPORT_TARGET_MS }, note: `${formatMB(counts.bytes)}, CPU ${formatMs(importRun.cpuMs)}` },
    { benchmark: NAME, name: 'FAERS screen, all pairs, 4 measures', value: screenRun.ms, unit: 'ms', target: { max: FAERS_SCREEN_TARGET_MS }, note: `${formatCount(screen.pairs)} pairs, CPU ${formatMs(screenRun.cpuMs)}` },
  ];
}

function dataLine(c: FaersCounts): string {
  return `${formatCount(c.reports)} reports (${formatCount(c.versions)} DEMO rows with older versions), ` +
    `${formatCount(c.drugRows)} DRUG, ${formatCount(c.eventRows)} REAC, ${formatCount(c.outcomeRows)} OUTC rows, 8 quarters, ${formatMB(c.bytes)}`;
}

function screenLine(r: SignalResult): string {
  const signals = r.page.totalRows === undefined ? '' : `, result table ${r.resultTable} (${formatCount(r.page.totalRows)} rows)`;
  return `${formatCount(r.pairs)} pairs from ${formatCount(r.reports)} reports${signals}`;
}

/** What the import kept beside what the generator wrote for the versions dedup should keep. */
function checkCounts(imported: Record<string, number>, generated: FaersCounts): string[] {
  const pairs: [string, number | undefined, number][] = [
    ['reports', imported.reports, generated.reports],
    ['versions read', imported.versionsRead, generated.versions],
    ['drug rows', imported.drugRows, generated.keptDrugRows],
    ['event rows', imported.eventRows, generated.keptEventRows],
    ['outcome rows', imported.outcomeRows, generated.keptOutcomeRows],
  ];
  const wrong = pairs.filter(([, got, expected]) => got !== expected);
  if (wrong.length === 0) return ['import check: reports, versions read, drug, event and outcome rows all match what was generated'];
  return wrong.map(([name, got, expected]) => `IMPORT MISMATCH: ${name} ${got === undefined ? 'missing' : formatCount(got)}, generated ${formatCount(expected)}`);
}

function byMedianTime<T>(runs: TimedCall<T>[]): TimedCall<T> {
  const ms = median(runs.map((r) => r.ms));
  return runs.reduce((best, r) => (Math.abs(r.ms - ms) < Math.abs(best.ms - ms) ? r : best));
}
