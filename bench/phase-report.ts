import type { EngineImportRun } from './engine-import.js';
import { formatMs, formatPercent } from './format.js';

/** What the phases are compared with: passes over the same file measured in the same process. */
export interface PhaseReferences {
  bareMs: number;
  hashMs: number;
  readMs: number;
}

/** The phase breakdown of the median Engine import, beside the bare figures each phase should approach. */
export function phaseReport(run: EngineImportRun, refs: PhaseReferences, overTarget: boolean): string[] {
  const { checking, reading, finishing, readingSeen } = run.phases;
  const row = (label: string, ms: number, compare: string): string =>
    `  ${label.padEnd(62)} ${formatMs(ms).padStart(9)}  ${formatPercent(ms, run.ms).padStart(5)}   ${compare}`;
  const delta = (ms: number, ref: number): string => `${ms >= ref ? '+' : '−'}${formatMs(Math.abs(ms - ref))}`;
  return [
    `engine import phases (the median run; edges = first progress report of each phase)${overTarget ? ' — OVER TARGET, see where the time goes' : ''}:`,
    row('checking   inspect, SHA-256 + NUL/UTF-8 scan, lookups, BEGIN', checking,
      `SHA-256 alone ${formatMs(refs.hashMs)} (${delta(checking, refs.hashMs)}), plain read ${formatMs(refs.readMs)}`),
    row('reading    DuckDB CREATE TABLE AS read_csv (strict, in a txn)', reading,
      `bare CTAS ${formatMs(refs.bareMs)} (${delta(reading, refs.bareMs)})`),
    row('finishing  identifier scan, catalog, audit, COMMIT; quality report', finishing, ''),
    row('total', run.ms, `bare ${formatMs(refs.bareMs)} (${delta(run.ms, refs.bareMs)})`),
    ...(readingSeen ? [] : ['  (the CREATE TABLE ended before its first progress report, so it is counted in checking)']),
  ].map((line) => line.trimEnd());
}
