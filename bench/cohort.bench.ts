import { join } from 'node:path';
import type { CohortRef, CohortResult, Engine } from '../workers/engine/api.js';
import { WorkspaceEngine } from '../workers/engine/engine.js';
import type { Benchmark, BenchContext } from './benchmark.js';
import { cachedDataLine } from './cached-data.js';
import { cachedCdm, removeCdm, type CachedCdm } from './cdm-cache.js';
import { CDM_CONCEPTS } from './cdm-vocabulary-sql.js';
import { giBleedDefinition, newUsersDefinition } from './cohort-definitions.js';
import { attritionLines, cdmSizeLines, incidenceLine, survivalLines, table1Lines } from './cohort-report.js';
import { removeDatabase } from './db-files.js';
import type { Figure } from './figure.js';
import { formatCount, formatMB, formatMs, sizeLabel } from './format.js';
import { loadLine, machineLine } from './machine.js';
import { bestAndFirstFigures, repeatCall, runLines } from './repeated-call.js';
import { timed } from './stats.js';
import { timedCall } from './timed-call.js';
import { timelineReport } from './timeline-report.js';

/** Runs of each timed analysis: the first may warm DuckDB's caches, the best shows the steady state. */
const RUNS = 3;
const COHORT_TARGET_MS = 2_000;
const TABLE1_TARGET_MS = 3_000;
const SURVIVAL_TARGET_MS = 1_000;
const NAME = 'cohort';

/** The cohorts every analysis reads, built once and referred to by table so no analysis rebuilds them. */
interface StudyCohorts {
  target: CohortRef;
  comparator: CohortRef;
  outcome: CohortRef;
}

export const cohortBenchmark: Benchmark = {
  name: NAME,
  description: 'clinical cohorts on a generated OMOP CDM: a definition with attrition, Table 1, Kaplan–Meier + log-rank, incidence',
  inputSize: ({ persons }) => `${formatCount(persons)} persons`,
  async run(ctx) {
    const { log } = ctx;
    log(machineLine());
    log(`at the start: ${loadLine()}`);
    const generation = await timed(() => cachedCdm(ctx.dataDir, ctx.persons, ctx.seed));
    const cdm = generation.result;
    log(cachedDataLine(cdm, generation.ms, ctx.keep));
    log(`data: ${formatCount(cdm.manifest.persons)} persons, seed ${cdm.manifest.seed}, Parquet:`);
    for (const line of cdmSizeLines(cdm.manifest)) log(line);
    try {
      return await measure(ctx, cdm);
    } finally {
      if (!cdm.reused && !ctx.keep) await removeCdm(cdm.folder);
    }
  },
};

async function measure(ctx: BenchContext, cdm: CachedCdm): Promise<Figure[]> {
  const { log } = ctx;
  const dbPath = join(ctx.dataDir, 'bench-cohort.duckdb');
  await removeDatabase(dbPath);
  const engine = new WorkspaceEngine();
  try {
    await engine.openWorkspace(dbPath);
    const dataset = `cdm${sizeLabel(ctx.persons)}`;
    const importRun = await timedCall((progress) => engine.importFile({ path: cdm.folder, kind: 'omop', name: dataset }, progress));
    log(`OMOP import: ${formatMs(importRun.ms)} (CPU ${formatMs(importRun.cpuMs)}) into dataset ${dataset}; right after it: ${loadLine()}`);
    for (const warning of importRun.result.warnings ?? []) log(`import warning: ${warning}`);
    for (const line of timelineReport('OMOP import steps', importRun.steps, importRun.ms, true)) log(line);
    const figures: Figure[] = [{
      benchmark: NAME, name: 'OMOP import (Parquet folder)', value: importRun.ms, unit: 'ms',
      note: `${formatCount(cdm.manifest.events)} events, ${formatMB(cdm.manifest.bytes)}, CPU ${formatMs(importRun.cpuMs)}`,
    }];

    const built = await cohortFigures(ctx, engine, dataset);
    figures.push(...built.figures);
    figures.push(...await analysisFigures(ctx, engine, built.cohorts));

    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    log(`peak RSS of this process: ${peakRssMiB.toFixed(0)} MiB (DuckDB's memory included; the generator ran in its own process)`);
    figures.push({ benchmark: NAME, name: 'peak RSS', value: peakRssMiB, unit: 'MiB', note: 'whole process, DuckDB included' });
    return figures;
  } finally {
    await engine.close();
    await removeDatabase(dbPath);
  }
}

const tableRef = (result: CohortResult): CohortRef => ({ cohortTable: result.cohortTable, dataset: result.dataset, name: result.spec.name });

/** The timed target cohort (its attrition printed), then the comparator and outcome cohorts once each. */
async function cohortFigures(ctx: BenchContext, engine: Engine, dataset: string): Promise<{ figures: Figure[]; cohorts: StudyCohorts }> {
  const { log } = ctx;
  const definition = newUsersDefinition(dataset, 'celecoxib', CDM_CONCEPTS.celecoxib);
  const target = await repeatCall(RUNS, (progress) => engine.cohort(definition, progress));
  if (!target) throw new Error('engine.cohort is not available');
  for (const line of runLines('cohort', target)) log(line);
  log(`cohort ${definition.name}: ${formatCount(target.best.result.persons)} persons; attrition:`);
  for (const line of attritionLines(target.best.result.attrition)) log(line);
  for (const line of timelineReport('cohort steps, the best run', target.best.steps, target.best.ms)) log(line);

  const comparator = await timedCall((progress) => engine.cohort(newUsersDefinition(dataset, 'diclofenac', CDM_CONCEPTS.diclofenac), progress));
  log(`comparator cohort diclofenac new users: ${formatCount(comparator.result.persons)} persons in ${formatMs(comparator.ms)}`);
  const outcome = await timedCall((progress) => engine.cohort(giBleedDefinition(dataset), progress));
  log(`outcome cohort first GI bleed: ${formatCount(outcome.result.persons)} persons in ${formatMs(outcome.ms)}`);

  return {
    figures: bestAndFirstFigures(NAME, 'cohort: entry, prior observation, 3 rules, attrition', target, { max: COHORT_TARGET_MS },
      `${formatCount(target.best.result.persons)} persons`),
    cohorts: { target: tableRef(target.best.result), comparator: tableRef(comparator.result), outcome: tableRef(outcome.result) },
  };
}

/** Table 1, Kaplan–Meier with log-rank and Cox, and incidence, each on the cohort tables built before. */
async function analysisFigures(ctx: BenchContext, engine: Engine, cohorts: StudyCohorts): Promise<Figure[]> {
  const { log } = ctx;
  const { target, comparator, outcome } = cohorts;
  const figures: Figure[] = [];

  const table1 = await repeatCall(RUNS, (progress) => engine.characterize({ target, comparator }, progress));
  if (table1) {
    for (const line of runLines('Table 1', table1)) log(line);
    for (const line of table1Lines(table1.best.result)) log(line);
    for (const line of timelineReport('Table 1 steps, the best run', table1.best.steps, table1.best.ms)) log(line);
  } else log('Table 1 (engine.characterize): not available yet');
  figures.push(...bestAndFirstFigures(NAME, 'Table 1, two cohorts with SMDs', table1, { max: TABLE1_TARGET_MS }));

  const survival = await repeatCall(RUNS, (progress) => engine.survival({ target, comparator, outcome }, progress));
  if (survival) {
    for (const line of runLines('survival', survival)) log(line);
    for (const line of survivalLines(survival.best.result)) log(line);
    for (const line of timelineReport('survival steps, the best run', survival.best.steps, survival.best.ms)) log(line);
  } else log('Kaplan–Meier + log-rank (engine.survival): not available yet');
  const hazardRatio = survival?.best.result.cox?.hazardRatio;
  figures.push(...bestAndFirstFigures(NAME, 'Kaplan–Meier + log-rank (+ Cox)', survival, { max: SURVIVAL_TARGET_MS },
    hazardRatio === undefined ? undefined : `HR ${hazardRatio.toFixed(2)}`));

  const incidence = await repeatCall(RUNS, (progress) => engine.incidence({ target, outcome, tar: { start: 0, end: 365 } }, progress));
  if (incidence) {
    for (const line of runLines('incidence', incidence)) log(line);
    log(incidenceLine(incidence.best.result));
  } else log('incidence (engine.incidence): not available yet');
  figures.push(...bestAndFirstFigures(NAME, 'incidence, first year', incidence, undefined));
  return figures;
}
