/**
 * The workspace privacy policy, from the top bar: what an import does when it finds direct identifiers (warn,
 * refuse, transform), the minimum cell count every analysis applies (0 shows every count: teaching data only)
 * and the ± days of date shifting. Read with privacyPolicy() each time the dialog opens; Save sends only what
 * changed to setPrivacyPolicy(), which checks it (its errors are shown as they come) and says what is in force.
 */
import type { PrivacyPolicy } from '../../workers/engine/api.js';
import { el, replaceChildren } from '../app/dom.js';
import { createErrorView, toErrorData } from '../app/error-view.js';
import { closeDialog, showDialog } from '../app/show-dialog.js';
import { t, type MessageKey } from '../i18n/i18n.js';
import type { EngineClient } from '../platform/platform.js';

const ACTIONS: PrivacyPolicy['onIdentifiers'][] = ['warn', 'refuse', 'transform'];

/** A whole number as typed, or the text itself so the Engine's check can name what is wrong with it. */
function wholeNumber(text: string): number | string {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : text;
}

export function createPolicyControl(engine: Pick<EngineClient, 'privacyPolicy' | 'setPrivacyPolicy'>): HTMLElement {
  let current: PrivacyPolicy | null = null;
  const onIdentifiers = el('select', { testid: 'policy-on-identifiers' },
    ACTIONS.map((action) => el('option', { attrs: { value: action }, label: () => t(`priv.policy.action.${action}` as MessageKey) })));
  const minCellCount = el('input', { testid: 'policy-min-cell-count', attrs: { type: 'number', min: '0', step: '1' } });
  const dateShiftDays = el('input', { testid: 'policy-date-shift', attrs: { type: 'number', min: '1', max: '3650', step: '1' } });
  const message = el('div', { className: 'policy-message', testid: 'policy-message', attrs: { role: 'status' } });
  const save = el('button', { testid: 'policy-save', attrs: { type: 'button' }, label: () => t('priv.policy.save'), on: { click: () => void store() } });
  const field = (key: MessageKey, hint: MessageKey, input: HTMLElement) => el('label', { className: 'field' }, [
    el('span', { label: () => t(key) }), input, el('small', { className: 'muted', label: () => t(hint) }),
  ]);
  const dialog = el('dialog', { className: 'policy-dialog', testid: 'policy-dialog' }, [
    el('h2', { label: () => t('priv.policy.title') }),
    el('p', { className: 'muted small', label: () => t('priv.policy.intro') }),
    field('priv.policy.onIdentifiers', 'priv.policy.onIdentifiersHint', onIdentifiers),
    field('priv.policy.minCellCount', 'priv.policy.minCellCountHint', minCellCount),
    field('priv.policy.dateShiftDays', 'priv.policy.dateShiftDaysHint', dateShiftDays),
    message,
    el('div', { className: 'button-row' }, [
      save,
      el('button', { testid: 'policy-close', attrs: { type: 'button' }, label: () => t('app.common.close'), on: { click: () => closeDialog(dialog) } }),
    ]),
  ]);

  function fill(policy: PrivacyPolicy): void {
    current = policy;
    onIdentifiers.value = policy.onIdentifiers;
    minCellCount.value = String(policy.minCellCount);
    dateShiftDays.value = String(policy.dateShiftDays);
  }

  const showError = (error: unknown): void => replaceChildren(message, [createErrorView(toErrorData(error), 'policy-error')]);

  async function open(): Promise<void> {
    replaceChildren(message, []);
    save.disabled = true;
    showDialog(dialog);
    try {
      fill(await engine.privacyPolicy());
      save.disabled = false;
    } catch (error) {
      showError(error);
    }
  }

  async function store(): Promise<void> {
    if (!current) return;
    const typed = { onIdentifiers: onIdentifiers.value, minCellCount: wholeNumber(minCellCount.value), dateShiftDays: wholeNumber(dateShiftDays.value) };
    const change = Object.fromEntries(Object.entries(typed).filter(([key, value]) => current![key as keyof PrivacyPolicy] !== value));
    if (Object.keys(change).length === 0) {
      replaceChildren(message, [el('p', { testid: 'policy-unchanged', label: () => t('priv.policy.unchanged') })]);
      return;
    }
    save.disabled = true;
    try {
      fill(await engine.setPrivacyPolicy(change as Partial<PrivacyPolicy>));
      replaceChildren(message, [el('p', { testid: 'policy-saved', label: () => t('priv.policy.saved') })]);
    } catch (error) {
      showError(error);
    } finally {
      save.disabled = false;
    }
  }

  const button = el('button', {
    className: 'link-button', testid: 'policy-open', attrs: { type: 'button' },
    label: () => t('priv.policy.open'), on: { click: () => void open() },
  });
  return el('span', { className: 'policy-control' }, [button, dialog]);
}
