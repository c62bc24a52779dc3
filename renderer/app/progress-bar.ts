/** A labelled progress bar: determinate when the fraction is known, indeterminate otherwise. */
import { el } from './dom.js';
import { localize } from './localized.js';

export interface ProgressBar {
  element: HTMLElement;
  /** `label` is re-evaluated when the language changes. */
  set(fraction: number | null, label: () => string): void;
  show(visible: boolean): void;
}

export function createProgressBar(testid: string): ProgressBar {
  const bar = el('progress', { attrs: { max: '1' } });
  let currentLabel: () => string = () => '';
  const text = localize(el('span', { className: 'progress-text' }), (span) => { span.textContent = currentLabel(); });
  const element = el('div', { className: 'progress', testid, attrs: { hidden: '' } }, [bar, text]);
  return {
    element,
    set(fraction, label) {
      if (fraction === null) bar.removeAttribute('value');
      else bar.setAttribute('value', String(Math.min(1, Math.max(0, fraction))));
      element.dataset.fraction = fraction === null ? '' : String(fraction);
      currentLabel = label;
      text.textContent = label();
    },
    show(visible) {
      if (visible) element.removeAttribute('hidden');
      else element.setAttribute('hidden', '');
    },
  };
}
