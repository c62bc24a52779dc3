import type { Progress } from '../workers/engine/api.js';
import { isPmwError } from '../workers/engine/errors.js';
import type { Figure } from './figure.js';
import { formatMs } from './format.js';
import { timedCall, type TimedCall } from './timed-call.js';

/** One Engine call run several times: the first run (cold caches) and the fastest. */
export interface RepeatedCall<T> {
  runs: TimedCall<T>[];
  first: TimedCall<T>;
  best: TimedCall<T>;
}

/** The Engine's answer for an analysis whose wiring is not finished yet. */
export function isNotBuiltYet(error: unknown): boolean {
  return isPmwError(error) && /is being built/.test(error.message);
}

/**
 * Runs `call` `times` times in a row, each timed whole with its progress steps. Returns null when the
 * Engine says the feature is still being built, so a benchmark can report that and go on.
 */
export async function repeatCall<T>(times: number, call: (progress: (p: Progress) => void) => Promise<T>): Promise<RepeatedCall<T> | null> {
  const runs: TimedCall<T>[] = [];
  for (let i = 0; i < times; i++) {
    try {
      runs.push(await timedCall(call));
    } catch (error) {
      if (isNotBuiltYet(error)) return null;
      throw error;
    }
  }
  const best = runs.reduce((fastest, run) => (run.ms < fastest.ms ? run : fastest));
  return { runs, first: runs[0]!, best };
}

/** `run 1  1.23 s  CPU 2.01 s` for each run. */
export function runLines(label: string, repeated: RepeatedCall<unknown>): string[] {
  return repeated.runs.map((run, i) => `${label} run ${i + 1}  ${formatMs(run.ms).padStart(8)}  CPU ${formatMs(run.cpuMs).padStart(8)}`);
}

/**
 * The best and the first run as two figures with the same target (the first may include warming DuckDB's
 * caches); one "not available yet" figure when the call is not built.
 */
export function bestAndFirstFigures(
  benchmark: string, name: string, repeated: RepeatedCall<unknown> | null, target: { max: number } | undefined, note?: string,
): Figure[] {
  const base = { benchmark, unit: 'ms' as const, ...(target ? { target } : {}) };
  if (!repeated) return [{ ...base, name, value: NaN, note: 'the Engine says it is being built' }];
  const cpu = (run: TimedCall<unknown>) => `CPU ${formatMs(run.cpuMs)}${note ? `, ${note}` : ''}`;
  return [
    { ...base, name: `${name} (best of ${repeated.runs.length})`, value: repeated.best.ms, note: cpu(repeated.best) },
    { ...base, name: `${name} (first run)`, value: repeated.first.ms, note: cpu(repeated.first) },
  ];
}
