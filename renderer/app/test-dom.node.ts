/**
 * For unit tests under Node: a linkedom document installed as the globals the UI code uses (`document`,
 * `window`, events). Named `.node.ts` so the browser type check leaves it out.
 */
import { parseHTML } from 'linkedom';

export function installDom(): { document: Document; window: Window } {
  const { document, window } = parseHTML('<!doctype html><html lang="en"><head></head><body><div id="app"></div></body></html>');
  const globals = globalThis as Record<string, unknown>;
  globals.document = document;
  globals.window = window;
  for (const name of ['Event', 'CustomEvent', 'HTMLElement', 'Node']) {
    globals[name] = (window as unknown as Record<string, unknown>)[name];
  }
  return { document: document as unknown as Document, window: window as unknown as Window };
}

/** Lets timers and promise callbacks the UI queued run (the grid renders on a timer when there are no frames). */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits until `ready()` holds (polling every 20 ms), failing with `what` after `timeoutMs`. */
export async function waitFor(ready: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The elements under `root` with this `data-testid`, in document order. */
export function byTestId(root: Element, id: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
}
