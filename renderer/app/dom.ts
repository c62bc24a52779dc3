/**
 * The one element helper of the UI: `el('button', { testid: 'import-start', label: () => t('app.import.start') })`.
 * `label` and `localizedAttrs` are re-applied on every language switch (see localized.ts); `text` is data
 * (a dataset name, a number already formatted) and is set once.
 */
import { localize } from './localized.js';

export type Child = Node | string | null | undefined | false;

export interface ElementProps {
  className?: string;
  /** Stable hook for the end-to-end tests: `data-testid`. */
  testid?: string;
  /** Data shown as is (never a sentence of the UI: those go through `label`). */
  text?: string;
  /** Localized text content, recomputed when the language changes. */
  label?: () => string;
  /** Localized attributes (`title`, `placeholder`, `aria-label`), recomputed when the language changes. */
  localizedAttrs?: Record<string, () => string>;
  attrs?: Record<string, string>;
  dataset?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.testid) element.setAttribute('data-testid', props.testid);
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const [name, value] of Object.entries(props.dataset ?? {})) element.dataset[name] = value;
  for (const [type, listener] of Object.entries(props.on ?? {})) element.addEventListener(type, listener as EventListener);
  if (props.text !== undefined) element.textContent = props.text;
  const { label, localizedAttrs } = props;
  if (label || localizedAttrs) {
    localize(element, (target) => {
      if (label) target.textContent = label();
      for (const [name, value] of Object.entries(localizedAttrs ?? {})) target.setAttribute(name, value());
    });
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}
