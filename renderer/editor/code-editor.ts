/**
 * A CodeMirror 6 editor for a cell body: the usual setup, Ctrl/Cmd-Enter to run now, a change callback, and
 * a language that can be swapped (SQL completion changes as datasets and cells change).
 */
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';

export interface CodeEditorOptions {
  doc: string;
  language: Extension;
  /** Called after every edit by the user (not after setText). */
  onChange(text: string): void;
  /** Ctrl/Cmd-Enter. */
  onRun(): void;
  ariaLabel: string;
}

export interface CodeEditor {
  element: HTMLElement;
  view: EditorView;
  text(): string;
  /** Replaces the text without calling onChange (the form or a reload wrote it). */
  setText(text: string): void;
  setLanguage(language: Extension): void;
  /** Puts the cursor at a 1-based line and column (clamped to the text) and scrolls it into view. */
  setCursor(line: number, column: number): void;
  destroy(): void;
}

/** Offset of a 1-based line and column, clamped into the document. */
export function offsetOf(state: EditorState, line: number, column: number): number {
  const lineInfo = state.doc.line(Math.min(Math.max(1, line), state.doc.lines));
  return Math.min(lineInfo.from + Math.max(0, column - 1), lineInfo.to);
}

export function createCodeEditor(options: CodeEditorOptions): CodeEditor {
  const language = new Compartment();
  let programmatic = false;
  const view = new EditorView({
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { options.onRun(); return true; } }])),
        basicSetup,
        language.of(options.language),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': options.ariaLabel }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !programmatic) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  view.dom.setAttribute('data-testid', 'cell-editor');
  return {
    element: view.dom,
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      if (text === view.state.doc.toString()) return;
      programmatic = true;
      try { view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }); } finally { programmatic = false; }
    },
    setLanguage(next) { view.dispatch({ effects: language.reconfigure(next) }); },
    setCursor(line, column) {
      const anchor = offsetOf(view.state, line, column);
      view.dispatch({ selection: { anchor }, scrollIntoView: true });
      view.focus();
    },
    destroy: () => view.destroy(),
  };
}
