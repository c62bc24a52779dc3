/**
 * A dataset's reports, run on demand from the catalog: "Quality" (Engine.quality) and "Privacy scan"
 * (Engine.scanPrivacy, with a k-anonymity check over columns the user picks), each shown in a dialog with the
 * same views as the notebook's `quality` and `privacy` cells. A check's SQL goes to the notebook as a new cell.
 */
import type { Dataset } from '../../workers/engine/api.js';
import { el, replaceChildren } from '../app/dom.js';
import { createErrorView, toErrorData } from '../app/error-view.js';
import { t } from '../i18n/i18n.js';
import type { EngineClient } from '../platform/platform.js';
import { createScanView } from '../privacy/privacy-view.js';
import { createQualityView } from '../privacy/quality-view.js';
import { createKAnonymityForm } from './k-anonymity-form.js';
import { requestInsertSql } from './insert-sql.js';
import { closeDialog, showDialog } from '../app/show-dialog.js';

type ReportKind = 'quality' | 'privacy';

export function createDatasetReports(engine: EngineClient, dataset: Dataset): HTMLElement {
  const body = el('div', { className: 'report-body' });
  const title = el('h2', {});
  const dialog = el('dialog', { className: 'report-dialog', testid: 'dataset-report-dialog', dataset: { dataset: dataset.name } }, [
    title,
    body,
    el('form', { attrs: { method: 'dialog' } }, [el('button', { testid: 'dataset-report-close', label: () => t('app.common.close') })]),
  ]);
  let shown = 0;

  async function open(kind: ReportKind): Promise<void> {
    const run = ++shown;
    dialog.dataset.report = kind;
    dialog.setAttribute('aria-busy', 'true');
    replaceChildren(title, [t(kind === 'quality' ? 'priv.dataset.qualityTitle' : 'priv.dataset.privacyTitle', { name: dataset.name })]);
    replaceChildren(body, [el('p', { className: 'loading', testid: 'dataset-report-loading', label: () => t('priv.dataset.running') })]);
    showDialog(dialog);
    try {
      const view = kind === 'quality'
        ? createQualityView(await engine.quality(dataset.id), { onInsertSql: (sql) => { requestInsertSql(window, sql); closeDialog(dialog); } })
        : el('div', {}, [createScanView(await engine.scanPrivacy(dataset.id)), createKAnonymityForm(engine, dataset)]);
      if (run === shown) replaceChildren(body, [view]);
    } catch (error) {
      if (run === shown) replaceChildren(body, [createErrorView(toErrorData(error), 'dataset-report-error')]);
    } finally {
      if (run === shown) dialog.removeAttribute('aria-busy');
    }
  }

  const button = (kind: ReportKind) => el('button', {
    className: 'link-button', testid: kind === 'quality' ? 'dataset-quality' : 'dataset-privacy', attrs: { type: 'button' },
    label: () => t(kind === 'quality' ? 'priv.dataset.quality' : 'priv.dataset.privacy'),
    localizedAttrs: { title: () => t(kind === 'quality' ? 'priv.dataset.qualityHint' : 'priv.dataset.privacyHint') },
    on: { click: () => void open(kind) },
  });
  return el('div', { className: 'dataset-reports button-row' }, [button('quality'), button('privacy'), dialog]);
}
