import type { ResultPage } from '../../workers/engine/api.js';
import { cellValue } from '../../workers/db/columnar.js';

/** A page as rows of plain values, for assertions on small results. */
export function pageRows(page: ResultPage): unknown[][] {
  return Array.from({ length: page.rowCount }, (_, i) => page.columns.map((c) => cellValue(c, i)));
}
