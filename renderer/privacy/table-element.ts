/** A text table (renderer/notebook/text-table.ts) as a DOM `<table>`, with per-row hooks and an optional last column of controls. */
import { el, type ElementProps } from '../app/dom.js';
import type { TextTable } from '../notebook/text-table.js';

export interface TableElementOptions {
  className: string;
  testid?: string;
  /** `data-testid`, `data-*` of row `index`. */
  row?: (index: number) => Pick<ElementProps, 'testid' | 'dataset' | 'className'>;
  /** A last column: its header and, per row, what it holds. */
  extra?: { header: string; cell: (index: number) => Node | null };
}

export function tableElement(table: TextTable, options: TableElementOptions): HTMLTableElement {
  const cell = (tag: 'th' | 'td', text: string, column: number) => el(tag, { text, ...(table.numeric[column] ? { className: 'number' } : {}) });
  return el('table', { className: options.className, ...(options.testid ? { testid: options.testid } : {}) }, [
    el('thead', {}, [el('tr', {}, [...table.header.map((text, i) => cell('th', text, i)), options.extra ? el('th', { text: options.extra.header }) : null])]),
    el('tbody', {}, table.rows.map((row, index) => el('tr', options.row?.(index) ?? {}, [
      ...row.map((text, i) => cell('td', text, i)),
      options.extra ? el('td', {}, [options.extra.cell(index)]) : null,
    ]))),
  ]);
}
