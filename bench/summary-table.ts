import { formatTarget, formatValue, verdict, type Figure } from './figure.js';

/** The closing table: each figure beside its target, PASS/FAIL where there is a target. */
export function summaryTable(figures: readonly Figure[]): string {
  const header = ['benchmark', 'figure', 'value', 'target', 'result'];
  const rows = figures.map((f) => [f.benchmark, f.name, formatValue(f.value, f.unit), formatTarget(f), verdict(f) + (f.note ? `  (${f.note})` : '')]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
