import type { MgpsFit } from '../workers/engine/api.js';
import { formatCount } from './format.js';

const num = (x: number): string => (Number.isFinite(x) ? x.toPrecision(4) : String(x));
const point = (values: readonly number[]): string => `(${values.map(num).join(', ')})`;

/** The fitted MGPS prior, whether and how it converged, and where each starting point ended. */
export function fitReport(fit: MgpsFit): string[] {
  return [
    `MGPS prior: α1 ${num(fit.alpha1)}, β1 ${num(fit.beta1)}, α2 ${num(fit.alpha2)}, β2 ${num(fit.beta2)}, P ${num(fit.p)}; ` +
      `log-likelihood ${fit.logLik.toFixed(4)}; ${fit.converged ? 'converged' : 'NOT converged'} after ${fit.iterations} iterations; ` +
      `fitted on ${formatCount(fit.pairsUsed)} pairs`,
    ...fit.starts.map((s, i) =>
      `  start ${i + 1} ${point(s.start)} → ${point(s.end)}  log-likelihood ${s.logLik.toFixed(4)}${s.converged ? '' : '  (not converged)'}`),
  ];
}
