/**
 * The output of `quality` and `privacy` cells: the report views of renderer/privacy (no grid: later SQL cells
 * read the same rows by the cell's name). A check's "Insert as SQL cell" puts its SQL in a new cell below this one.
 */
import type { QualityReport } from '../../workers/engine/api.js';
import { el } from '../app/dom.js';
import { requestInsertSql } from '../datasets/insert-sql.js';
import type { PrivacyCellResult } from '../notebook/privacy-cell.js';
import { createKAnonymityView, createScanView } from '../privacy/privacy-view.js';
import { createQualityView } from '../privacy/quality-view.js';
import type { OutputView } from './cell-output.js';

export function privacyOutput(kind: 'quality' | 'privacy', result: unknown, cellId: string): OutputView {
  let element: HTMLElement;
  if (kind === 'quality') {
    element = createQualityView(result as QualityReport, { onInsertSql: (sql) => requestInsertSql(window, sql, cellId) });
  } else {
    const { scan, kAnonymity } = result as PrivacyCellResult;
    element = el('div', { className: 'privacy-output' }, [createScanView(scan), kAnonymity && createKAnonymityView(kAnonymity)]);
  }
  return { element, destroy: () => element.remove() };
}
