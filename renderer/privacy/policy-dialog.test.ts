import { beforeAll, describe, expect, it } from 'vitest';
import type { PrivacyPolicy } from '../../workers/engine/api.js';
import { byTestId, installDom, waitFor } from '../app/test-dom.node.js';
import { createPolicyControl } from './policy-dialog.js';

beforeAll(() => { installDom(); });

/** An engine holding a policy; setPrivacyPolicy refuses what the real one refuses for these tests. */
function policyEngine(initial: PrivacyPolicy) {
  let policy = { ...initial };
  const changes: Partial<PrivacyPolicy>[] = [];
  return {
    changes,
    engine: {
      privacyPolicy: async () => ({ ...policy }),
      setPrivacyPolicy: async (change: Partial<PrivacyPolicy>) => {
        changes.push(change);
        if (change.minCellCount !== undefined && !Number.isInteger(change.minCellCount)) {
          throw { code: 'BAD_REQUEST', message: `minCellCount is ${JSON.stringify(change.minCellCount)}`, hint: 'a whole number from 0 (show every count) up' };
        }
        policy = { ...policy, ...change };
        return { ...policy };
      },
    },
  };
}

/** linkedom's form controls keep no typed value: set it as the browser would. */
function type(input: HTMLElement, value: string): void {
  Object.defineProperty(input, 'value', { value, configurable: true, writable: true });
}

/** The dialog with form controls whose value can be set and read, as in a browser. */
function mount(engine: ReturnType<typeof policyEngine>['engine']): { control: HTMLElement; find: (id: string) => HTMLInputElement } {
  const control = createPolicyControl(engine);
  const find = (id: string) => byTestId(control, id)[0] as HTMLInputElement;
  for (const id of ['policy-on-identifiers', 'policy-min-cell-count', 'policy-date-shift']) type(find(id), '');
  return { control, find };
}

describe('privacy policy dialog', () => {
  it('shows the policy in force and sends only what changed', async () => {
    const { engine, changes } = policyEngine({ onIdentifiers: 'warn', minCellCount: 5, dateShiftDays: 180 });
    const { control, find } = mount(engine);
    find('policy-open').dispatchEvent(new Event('click'));
    await waitFor(() => !find('policy-save').disabled, 'the policy');
    expect(find('policy-dialog').hasAttribute('open')).toBe(true);
    expect([find('policy-on-identifiers').value, find('policy-min-cell-count').value, find('policy-date-shift').value]).toEqual(['warn', '5', '180']);

    find('policy-save').dispatchEvent(new Event('click'));
    await waitFor(() => byTestId(control, 'policy-unchanged').length === 1, 'nothing to save');
    expect(changes).toEqual([]);

    type(find('policy-min-cell-count'), '10');
    type(find('policy-on-identifiers'), 'refuse');
    find('policy-save').dispatchEvent(new Event('click'));
    await waitFor(() => byTestId(control, 'policy-saved').length === 1, 'the saved policy');
    expect(changes).toEqual([{ onIdentifiers: 'refuse', minCellCount: 10 }]);
    expect(await engine.privacyPolicy()).toEqual({ onIdentifiers: 'refuse', minCellCount: 10, dateShiftDays: 180 });
  });

  it('passes what is not a whole number on, so the Engine’s refusal and hint are shown', async () => {
    const { engine, changes } = policyEngine({ onIdentifiers: 'warn', minCellCount: 5, dateShiftDays: 180 });
    const { control, find } = mount(engine);
    find('policy-open').dispatchEvent(new Event('click'));
    await waitFor(() => !find('policy-save').disabled, 'the policy');
    type(find('policy-min-cell-count'), '');
    find('policy-save').dispatchEvent(new Event('click'));
    await waitFor(() => byTestId(control, 'policy-error').length === 1, 'the refusal');
    // An empty field is not read as 0 (which would show every count).
    expect(changes).toEqual([{ minCellCount: '' }]);
    const error = byTestId(control, 'policy-error')[0]!;
    expect(error.dataset.code).toBe('BAD_REQUEST');
    expect(error.querySelector('.error-hint')?.textContent).toBe('What to do: a whole number from 0 (show every count) up');
  });
});
