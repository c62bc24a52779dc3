import { formatMs } from './format.js';

/** How a figure is shown. */
export type FigureUnit = 'ms' | 'ratio' | 'MiB' | 'MB/s';

/** One measured number, with the target it should meet when it has one. */
export interface Figure {
  benchmark: string;
  name: string;
  /** NaN when the measured feature is not available yet. */
  value: number;
  unit: FigureUnit;
  /** Met when `value <= max`. Figures without a target are reported for information. */
  target?: { max: number };
  /** A short remark shown after the verdict, e.g. what the number includes. */
  note?: string;
}

export type Verdict = 'PASS' | 'FAIL' | 'info' | 'n/a';

export function verdict(figure: Figure): Verdict {
  if (Number.isNaN(figure.value)) return 'n/a';
  if (!figure.target) return 'info';
  return figure.value <= figure.target.max ? 'PASS' : 'FAIL';
}

export function formatValue(value: number, unit: FigureUnit): string {
  if (Number.isNaN(value)) return 'not available yet';
  switch (unit) {
    case 'ms': return formatMs(value);
    case 'ratio': return `${value.toFixed(2)}×`;
    case 'MiB': return `${value.toFixed(0)} MiB`;
    case 'MB/s': return `${value.toFixed(1)} MB/s`;
  }
}

export function formatTarget(figure: Figure): string {
  return figure.target ? `≤ ${formatValue(figure.target.max, figure.unit)}` : '—';
}
