/**
 * The whole (sorted, filtered) result of a grid as CSV: fetched in chunks, each turned into text with
 * papaparse in slices small enough that the UI thread stays responsive, the pieces joined into one Blob.
 *
 * A missing value is an empty field and an empty string is `""`, the distinction DuckDB's read_csv and R's
 * read.csv draw; numbers are written exactly (bigint to the last digit), never with grouping separators. A count
 * hidden by the small-cell policy is missing too; the preamble (the grid's `# small-cell policy: …` line) says
 * which columns such fields are in (read_csv's `comment = '#'`, R's `comment.char = "#"` skip it).
 */
import Papa from 'papaparse';
import type { ResultPage } from '../../workers/engine/api.js';
import type { GridRequest } from '../notebook/notebook.js';
import { csvCell } from './cell-format.js';

export const EXPORT_CHUNK_ROWS = 50_000;
const UNPARSE_SLICE_ROWS = 5_000;

export interface CsvExportOptions {
  fetch(request: GridRequest): Promise<ResultPage & { totalRows: number }>;
  orderBy?: GridRequest['orderBy'];
  filters?: GridRequest['filters'];
  signal?: AbortSignal;
  /** Lines written before the header (e.g. `# small-cell policy: …`), as they are. */
  preamble?: string[];
  /** Rows written so far and the total. */
  onProgress?: (rowsDone: number, totalRows: number) => void;
  chunkRows?: number;
}

export class ExportCancelled extends Error {
  constructor() { super('CSV export cancelled'); }
}

const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The rows [from, to) of a page as arrays of CSV fields. */
function pageRows(page: ResultPage, from: number, to: number): (string | null)[][] {
  const rows: (string | null)[][] = [];
  for (let row = from; row < to; row++) rows.push(page.columns.map((column) => csvCell(column.data, row)));
  return rows;
}

const quoteEmptyString = (value: unknown): boolean => value === '';

export async function exportCsv(options: CsvExportOptions): Promise<Blob> {
  const chunkRows = options.chunkRows ?? EXPORT_CHUNK_ROWS;
  const parts: string[] = (options.preamble ?? []).map((line) => `${line}\r\n`);
  let offset = 0;
  let fields: string[] | null = null;
  for (;;) {
    if (options.signal?.aborted) throw new ExportCancelled();
    const request: GridRequest = { offset, limit: chunkRows };
    if (options.orderBy?.length) request.orderBy = options.orderBy;
    if (options.filters?.length) request.filters = options.filters;
    const page = await options.fetch(request);
    if (!fields) {
      fields = page.columns.map((column) => column.name);
      parts.push(Papa.unparse([fields], { newline: '\r\n' }), '\r\n');
    }
    for (let from = 0; from < page.rowCount; from += UNPARSE_SLICE_ROWS) {
      if (options.signal?.aborted) throw new ExportCancelled();
      const data = pageRows(page, from, Math.min(page.rowCount, from + UNPARSE_SLICE_ROWS));
      parts.push(Papa.unparse({ fields, data }, { header: false, newline: '\r\n', quotes: quoteEmptyString }), '\r\n');
      options.onProgress?.(offset + Math.min(page.rowCount, from + UNPARSE_SLICE_ROWS), page.totalRows);
      await yieldToUi();
    }
    offset += page.rowCount;
    if (!page.hasMore || page.rowCount < chunkRows || offset >= page.totalRows) break;
  }
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}
