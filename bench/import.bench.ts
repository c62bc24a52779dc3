import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bareDuckDBImport, type BareImportRun } from './bare-import.js';
import type { Benchmark, BenchContext } from './benchmark.js';
import { engineImport, type EngineImportRun } from './engine-import.js';
import type { Figure } from './figure.js';
import { hashOnly, readThrough } from './file-passes.js';
import { formatCount, formatMB, formatMs, formatRate } from './format.js';
import { generateCsv } from './generate-csv.js';
import { machineLine } from './machine.js';
import { middlePageFetches, PAGE_ROWS } from './page-fetch.js';
import { phaseReport } from './phase-report.js';
import { median, timed } from './stats.js';

/** Imports of each kind; they alternate (bare, engine, engine, bare, ...) so neither always goes first. */
const ROUNDS = 3;
const RATIO_TARGET = 1.25;
const PAGE_TARGET_MS = 50;
const TABLE = 'bench';

export const importBenchmark: Benchmark = {
  name: 'import',
  description: 'CSV import through the Engine vs bare DuckDB, a page from the middle, peak memory',
  inputSize: ({ rows }) => `${formatCount(rows)} rows`,
  async run(ctx) {
    const { log } = ctx;
    log(machineLine());
    const generation = await timed(() => generateCsv(ctx.dataDir, ctx.rows, ctx.seed));
    const csv = generation.result;
    log(csv.reused
      ? `data: reusing ${csv.path}`
      : `data: generated ${csv.path} in ${formatMs(generation.ms)}${ctx.keep ? ' (kept for the next run)' : ' (deleted after the run; --keep keeps it)'}`);
    log(`data: ${formatCount(csv.rows)} rows, ${formatMB(csv.bytes)} (${(csv.bytes / csv.rows).toFixed(1)} bytes/row), seed ${ctx.seed}`);
    try {
      return await measure(ctx, csv.path, csv.bytes);
    } finally {
      if (!csv.reused && !ctx.keep) await rm(csv.path, { force: true });
    }
  },
};

async function measure(ctx: BenchContext, csvPath: string, bytes: number): Promise<Figure[]> {
  const { log, rows } = ctx;
  const readMs = await readThrough(csvPath);
  log(`page cache warmed: read the file once in ${formatMs(readMs)} (${formatRate(bytes, readMs)})`);
  const refs = { readMs: await readThrough(csvPath), hashMs: await hashOnly(csvPath) };
  log(`from the page cache: plain read ${formatMs(refs.readMs)}, SHA-256 alone ${formatMs(refs.hashMs)} (${formatRate(bytes, refs.hashMs)})`);

  const bare: BareImportRun[] = [];
  const engine: EngineImportRun[] = [];
  let pages: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (['bare', 'engine'] as const) : (['engine', 'bare'] as const);
    for (const kind of order) {
      if (kind === 'bare') {
        const run = await bareDuckDBImport(csvPath, join(ctx.dataDir, 'bench-bare.duckdb'));
        expectRows('bare DuckDB', run.rows, rows);
        bare.push(run);
        log(`round ${round + 1}  bare DuckDB  ${formatMs(run.ms).padStart(8)}  ${formatRate(bytes, run.ms).padStart(11)}  CPU ${formatMs(run.cpuMs).padStart(7)}  (close after: ${formatMs(run.closeMs)})`);
      } else {
        const lastRound = round === ROUNDS - 1;
        const run = await engineImport(csvPath, join(ctx.dataDir, 'bench-engine.duckdb'), lastRound
          ? async (e) => { pages = await middlePageFetches(e, TABLE, rows); }
          : undefined);
        expectRows('the Engine', run.rows, rows);
        engine.push(run);
        log(`round ${round + 1}  Engine       ${formatMs(run.ms).padStart(8)}  ${formatRate(bytes, run.ms).padStart(11)}  CPU ${formatMs(run.cpuMs).padStart(7)}  (close after: ${formatMs(run.closeMs)})`);
      }
    }
  }

  const bareMs = median(bare.map((r) => r.ms));
  const engineMs = median(engine.map((r) => r.ms));
  const ratio = engineMs / bareMs;
  const cpuRatio = median(engine.map((r) => r.cpuMs)) / median(bare.map((r) => r.cpuMs));
  const medianRun = [...engine].sort((a, b) => a.ms - b.ms)[engine.length >> 1]!;
  const pageMs = median(pages);
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  log(`medians: bare ${formatMs(bareMs)} (${formatRate(bytes, bareMs)}), Engine ${formatMs(engineMs)} (${formatRate(bytes, engineMs)}), ratio ${ratio.toFixed(2)}× (CPU time ratio ${cpuRatio.toFixed(2)}×)`);
  log(`${formatCount(PAGE_ROWS)}-row pages from the middle (${pages.length} fetches): ${pages.map((ms) => formatMs(ms)).join(', ')}`);
  for (const line of phaseReport(medianRun, { ...refs, bareMs }, ratio > RATIO_TARGET)) log(line);
  log(`peak RSS of this process: ${peakRssMiB.toFixed(0)} MiB (DuckDB's buffers included)`);

  const name = 'import';
  return [
    { benchmark: name, name: `bare DuckDB import (median of ${bare.length})`, value: bareMs, unit: 'ms', note: formatRate(bytes, bareMs) },
    { benchmark: name, name: `Engine import (median of ${engine.length})`, value: engineMs, unit: 'ms', note: formatRate(bytes, engineMs) },
    { benchmark: name, name: 'Engine ÷ bare', value: ratio, unit: 'ratio', target: { max: RATIO_TARGET } },
    { benchmark: name, name: 'Engine ÷ bare, CPU time', value: cpuRatio, unit: 'ratio', note: 'steadier than wall time on a busy machine' },
    { benchmark: name, name: `${formatCount(PAGE_ROWS)}-row page from the middle (median of ${pages.length})`, value: pageMs, unit: 'ms', target: { max: PAGE_TARGET_MS } },
    { benchmark: name, name: 'peak RSS', value: peakRssMiB, unit: 'MiB', note: "whole process, DuckDB's memory included" },
  ];
}

function expectRows(who: string, got: number, expected: number): void {
  if (got !== expected) throw new Error(`${who} imported ${formatCount(got)} rows, expected ${formatCount(expected)}`);
}
