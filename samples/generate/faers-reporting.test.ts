import { describe, expect, it } from 'vitest';
import { BACKGROUND_PT_WEIGHTS, FAERS_DRUGS, ingredientName } from './faers-catalog.js';
import { ReportingRatios } from './faers-reporting.js';
import { FAERS_REPORTING_RATIOS } from './effects.js';
import { Random } from './random.js';

describe('ReportingRatios', () => {
  it('gives every drug × background PT pair a ratio that depends only on the seed', () => {
    const first = new ReportingRatios(new Random(11, 'ratios'));
    const again = new ReportingRatios(new Random(11, 'ratios'));
    const other = new ReportingRatios(new Random(12, 'ratios'));
    expect(first.pairs).toBe(FAERS_DRUGS.length * BACKGROUND_PT_WEIGHTS.length);
    const drug = FAERS_DRUGS[3]!;
    const [pt] = BACKGROUND_PT_WEIGHTS[5]!;
    expect(first.ratio(drug, pt)).toBe(again.ratio(drug, pt));
    expect(first.ratio(drug, pt)).not.toBe(other.ratio(drug, pt));
    expect(first.elevated).toEqual(again.elevated);
  });

  it('draws log-normal ratios around 1 and a few elevated ones, as effects.ts says', () => {
    const model = FAERS_REPORTING_RATIOS;
    const logs: number[] = [];
    let elevated = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const ratios = new ReportingRatios(new Random(seed, 'ratios'));
      const high = new Set(ratios.elevated.map(({ ingredient, pt }) => `${ingredient}|${pt}`));
      elevated += ratios.elevated.length;
      for (const drug of FAERS_DRUGS) {
        for (const [pt] of BACKGROUND_PT_WEIGHTS) {
          if (!high.has(`${ingredientName(drug)}|${pt}`)) logs.push(Math.log(ratios.ratio(drug, pt)));
        }
      }
    }
    const share = elevated / (20 * FAERS_DRUGS.length * BACKGROUND_PT_WEIGHTS.length);
    expect(share).toBeGreaterThan(model.elevatedShare * 0.8);
    expect(share).toBeLessThan(model.elevatedShare * 1.2);
    const mean = logs.reduce((sum, x) => sum + x, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (logs.length - 1));
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(sd).toBeGreaterThan(model.baselineSdLog * 0.95);
    expect(sd).toBeLessThan(model.baselineSdLog * 1.05);
  });

  it('weights the PTs of a primary suspect by frequency × ratio', () => {
    const ratios = new ReportingRatios(new Random(3, 'ratios'));
    const drug = FAERS_DRUGS[1]!;
    const random = new Random(4, 'draws');
    const draws = 200_000;
    const counts = new Map<string, number>();
    for (let i = 0; i < draws; i++) {
      const pt = ratios.ptsFor(drug).draw(random);
      counts.set(pt, (counts.get(pt) ?? 0) + 1);
    }
    const total = BACKGROUND_PT_WEIGHTS.reduce((sum, [pt, weight]) => sum + weight * ratios.ratio(drug, pt), 0);
    for (const [pt, weight] of BACKGROUND_PT_WEIGHTS) {
      const expected = (draws * weight * ratios.ratio(drug, pt)) / total;
      expect(Math.abs((counts.get(pt) ?? 0) - expected), pt).toBeLessThan(5 * Math.sqrt(expected) + 1);
    }
  });
});
