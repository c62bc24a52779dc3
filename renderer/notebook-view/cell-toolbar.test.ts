import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.js';
import { toolbarState } from './cell-toolbar.js';

afterEach(() => setLocale('en'));

describe('cell toolbar state machine', () => {
  it('idle, stale, done, error and cancelled cells can run and have nothing to cancel', () => {
    for (const status of ['idle', 'stale', 'done', 'error', 'cancelled'] as const) {
      expect(toolbarState('sql', { status })).toMatchObject({ canRun: true, canCancel: false, status });
    }
  });

  it('queued and running cells can be cancelled, not run again', () => {
    for (const status of ['queued', 'running'] as const) {
      expect(toolbarState('cohort', { status })).toMatchObject({ canRun: false, canCancel: true });
    }
  });

  it('Markdown cells never run', () => {
    expect(toolbarState('markdown', { status: 'idle' }).canRun).toBe(false);
  });

  it('a running cell shows the engine’s message and percent, and the fraction for the bar', () => {
    const state = toolbarState('signals', { status: 'running', progress: { taskId: 't', phase: 'reading', fraction: 0.425, message: 'counting pairs' } });
    expect(state.label).toBe('Running');
    expect(state.detail).toBe('counting pairs — 43%');
    expect(state.fraction).toBe(0.425);
    expect(toolbarState('signals', { status: 'running', progress: { taskId: 't', phase: 'reading', fraction: null, message: 'fitting' } }).detail).toBe('fitting');
  });

  it('done shows the elapsed time; error its message; both in the chosen language', () => {
    expect(toolbarState('sql', { status: 'done', elapsedMs: 1234.4 }).detail).toBe('1,234 ms');
    const error = toolbarState('sql', { status: 'error', error: { code: 'QUERY_ERROR', message: 'Table "persn" does not exist', line: 2, column: 6 } });
    expect(error).toMatchObject({ label: 'Error', detail: 'Table "persn" does not exist' });
    setLocale('zh-CN');
    expect(toolbarState('sql', { status: 'done', elapsedMs: 12 }).label).toBe('完成');
    expect(toolbarState('sql', { status: 'done', elapsedMs: 12 }).detail).toBe('12 毫秒');
  });
});
