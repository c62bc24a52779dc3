/** The engine banner under linkedom: shown on a crash with its detail, Restart, hidden once the engine runs. */
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineState } from '../../main/bridge-api.js';
import { setLocale } from '../i18n/i18n.js';
import { createEngineBanner, ENGINE_RESTARTED_EVENT } from './engine-banner.js';
import { byTestId, installDom, settle } from './test-dom.node.js';

installDom();
afterEach(() => setLocale('en'));

function fakeControl(restart: () => Promise<void>) {
  const listeners = new Set<(state: EngineState) => void>();
  let restarts = 0;
  return {
    emit: (state: EngineState) => { for (const listener of listeners) listener(state); },
    get restarts() { return restarts; },
    onEngineState(listener: (state: EngineState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restartEngine: () => { restarts += 1; return restart(); },
  };
}

describe('engine banner', () => {
  it('says the engine stopped and restarts it on request', async () => {
    let finish: () => void = () => undefined;
    const control = fakeControl(() => new Promise<void>((resolve) => { finish = resolve; }));
    const banner = createEngineBanner(control);
    expect(banner.element.hasAttribute('hidden')).toBe(true);
    control.emit({ status: 'crashed', detail: 'killed by SIGKILL' });
    expect(banner.element.hasAttribute('hidden')).toBe(false);
    expect(byTestId(banner.element, 'engine-banner-text')[0]!.textContent)
      .toBe('The engine stopped (killed by SIGKILL). Your workspace and saved notebooks are kept.');
    setLocale('zh-CN');
    expect(byTestId(banner.element, 'engine-banner-text')[0]!.textContent).toBe('引擎已停止（killed by SIGKILL）。工作区和已保存的笔记本均完好。');
    setLocale('en');

    byTestId(banner.element, 'engine-restart')[0]!.dispatchEvent(new Event('click'));
    expect(control.restarts).toBe(1);
    expect(byTestId(banner.element, 'engine-banner-text')[0]!.textContent).toBe('Restarting the engine…');
    expect(byTestId(banner.element, 'engine-restart')).toHaveLength(0);
    // Main reports `restarting` meanwhile; the banner keeps saying so.
    control.emit({ status: 'restarting' });
    expect(banner.element.hasAttribute('hidden')).toBe(false);
    let announced = 0;
    const onRestarted = (): void => { announced += 1; };
    window.addEventListener(ENGINE_RESTARTED_EVENT, onRestarted);
    finish();
    await settle();
    expect(banner.element.hasAttribute('hidden')).toBe(true);
    // The shell hears of it and reads the catalog again.
    expect(announced).toBe(1);
    window.removeEventListener(ENGINE_RESTARTED_EVENT, onRestarted);
    banner.destroy();
  });

  it('shows why a restart failed and offers it again', async () => {
    const control = fakeControl(async () => {
      throw Object.assign(new Error('the workspace file is locked'), { code: 'WORKSPACE_LOCKED', hint: 'close the other program' });
    });
    const banner = createEngineBanner(control);
    control.emit({ status: 'crashed', detail: 'exit code 1' });
    byTestId(banner.element, 'engine-restart')[0]!.dispatchEvent(new Event('click'));
    await settle();
    expect(banner.element.dataset.status).toBe('restart-failed');
    expect(byTestId(banner.element, 'engine-banner-text')[0]!.textContent).toBe('The engine did not restart.');
    expect(byTestId(banner.element, 'engine-banner-error')[0]!.dataset.code).toBe('WORKSPACE_LOCKED');
    expect(byTestId(banner.element, 'engine-restart')).toHaveLength(1);
  });
});
