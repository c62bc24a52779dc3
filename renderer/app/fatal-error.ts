/** The full-page message when the app cannot reach its engine: nothing else on the page would work. */
import { t } from '../i18n/i18n.js';
import { el, replaceChildren } from './dom.js';
import { createErrorView, toErrorData } from './error-view.js';

export type FatalReason = 'connect' | 'disconnect';

export function showFatalError(root: HTMLElement, reason: FatalReason, error?: unknown): void {
  replaceChildren(root, [el('main', { className: 'fatal-error', testid: 'fatal-error', dataset: { reason } }, [
    el('h1', { label: () => t(reason === 'connect' ? 'app.fatal.connectTitle' : 'app.fatal.disconnectTitle') }),
    el('p', { label: () => t(reason === 'connect' ? 'app.fatal.connectHelp' : 'app.fatal.disconnectHelp') }),
    error !== undefined && createErrorView(toErrorData(error), 'fatal-error-detail'),
    el('button', { testid: 'fatal-reload', attrs: { type: 'button' }, label: () => t('app.fatal.reload'), on: { click: () => location.reload() } }),
  ])]);
}
