import { availableParallelism, cpus, loadavg } from 'node:os';
import { version as duckdbVersion } from '@duckdb/node-api';

/** Cores, CPU, DuckDB and Node versions: what a figure was measured on. */
export function machineLine(): string {
  return `machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), DuckDB ${duckdbVersion()}, Node ${process.version}`;
}

/** The 1/5/15-minute load averages, as `uptime` shows them: other work on a shared machine moves wall times. */
export function loadLine(): string {
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(2));
  return `load average ${one}, ${five}, ${fifteen} on ${availableParallelism()} cores`;
}
