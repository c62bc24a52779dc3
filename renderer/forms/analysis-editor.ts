/**
 * An analysis cell's editor: the form of its kind (when it has one) beside the JSON spec, kept in step both
 * ways. The form writes pretty-printed JSON into the editor; JSON typed in the editor refills the form when
 * it parses to an object, and otherwise shows where it is wrong and leaves the form as it was.
 */
import type { PmwErrorData } from '../../workers/engine/api.js';
import { el, replaceChildren } from '../app/dom.js';
import { t } from '../i18n/i18n.js';
import type { AnalysisKind } from '../notebook/notebook.js';
import { createJsonEditor } from '../editor/json-editor.js';
import type { CodeEditor } from '../editor/code-editor.js';
import { createAnalysisForm, type AnalysisForm, type FormContext } from './form-view.js';
import { FORM_MODELS } from './forms.js';
import { parseJsonObject } from './parse-json.js';

export interface AnalysisEditor {
  element: HTMLElement;
  editor: CodeEditor;
  destroy(): void;
}

export interface AnalysisEditorOptions {
  kind: AnalysisKind;
  source: string;
  context: FormContext;
  /** The new JSON text, and whether it is a valid spec object (an invalid one should not run). */
  onSource(text: string, valid: boolean): void;
  onRun(): void;
}

export function createAnalysisEditor(options: AnalysisEditorOptions): AnalysisEditor {
  const model = FORM_MODELS[options.kind];
  const jsonError = el('div', { className: 'json-error', testid: 'cell-json-error', attrs: { role: 'alert', hidden: '' } });
  let form: AnalysisForm | null = null;

  const showJsonError = (error: PmwErrorData | null): void => {
    if (error) { replaceChildren(jsonError, [el('span', { text: error.message })]); jsonError.removeAttribute('hidden'); }
    else { replaceChildren(jsonError, []); jsonError.setAttribute('hidden', ''); }
  };

  const editor = createJsonEditor(options.source, {
    ariaLabel: t('view.editor.json'),
    onRun: options.onRun,
    onChange(text) {
      const parsed = parseJsonObject(text);
      if (parsed.ok) { showJsonError(null); form?.setSpec(parsed.value); }
      else showJsonError(parsed.error);
      options.onSource(text, parsed.ok);
    },
  });

  if (model) {
    const initial = parseJsonObject(options.source);
    form = createAnalysisForm(model, options.context, initial.ok ? initial.value : {}, (spec) => {
      const text = JSON.stringify(spec, null, 2);
      editor.setText(text);
      showJsonError(null);
      options.onSource(text, true);
    });
    if (!initial.ok) showJsonError(initial.error);
  }

  const element = el('div', { className: model ? 'analysis-editor with-form' : 'analysis-editor' }, [
    form?.element ?? null,
    el('div', { className: 'analysis-json' }, [editor.element, jsonError]),
  ]);
  return { element, editor, destroy: () => editor.destroy() };
}
