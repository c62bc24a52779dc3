/**
 * Heterogeneous reporting: a fixed relative reporting ratio λ for every (drug, background PT) pair, and
 * per drug the table a report's background PTs are drawn from (PT frequency × λ, renormalised). The model
 * and its parameters are FAERS_REPORTING_RATIOS in effects.ts. The table is drugs × PTs (about 1,800
 * pairs), built once before the first case.
 */
import { BACKGROUND_PT_WEIGHTS, FAERS_DRUGS, ingredientName, type FaersDrug } from './faers-catalog.js';
import { FAERS_REPORTING_RATIOS } from './effects.js';
import { WeightedTable, type Random } from './random.js';

/** A pair drawn from the elevated part of the distribution, as the manifest lists it. */
export interface ElevatedPair {
  ingredient: string;
  pt: string;
  /** λ, rounded to 3 digits. */
  ratio: number;
}

export class ReportingRatios {
  private readonly ratios = new Map<FaersDrug, Map<string, number>>();
  private readonly tables = new Map<FaersDrug, WeightedTable<string>>();
  /** Elevated pairs in catalog order (drug, then PT). */
  readonly elevated: ElevatedPair[] = [];
  /** Number of (drug, PT) pairs with a ratio. */
  readonly pairs: number;

  /**
   * @param random a stream of its own: the draws are a fixed number per pair, in catalog order, so the
   *   ratios depend only on the seed.
   */
  constructor(random: Random, drugs: readonly FaersDrug[] = FAERS_DRUGS) {
    const model = FAERS_REPORTING_RATIOS;
    for (const drug of drugs) {
      const row = new Map<string, number>();
      for (const [pt] of BACKGROUND_PT_WEIGHTS) {
        const elevated = random.bernoulli(model.elevatedShare);
        const ratio = elevated ? random.logNormal(Math.log(model.elevatedMedian), model.elevatedSdLog) : random.logNormal(0, model.baselineSdLog);
        row.set(pt, ratio);
        if (elevated) this.elevated.push({ ingredient: ingredientName(drug), pt, ratio: Number(ratio.toFixed(3)) });
      }
      this.ratios.set(drug, row);
      this.tables.set(drug, new WeightedTable(BACKGROUND_PT_WEIGHTS.map(([pt, weight]) => [pt, weight * (row.get(pt) as number)])));
    }
    this.pairs = drugs.length * BACKGROUND_PT_WEIGHTS.length;
  }

  /** λ of a (drug, background PT) pair. */
  ratio(drug: FaersDrug, pt: string): number {
    const value = this.ratios.get(drug)?.get(pt);
    if (value === undefined) throw new Error(`no reporting ratio for PT '${pt}' of drug ${ingredientName(drug)}`);
    return value;
  }

  /** The background PTs of a report whose primary suspect is `drug`, weighted by frequency × λ. */
  ptsFor(drug: FaersDrug): WeightedTable<string> {
    const table = this.tables.get(drug);
    if (!table) throw new Error(`no reporting ratios for drug ${ingredientName(drug)}`);
    return table;
  }
}
