/**
 * JSON text of an analysis cell parsed with the place of the first mistake (line and column, 1-based, from
 * the JSON parser's message via the plot helper's json-locations.ts; the end of the text when the message
 * names no place). The error has the PmwErrorData shape the view shows for every cell error.
 */
import type { PmwErrorData } from '../../workers/engine/api.js';
import { t } from '../i18n/i18n.js';
import { positionAt, syntaxErrorPosition } from '../plot/json-locations.js';

export type JsonObjectParse =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; error: PmwErrorData };

function invalid(message: string, line: number, column: number): JsonObjectParse {
  return { ok: false, error: { code: 'BAD_REQUEST', message, hint: t('view.json.hint'), line, column } };
}

/** An object spec, or an error with its place: broken JSON, or valid JSON that is not an object. */
export function parseJsonObject(text: string): JsonObjectParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (caught) {
    const reason = caught instanceof Error ? caught.message : String(caught);
    const { line, column } = syntaxErrorPosition(text, reason) ?? positionAt(text, text.trimEnd().length);
    return invalid(t('view.json.invalid', { line, column, reason }), line, column);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return invalid(t('view.json.notObject'), 1, 1);
  return { ok: true, value: value as Record<string, unknown> };
}
