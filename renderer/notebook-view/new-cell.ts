/** The body a new cell starts with: a spec template for analyses with a form, a small example otherwise. */
import type { CellKind } from '../notebook/notebook.js';
import type { FormModel } from '../forms/form-model.js';
import type { AnalysisKind } from '../notebook/notebook.js';

export function newCellSource(kind: CellKind, dataset: string, forms: Partial<Record<AnalysisKind, FormModel>>): string {
  if (kind === 'markdown') return '';
  if (kind === 'sql') return 'select 1 as one\n';
  if (kind === 'plot') return '{ "mark": "barY", "x": "", "y": "" }\n';
  const model = forms[kind];
  return `${JSON.stringify(model ? model.template(dataset) : { dataset }, null, 2)}\n`;
}
