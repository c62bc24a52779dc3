import type { AttritionStep, CharacterizeResult, IncidenceResult, SurvivalResult, Table1Row } from '../workers/engine/api.js';
import type { CdmManifest } from './generate-cdm.js';
import { formatCount, formatMB } from './format.js';

/** Rows and bytes of each generated table, then the totals. */
export function cdmSizeLines(manifest: CdmManifest): string[] {
  return [
    ...manifest.tables.map((t) => `  ${t.table.padEnd(20)} ${formatCount(t.rows).padStart(12)} rows  ${formatMB(t.bytes).padStart(9)}`),
    `  ${'events (6 tables)'.padEnd(20)} ${formatCount(manifest.events).padStart(12)} rows  ${formatMB(manifest.bytes).padStart(9)} (all files)`,
  ];
}

/** The attrition table as `pmw cohort` shows it. */
export function attritionLines(steps: readonly AttritionStep[]): string[] {
  const width = Math.max(4, ...steps.map((s) => s.step.length));
  // null: hidden by the workspace's minimum cell count (small, or a count that would reveal a small one)
  const cell = (n: number | null | undefined) => (n === undefined ? '' : n === null ? 'hidden' : formatCount(n)).padStart(10);
  return [
    `  ${'step'.padEnd(width)}  ${'persons'.padStart(10)}  ${'dropped'.padStart(10)}  ${'events'.padStart(10)}  ${'rule alone'.padStart(10)}`,
    ...steps.map((s) => `  ${s.step.padEnd(width)}  ${cell(s.persons)}  ${cell(s.dropped)}  ${cell(s.events)}  ${cell(s.ruleOnly)}`),
  ];
}

const SHOWN_SECTIONS: Table1Row['section'][] = ['persons', 'age', 'sex', 'conditions', 'drugs'];

/** The first rows of each section of Table 1 (persons, age, sex, top conditions and drugs), with SMDs. */
export function table1Lines(result: CharacterizeResult, perSection = 3): string[] {
  const rows = SHOWN_SECTIONS.flatMap((section) => result.rows.filter((r) => r.section === section).slice(0, perSection));
  const width = Math.max(...rows.map((r) => `${r.section}: ${r.label}`.length));
  return [
    `  Table 1: ${result.rows.length} rows, target ${formatCount(result.targetPersons)} persons, comparator ${formatCount(result.comparatorPersons ?? 0)}; the first ${perSection} of some sections:`,
    ...rows.map((r) => `  ${`${r.section}: ${r.label}`.padEnd(width)}  ${r.target.display.padStart(16)}  ${(r.comparator?.display ?? '').padStart(16)}  SMD ${r.smd === undefined || r.smd === null ? '—' : r.smd.toFixed(3)}`),
  ];
}

/** Each curve's persons, events and median; the log-rank test; the hazard ratio; who was left out. */
export function survivalLines(result: SurvivalResult): string[] {
  const lines = result.curves.map((c) => `  curve ${c.label}: ${formatCount(c.persons)} persons, ${formatCount(c.events)} events, median ${c.median ?? 'not reached'}, ${c.time.length} time points`);
  if (result.logRank) lines.push(`  log-rank: chi² ${result.logRank.chisq.toFixed(2)} on ${result.logRank.df} df, p ${result.logRank.p.toExponential(2)}`);
  if (result.cox) {
    const { hazardRatio, lower, upper, p, ties } = result.cox;
    lines.push(`  hazard ratio (comparator vs target, Cox ${ties}): ${hazardRatio.toFixed(3)} (95% CI ${lower.toFixed(3)}–${upper.toFixed(3)}), p ${p.toExponential(2)}`);
  }
  const { priorOutcome, inBothCohorts, noTime } = result.excluded;
  lines.push(`  left out: outcome before follow-up ${formatCount(priorOutcome)}, in both cohorts ${formatCount(inBothCohorts)}, no follow-up time ${formatCount(noTime)}`);
  return lines;
}

export function incidenceLine(result: IncidenceResult): string {
  const rate = result.rate === null ? 'suppressed' : `${result.rate.toFixed(2)} per 1,000 person-years (95% CI ${result.lower?.toFixed(2)}–${result.upper?.toFixed(2)})`;
  return `  incidence: ${formatCount(result.personsAtRisk)} at risk, ${result.outcomes === null ? 'suppressed' : formatCount(result.outcomes)} outcomes in ${result.personYears.toFixed(0)} person-years: ${rate}`;
}
