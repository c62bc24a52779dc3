/** The SQL cell editor: DuckDB dialect, completion of tables, columns and earlier cells (sql-completion.ts). */
import { sql, type SQLNamespace } from '@codemirror/lang-sql';
import { createCodeEditor, type CodeEditor } from './code-editor.js';
import { DUCKDB } from './sql-dialect.js';

export function sqlLanguage(schema: SQLNamespace) {
  return sql({ dialect: DUCKDB, schema, upperCaseKeywords: false });
}

export function createSqlEditor(doc: string, schema: SQLNamespace, handlers: { onChange(text: string): void; onRun(): void; ariaLabel: string }): CodeEditor & { setSchema(schema: SQLNamespace): void } {
  const editor = createCodeEditor({ doc, language: sqlLanguage(schema), ...handlers });
  return { ...editor, setSchema: (next) => editor.setLanguage(sqlLanguage(next)) };
}
