/**
 * The k-anonymity check of the dataset browser's privacy dialog: pick a table, the quasi-identifier columns
 * (those the scan calls quasi-identifiers, plus age, sex, postcode and the like the user knows of) and k; the
 * Engine counts the equivalence classes and the view shows the risk and what to generalise.
 */
import type { Dataset } from '../../workers/engine/api.js';
import { el, replaceChildren } from '../app/dom.js';
import { createErrorView, toErrorData } from '../app/error-view.js';
import { t } from '../i18n/i18n.js';
import type { EngineClient } from '../platform/platform.js';
import { createKAnonymityView } from '../privacy/privacy-view.js';

export const DEFAULT_K = 5;

export function createKAnonymityForm(engine: EngineClient, dataset: Dataset): HTMLElement {
  const tables = dataset.tables;
  const tablePicker = el('select', { testid: 'k-table', on: { change: () => showColumns() } },
    tables.map((table) => el('option', { attrs: { value: table.table }, text: table.table })));
  const columnList = el('div', { className: 'k-columns', testid: 'k-columns' });
  const k = el('input', { testid: 'k-value', attrs: { type: 'number', min: '1', step: '1', value: String(DEFAULT_K) } });
  const result = el('div', { className: 'k-result' });
  const run = el('button', { testid: 'k-run', attrs: { type: 'button' }, label: () => t('priv.k.run'), on: { click: () => void check() } });

  const chosenTable = () => tables.find((table) => table.table === tablePicker.value) ?? tables[0];
  function showColumns(): void {
    replaceChildren(columnList, (chosenTable()?.columns ?? []).map((column) => el('label', { className: 'checkbox' }, [
      el('input', { attrs: { type: 'checkbox', value: column.name }, dataset: { column: column.name } }),
      el('span', { text: column.name }),
    ])));
  }

  async function check(): Promise<void> {
    const quasiIdentifiers = [...columnList.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((box) => box.checked).map((box) => box.value);
    if (quasiIdentifiers.length === 0) {
      replaceChildren(result, [el('p', { className: 'muted', testid: 'k-choose', label: () => t('priv.k.choose') })]);
      return;
    }
    run.disabled = true;
    try {
      const table = chosenTable()?.table;
      const answer = await engine.kAnonymity({ dataset: dataset.id, quasiIdentifiers, k: Number(k.value), ...(table ? { table } : {}) });
      replaceChildren(result, [createKAnonymityView(answer)]);
    } catch (error) {
      replaceChildren(result, [createErrorView(toErrorData(error), 'k-error')]);
    } finally {
      run.disabled = false;
    }
  }

  showColumns();
  return el('section', { className: 'k-anonymity-form', testid: 'k-anonymity-form' }, [
    el('h3', { label: () => t('priv.k.title') }),
    el('p', { className: 'muted small', label: () => t('priv.k.formHint') }),
    el('label', { className: 'field' }, [el('span', { label: () => t('priv.k.table') }), tablePicker]),
    columnList,
    el('label', { className: 'field' }, [el('span', { label: () => t('priv.k.k') }), k]),
    el('div', { className: 'button-row' }, [run]),
    result,
  ]);
}
