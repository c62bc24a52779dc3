import { cellText } from './cell-text.js';
import { displayWidth, padToWidth, truncateToWidth } from './display-width.js';
import type { Tabular } from './tabular.js';

export interface TableOptions {
  /** Longer cells are cut with `…`; default 60 columns. */
  maxCellWidth?: number;
}

const GAP = '  ';

/**
 * A plain-text table: a header, a rule, one line per row. Numeric columns are right-aligned; widths count
 * terminal columns, so CJK text and emoji line up.
 */
export function renderTable(data: Tabular, options: TableOptions = {}): string {
  const maxCellWidth = Math.max(4, options.maxCellWidth ?? 60);
  const header = data.columns.map((c) => truncateToWidth(cellText(c.name), maxCellWidth));
  const body: string[][] = [];
  for (let row = 0; row < data.rowCount; row++) {
    body.push(data.columns.map((_c, column) => truncateToWidth(cellText(data.value(row, column)), maxCellWidth)));
  }
  const widths = header.map((h, column) => Math.max(displayWidth(h), ...body.map((cells) => displayWidth(cells[column]!))));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => padToWidth(cell, widths[column]!, data.columns[column]!.numeric ? 'right' : 'left'))
      .join(GAP)
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join(GAP);
  return [line(header), rule, ...body.map(line)].join('\n') + '\n';
}
