/**
 * Errors as the user sees them: what went wrong, where (file, line, column) and what to do. Whatever was
 * thrown (an Engine error that crossed the channel as PmwErrorData, a plain Error) becomes PmwErrorData.
 */
import type { ErrorCode, PmwErrorData } from '../../workers/engine/api.js';
import { t } from '../i18n/i18n.js';
import { el } from './dom.js';
import { baseName } from './base-name.js';

export function toErrorData(error: unknown): PmwErrorData {
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const data = error as Partial<PmwErrorData>;
    const result: PmwErrorData = { code: String(data.code) as ErrorCode, message: String(data.message) };
    if (typeof data.hint === 'string') result.hint = data.hint;
    if (typeof data.file === 'string') result.file = data.file;
    if (typeof data.line === 'number') result.line = data.line;
    if (typeof data.column === 'number') result.column = data.column;
    return result;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}

function locationText(error: PmwErrorData): string | null {
  if (error.file === undefined && error.line === undefined) return null;
  const file = baseName(error.file ?? '');
  if (error.line === undefined) return t('app.error.inFile', { file });
  if (error.column === undefined) return t('app.error.atLine', { file, line: error.line });
  return t('app.error.atLineColumn', { file, line: error.line, column: error.column });
}

/** A block showing the error; `testid` lets the end-to-end tests find it. */
export function createErrorView(error: PmwErrorData, testid = 'error'): HTMLElement {
  return el('div', { className: 'error-view', testid, attrs: { role: 'alert' }, dataset: { code: error.code } }, [
    el('div', { className: 'error-message', text: error.message }),
    locationText(error) !== null && el('div', {
      className: 'error-location',
      attrs: { title: error.file ?? '' },
      label: () => locationText(error) ?? '',
    }),
    error.hint !== undefined && el('div', { className: 'error-hint', label: () => t('app.error.hint', { hint: error.hint ?? '' }) }),
  ]);
}
