import type { WorkspaceEngine } from '../workers/engine/engine.js';
import { timed } from './stats.js';

export const PAGE_ROWS = 1_000;
const FETCHES = 10;

/**
 * Wall times (ms) of fetching 1,000-row pages of `table` through the Engine, at offsets spread over the
 * middle tenth of it (45 %–55 %), as a grid scrolled to the middle would ask for them.
 */
export async function middlePageFetches(engine: WorkspaceEngine, table: string, rows: number): Promise<number[]> {
  const times: number[] = [];
  for (const offset of middleOffsets(rows)) {
    const { ms, result } = await timed(() => engine.query(`SELECT * FROM ${table}`, { offset, limit: PAGE_ROWS }));
    const expected = Math.min(PAGE_ROWS, rows - offset);
    if (result.rowCount !== expected) throw new Error(`page at offset ${offset} has ${result.rowCount} rows, expected ${expected}`);
    times.push(ms);
  }
  return times;
}

function middleOffsets(rows: number): number[] {
  const last = Math.max(0, rows - PAGE_ROWS);
  return Array.from({ length: FETCHES }, (_, i) => Math.min(last, Math.floor(rows * (0.45 + (0.1 * i) / (FETCHES - 1)))));
}
