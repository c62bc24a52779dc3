/**
 * Gene-level burden: a sample carries a gene's burden when it has at least one ALT copy of any qualifying
 * variant of the gene (the collapsing of CAST, Morgenthaler & Thilly 2007, Mutat Res 615:28–56); missing
 * calls count as not carrying. Carriers among cases and controls give a 2×2 table, tested with Fisher's
 * exact test, with its odds ratio.
 */
import { fisherExactP } from '../../stats/genetics/fisher-exact.js';
import { oddsRatio } from '../../stats/genetics/two-by-two.js';
import { CASE, CONTROL } from './count-calls.js';
import { ALT_COPIES_MASK } from './packed-calls.js';

export interface BurdenRow {
  gene: string;
  variants: number;
  carriersCases: number;
  cases: number;
  carriersControls: number;
  controls: number;
  or: number;
  pFisher: number;
}

export class BurdenCarriers {
  /** Per gene (index into `genes`), a carrier flag per sample; made when the gene's first variant is seen. */
  private readonly carriers: (Uint8Array | undefined)[];
  private readonly variants: Int32Array;

  constructor(readonly genes: string[], private readonly samples: number) {
    this.carriers = new Array<Uint8Array | undefined>(genes.length);
    this.variants = new Int32Array(genes.length);
  }

  /** Adds one qualifying variant of gene `gene`. */
  add(gene: number, calls: Uint8Array): void {
    let flags = this.carriers[gene];
    if (!flags) {
      flags = new Uint8Array(this.samples);
      this.carriers[gene] = flags;
    }
    this.variants[gene] = this.variants[gene]! + 1;
    for (let s = 0; s < calls.length; s++) if (calls[s]! & ALT_COPIES_MASK) flags[s] = 1;
  }

  /** One row per gene with a qualifying variant, in the order of `genes`. */
  rows(status: Uint8Array, cases: number, controls: number): BurdenRow[] {
    const rows: BurdenRow[] = [];
    this.genes.forEach((gene, g) => {
      const flags = this.carriers[g];
      if (!flags) return;
      let carriersCases = 0;
      let carriersControls = 0;
      for (let s = 0; s < flags.length; s++) {
        if (!flags[s]) continue;
        if (status[s] === CASE) carriersCases++;
        else if (status[s] === CONTROL) carriersControls++;
      }
      const a = carriersCases, b = cases - carriersCases, c = carriersControls, d = controls - carriersControls;
      rows.push({ gene, variants: this.variants[g]!, carriersCases, cases, carriersControls, controls, or: oddsRatio(a, b, c, d), pFisher: fisherExactP(a, b, c, d) });
    });
    return rows;
  }
}
