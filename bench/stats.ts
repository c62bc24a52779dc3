/** The median of some measurements (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Timed<T> {
  /** Wall time, ms. */
  ms: number;
  /**
   * CPU time of the whole process (user + system, every thread, DuckDB's included), ms. Less
   * disturbed than wall time by other programs on a shared machine.
   */
  cpuMs: number;
  result: T;
}

/** Wall and CPU time of `work`. */
export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, result };
}
