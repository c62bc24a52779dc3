/** The about box: what the app is, its version and the workspace file it works on. */
import { t } from '../i18n/i18n.js';
import { el } from './dom.js';

export interface AboutInfo {
  workspace: string;
  appVersion: string;
}

export function createAboutDialog(info: AboutInfo): HTMLDialogElement {
  const dialog = el('dialog', { className: 'about-dialog', testid: 'about-dialog' }, [
    el('h2', { label: () => t('app.title') }),
    el('p', { label: () => t('app.about.summary') }),
    el('dl', {}, [
      el('dt', { label: () => t('app.about.version') }),
      el('dd', { testid: 'about-version', text: info.appVersion }),
      el('dt', { label: () => t('app.about.workspace') }),
      el('dd', { testid: 'about-workspace', text: info.workspace }),
    ]),
    el('form', { attrs: { method: 'dialog' } }, [el('button', { testid: 'about-close', label: () => t('app.common.close') })]),
  ]);
  return dialog;
}
