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

/** Lines the groups' risk tables up on the pooled distinct event times. */
export function alignEventTimes(tables: RiskTable[]): EventTimeTable {
  const time = pooledEventTimes(tables);
  const nRisk = tables.map(() => new Float64Array(time.length));
  const nEvent = tables.map(() => new Float64Array(time.length));
  tables.forEach((table, g) => {
    let row = 0;
    for (let i = 0; i < time.length; i++) {
      while (row < table.time.length && table.time[row]! < time[i]!) row++;
      if (row === table.time.length) break;
      nRisk[g]![i] = table.nRisk[row]!;
      if (table.time[row] === time[i]) nEvent[g]![i] = table.nEvent[row]!;
    }
  });
  return { time, nRisk, nEvent };
}

function pooledEventTimes(tables: RiskTable[]): Float64Array {
  let count = 0;
  for (const t of tables) for (let i = 0; i < t.time.length; i++) if (t.nEvent[i]! > 0) count++;
  const all = new Float64Array(count);
  let fill = 0;
  for (const t of tables) for (let i = 0; i < t.time.length; i++) if (t.nEvent[i]! > 0) all[fill++] = t.time[i]!;
  all.sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[distinct - 1]) all[distinct++] = all[i]!;
  return all.slice(0, distinct);
}
