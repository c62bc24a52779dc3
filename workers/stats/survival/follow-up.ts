/**
 * Follow-up data as parallel typed arrays, and its split into sorted event and censoring times per group —
 * the only sort the survival numerics need. Sorting plain Float64Arrays uses the engine's native numeric
 * sort (no comparator, no index arrays, no objects), which is what keeps a million persons well under a
 * second.
 *
 * Tied times are times that are equal as doubles. R's survival first merges times closer than about 1e-8
 * relative (`aeqSurv`, its `timefix`); that only matters for computed fractional times, not for the whole
 * days the outcome analyses pass.
 */

/** n persons: their follow-up time, whether it ended in the event, and their group (cohort). */
export interface FollowUp {
  /** Time from the start of follow-up to the event or to censoring; finite. */
  time: Float64Array;
  /** 1 = the event happened at `time`, 0 = censored at `time`. */
  status: Uint8Array | Float64Array;
  /** 0-based group index, an integer below the number of groups; absent means one group. */
  group?: Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
}

/** One group's times, each array sorted ascending. */
export interface SortedTimes {
  events: Float64Array;
  censored: Float64Array;
}

/** Splits follow-up into per-group sorted event and censoring times; throws on a value it cannot use. */
export function sortTimesByGroup(followUp: FollowUp, groupCount = 1): SortedTimes[] {
  const { time, status, group } = followUp;
  const n = time.length;
  if (status.length !== n || (group && group.length !== n)) throw new RangeError('time, status and group must have the same length');
  const eventCounts = new Float64Array(groupCount);
  const censoredCounts = new Float64Array(groupCount);
  for (let i = 0; i < n; i++) {
    const g = group ? group[i]! : 0;
    checkRow(i, time[i]!, status[i]!, g, groupCount);
    if (status[i] === 1) eventCounts[g]!++;
    else censoredCounts[g]!++;
  }
  const sorted = Array.from({ length: groupCount }, (_, g) => ({
    events: new Float64Array(eventCounts[g]!), censored: new Float64Array(censoredCounts[g]!),
  }));
  const eventFill = new Float64Array(groupCount);
  const censoredFill = new Float64Array(groupCount);
  for (let i = 0; i < n; i++) {
    const g = group ? group[i]! : 0;
    if (status[i] === 1) sorted[g]!.events[eventFill[g]!++] = time[i]!;
    else sorted[g]!.censored[censoredFill[g]!++] = time[i]!;
  }
  for (const s of sorted) {
    s.events.sort();
    s.censored.sort();
  }
  return sorted;
}

function checkRow(row: number, time: number, status: number, group: number, groupCount: number): void {
  if (!Number.isFinite(time)) throw new RangeError(`follow-up time of row ${row} is ${time}; times must be finite numbers`);
  if (status !== 0 && status !== 1) throw new RangeError(`status of row ${row} is ${status}; it must be 1 (event) or 0 (censored)`);
  if (!(Number.isInteger(group) && group >= 0 && group < groupCount)) {
    throw new RangeError(`group of row ${row} is ${group}; groups are integers from 0 to ${groupCount - 1}`);
  }
}
