/**
 * The DOM of an analysis form: one labelled input per field of a FormModel. A change in any input writes the
 * changed fields into the spec (applyFormChange) and hands the new spec on; `setSpec` brings the inputs in
 * line with a spec edited as JSON.
 */
import type { Dataset } from '../../workers/engine/api.js';
import { t } from '../i18n/i18n.js';
import { el, replaceChildren } from '../app/dom.js';
import { applyFormChange, type FieldDef, type Fields, type FieldValue, type FormModel, type Spec } from './form-model.js';

export interface FormContext {
  datasets: Dataset[];
  /** Names of the notebook's named cells by kind, for cohort pickers. */
  cellNames: (kind: string) => string[];
}

export interface AnalysisForm {
  element: HTMLElement;
  setSpec(spec: Spec): void;
}

function choicesOf(field: FieldDef, context: FormContext, current: FieldValue): string[] {
  let choices: string[] = [...(field.options ?? [])];
  if (field.source && 'datasets' in field.source) {
    const kinds: string[] = field.source.datasets;
    choices = context.datasets.filter((d) => kinds.includes(d.kind)).map((d) => d.name);
  } else if (field.source && 'cells' in field.source) {
    choices = context.cellNames(field.source.cells);
  }
  // A value the spec holds stays choosable even when it is not (or no longer) among the usual choices.
  if (typeof current === 'string' && !choices.includes(current)) choices.push(current);
  if (current === null && field.source) choices.unshift('');
  return choices;
}

/** An option's text: a word of the UI (localized) or a data value shown as it is. */
function optionProps(field: FieldDef, value: string): { label: () => string } | { text: string } {
  const key = field.optionLabels?.[value] ?? (value === '' ? 'view.form.choose' : undefined);
  return key ? { label: () => t(key) } : { text: value };
}

function listText(value: FieldValue): string {
  return Array.isArray(value) ? value.join(', ') : '';
}

function parseList(text: string, numbers: boolean): string[] | number[] {
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  return numbers ? parts.map(Number).filter((n) => Number.isInteger(n)) : parts;
}

/** One input (or group of checkboxes) for a field, and how to read it back. */
function buildInput(field: FieldDef, value: FieldValue, context: FormContext, onChange: () => void): { node: HTMLElement; read(): FieldValue } {
  const name = `field-${field.key}`;
  switch (field.type) {
    case 'checkbox': {
      const input = el('input', { attrs: { type: 'checkbox', name }, on: { change: onChange } });
      input.checked = value === true;
      return { node: input, read: () => input.checked };
    }
    case 'select': {
      const select = el('select', { attrs: { name }, on: { change: onChange } },
        choicesOf(field, context, value).map((choice) =>
          el('option', { attrs: { value: choice, ...(choice === (value ?? '') ? { selected: '' } : {}) }, ...optionProps(field, choice) })));
      return { node: select, read: () => select.value === '' && field.source ? null : select.value };
    }
    case 'multi': {
      const boxes = (field.options ?? []).map((option) => {
        const box = el('input', { attrs: { type: 'checkbox', name, value: option }, on: { change: onChange } });
        box.checked = Array.isArray(value) && (value as string[]).includes(option);
        return box;
      });
      const node = el('span', { className: 'form-multi' },
        boxes.map((box, i) => el('label', {}, [box, el('span', optionProps(field, field.options![i]!))])));
      return { node, read: () => boxes.filter((box) => box.checked).map((box) => box.value) };
    }
    case 'number': {
      const input = el('input', { attrs: { type: 'number', name, step: 'any' }, on: { change: onChange } });
      input.value = typeof value === 'number' ? String(value) : '';
      return { node: input, read: () => input.value.trim() === '' || !Number.isFinite(Number(input.value)) ? null : Number(input.value) };
    }
    default: {
      const list = field.type === 'list' || field.type === 'numberList';
      const input = el('input', { attrs: { type: 'text', name }, on: { change: onChange } });
      input.value = list ? listText(value) : typeof value === 'string' ? value : '';
      return { node: input, read: () => list ? parseList(input.value, field.type === 'numberList') : input.value.trim() === '' ? null : input.value.trim() };
    }
  }
}

export function createAnalysisForm(model: FormModel, context: FormContext, initial: Spec, onSpec: (spec: Spec) => void): AnalysisForm {
  const element = el('form', { className: 'analysis-form', testid: 'cell-form', on: { submit: (event) => event.preventDefault() } });
  let spec = initial;
  let fields: Fields = model.read(spec);
  let readers: { key: string; read(): FieldValue }[] = [];

  const changed = (): void => {
    const next: Fields = { ...fields };
    for (const reader of readers) next[reader.key] = reader.read();
    spec = applyFormChange(spec, model, fields, next);
    fields = model.read(spec);
    render();
    onSpec(spec);
  };

  function render(): void {
    readers = [];
    const rows = model.fields.filter((field) => field.visible?.(fields) ?? true).map((field) => {
      const input = buildInput(field, fields[field.key] ?? null, context, changed);
      readers.push({ key: field.key, read: input.read });
      return el(field.type === 'multi' ? 'fieldset' : 'label', { className: 'form-row', attrs: { 'data-field': field.key } }, [
        el('span', { className: 'form-label', label: () => t(field.label) }),
        input.node,
        field.hint ? el('small', { className: 'form-hint', label: () => t(field.hint!) }) : null,
      ]);
    });
    replaceChildren(element, rows);
  }

  render();
  return {
    element,
    setSpec(next) { spec = next; fields = model.read(spec); render(); },
  };
}
