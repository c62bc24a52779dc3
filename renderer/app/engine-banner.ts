/**
 * The desktop app's notice that the engine process stopped: what happened (the exit code or signal main
 * reported), that the workspace is kept, and a Restart button. Hidden while the engine runs.
 */
import type { EngineState } from '../../main/bridge-api.js';
import { t } from '../i18n/i18n.js';
import { el, replaceChildren } from './dom.js';
import { createErrorView, toErrorData } from './error-view.js';

/** What the banner needs of the platform (ElectronPlatform has both). */
export interface EngineControl {
  onEngineState(listener: (state: EngineState) => void): () => void;
  restartEngine(): Promise<void>;
}

export interface EngineBanner {
  element: HTMLElement;
  destroy(): void;
}

/** Fired on the window when a restarted engine is ready. */
export const ENGINE_RESTARTED_EVENT = 'pmw:engine-restarted';

export function createEngineBanner(control: EngineControl): EngineBanner {
  const element = el('div', { className: 'engine-banner', testid: 'engine-banner', attrs: { role: 'alert', hidden: '' } });
  let restarting = false;

  function show(children: (Node | false)[]): void {
    replaceChildren(element, children);
    element.removeAttribute('hidden');
  }

  async function restart(): Promise<void> {
    if (restarting) return;
    restarting = true;
    show([el('span', { testid: 'engine-banner-text', label: () => t('app.engine.restarting') })]);
    try {
      await control.restartEngine();
      element.setAttribute('hidden', '');
      element.dataset.status = 'ready';
      // The shell reloads what it shows from the new engine (the catalog).
      window.dispatchEvent(new Event(ENGINE_RESTARTED_EVENT));
    } catch (error) {
      element.dataset.status = 'restart-failed';
      show([
        el('span', { testid: 'engine-banner-text', label: () => t('app.engine.restartFailed') }),
        restartButton(),
        createErrorView(toErrorData(error), 'engine-banner-error'),
      ]);
    } finally {
      restarting = false;
    }
  }

  function restartButton(): HTMLButtonElement {
    return el('button', { testid: 'engine-restart', attrs: { type: 'button' }, label: () => t('app.engine.restart'), on: { click: () => void restart() } });
  }

  const stop = control.onEngineState((state) => {
    element.dataset.status = state.status;
    if (state.status === 'crashed' && !restarting) {
      const detail = state.detail ?? '';
      show([el('span', { testid: 'engine-banner-text', label: () => t('app.engine.crashed', { detail }) }), restartButton()]);
    } else if (state.status === 'ready' && !restarting) {
      element.setAttribute('hidden', '');
    }
  });
  return { element, destroy: stop };
}
