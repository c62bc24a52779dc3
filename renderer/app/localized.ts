/**
 * Keeps every visible string in the current language: an element registers how to fill its text, the
 * filler runs now and again after each `setLocale`. Weak references, so removed elements are forgotten.
 */
import { onLocaleChange } from '../i18n/i18n.js';

interface Binding {
  target: WeakRef<Element>;
  apply(target: Element): void;
}

const bindings = new Set<Binding>();
let subscribed = false;

function reapplyAll(): void {
  for (const binding of bindings) {
    const target = binding.target.deref();
    if (target) binding.apply(target);
    else bindings.delete(binding);
  }
}

/** Runs `apply(element)` now and after every language switch; returns the element. */
export function localize<T extends Element>(element: T, apply: (element: T) => void): T {
  if (!subscribed) {
    onLocaleChange(reapplyAll);
    subscribed = true;
  }
  apply(element);
  bindings.add({ target: new WeakRef(element), apply: apply as (target: Element) => void });
  return element;
}
