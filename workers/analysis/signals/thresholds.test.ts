import { describe, expect, it } from 'vitest';
import { computeDisproportionality } from './disproportionality.js';
import { DEFAULT_THRESHOLDS, signalFlags } from './thresholds.js';

describe('signalFlags', () => {
  // Three tables (N = 1,000): a strong signal with a = 10, the same proportions with a = 2, and independence.
  const n = Float64Array.of(10, 2, 1);
  const nDrug = Float64Array.of(100, 20, 10);
  const nEvent = Float64Array.of(30, 6, 100);
  const nTotal = Float64Array.of(1000, 1000, 1000);
  const e = Float64Array.from(n, (_, i) => (nDrug[i]! * nEvent[i]!) / nTotal[i]!);
  const measures = computeDisproportionality({ n, nDrug, nEvent, nTotal, e });

  it('applies Evans, ROR025 > 1 with N ≥ 3, IC025 > 0 and EB05 ≥ 2 by default', () => {
    const flags = signalFlags(measures, { eb05: Float64Array.of(2, 1.99, NaN) }, n, DEFAULT_THRESHOLDS);
    // a = 10: PRR 4.5, χ² 16.1, ROR025 2.22, IC025 > 0 (see disproportionality.test.ts)
    expect(Array.from(flags.prrSignal)).toEqual([1, 0, 0]); // a = 2 fails N ≥ 3
    expect(Array.from(flags.rorSignal)).toEqual([1, 0, 0]);
    expect(flags.icSignal[0]).toBe(1);
    expect(flags.icSignal[2]).toBe(0); // E = 1, a = 1: IC = 0
    expect(Array.from(flags.ebgmSignal)).toEqual([1, 0, 0]); // EB05 ≥ 2 includes 2; NaN is never a signal
  });

  it('follows the thresholds given', () => {
    const lenient = { ...DEFAULT_THRESHOLDS, prr: { prr: 2, chisq: 0, n: 1 }, ror: { lower: 1, n: 1 } };
    const flags = signalFlags(measures, { eb05: new Float64Array(3) }, n, lenient);
    expect(flags.prrSignal[1]).toBe(1); // a = 2: PRR = (2/20)/(4/980) = 24.5
    expect(DEFAULT_THRESHOLDS).toEqual({ prr: { prr: 2, chisq: 4, n: 3 }, ror: { lower: 1, n: 3 }, ic: { ic025: 0 }, ebgm: { eb05: 2 } });
  });
});
