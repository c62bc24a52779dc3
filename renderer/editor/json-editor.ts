/** The JSON editor of plot and analysis cells (and of Markdown as plain text when `json` is false). */
import { json } from '@codemirror/lang-json';
import { createCodeEditor, type CodeEditor } from './code-editor.js';

export function createJsonEditor(doc: string, handlers: { onChange(text: string): void; onRun(): void; ariaLabel: string }): CodeEditor {
  return createCodeEditor({ doc, language: json(), ...handlers });
}

export function createTextEditor(doc: string, handlers: { onChange(text: string): void; onRun(): void; ariaLabel: string }): CodeEditor {
  return createCodeEditor({ doc, language: [], ...handlers });
}
