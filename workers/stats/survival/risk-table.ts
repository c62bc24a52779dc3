/**
 * Risk tables: for each distinct time, how many persons were still followed (at risk), how many had the
 * event and how many were censored then. A person censored at the time of an event counts as at risk for
 * it (the usual convention, and R survival's).
 */
import type { SortedTimes } from './follow-up.js';

/** One row per distinct event or censoring time, ascending, as R's `survfit` lists them. */
export interface RiskTable {
  time: Float64Array;
  nRisk: Float64Array;
  nEvent: Float64Array;
  nCensor: Float64Array;
}

/** The risk table of one group, by merging its sorted event and censoring times. */
export function tabulateRiskTable({ events, censored }: SortedTimes): RiskTable {
  const capacity = events.length + censored.length;
  const time = new Float64Array(capacity);
  const nRisk = new Float64Array(capacity);
  const nEvent = new Float64Array(capacity);
  const nCensor = new Float64Array(capacity);
  let atRisk = capacity;
  let rows = 0;
  let e = 0;
  let c = 0;
  while (e < events.length || c < censored.length) {
    const t = Math.min(e < events.length ? events[e]! : Infinity, c < censored.length ? censored[c]! : Infinity);
    const eventStart = e;
    while (e < events.length && events[e] === t) e++;
    const censoredStart = c;
    while (c < censored.length && censored[c] === t) c++;
    time[rows] = t;
    nRisk[rows] = atRisk;
    nEvent[rows] = e - eventStart;
    nCensor[rows] = c - censoredStart;
    atRisk -= e - eventStart + (c - censoredStart);
    rows++;
  }
  return { time: time.slice(0, rows), nRisk: nRisk.slice(0, rows), nEvent: nEvent.slice(0, rows), nCensor: nCensor.slice(0, rows) };
}

/** What log-rank and Cox need: at each distinct event time of any group, every group's at-risk and event counts. */
export interface EventTimeTable {
  time: Float64Array;
  /** nRisk[g][i]: persons of group g at risk at time[i]. */
  nRisk: Float64Array[];
  /** nEvent[g][i]: events of group g at time[i]. */
  nEvent: Float64Array[];
}

/**
 * Lines the groups' risk tables up on the pooled distinct event times, in one merge over the (already
 * sorted) tables: per group, one cursor on its next event row and one on its first row not before the
 * current time.
 */
export function alignEventTimes(tables: RiskTable[]): EventTimeTable {
  const k = tables.length;
  let capacity = 0;
  for (const t of tables) for (let i = 0; i < t.time.length; i++) if (t.nEvent[i]! > 0) capacity++;
  const time = new Float64Array(capacity);
  const nRisk = tables.map(() => new Float64Array(capacity));
  const nEvent = tables.map(() => new Float64Array(capacity));
  const nextEvent = tables.map((t) => nextEventRow(t, 0));
  const atOrAfter = new Array<number>(k).fill(0);
  let rows = 0;
  for (;;) {
    let t = Infinity;
    for (let g = 0; g < k; g++) if (nextEvent[g]! < tables[g]!.time.length) t = Math.min(t, tables[g]!.time[nextEvent[g]!]!);
    if (t === Infinity) break;
    time[rows] = t;
    for (let g = 0; g < k; g++) {
      const table = tables[g]!;
      let row = atOrAfter[g]!;
      while (row < table.time.length && table.time[row]! < t) row++;
      atOrAfter[g] = row;
      if (row === table.time.length) continue;
      nRisk[g]![rows] = table.nRisk[row]!;
      if (row === nextEvent[g]) {
        if (table.time[row] === t) {
          nEvent[g]![rows] = table.nEvent[row]!;
          nextEvent[g] = nextEventRow(table, row + 1);
        }
      }
    }
    rows++;
  }
  return { time: time.slice(0, rows), nRisk: nRisk.map((c) => c.slice(0, rows)), nEvent: nEvent.map((c) => c.slice(0, rows)) };
}

function nextEventRow(table: RiskTable, from: number): number {
  let row = from;
  while (row < table.time.length && table.nEvent[row] === 0) row++;
  return row;
}
