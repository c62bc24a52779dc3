/**
 * A small seeded pseudo-random generator (xoshiro128**) with the few distributions the sample generator
 * needs. Everything here is plain 32-bit integer arithmetic plus Math.log/exp/sqrt/cos, so the same seed
 * gives the same stream on every machine running the same Node major version.
 */

const TWO_POW_32 = 4294967296;

/** FNV-1a over the UTF-16 code units of a label: turns a stream name into 32 bits of seed material. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** splitmix32: spreads one 32-bit seed over the four words of xoshiro's state. */
function splitmix32(state: { value: number }): number {
  state.value = (state.value + 0x9e3779b9) | 0;
  let z = state.value;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

/** log(k!) exactly for small k, by Stirling's series above that (error < 1e-10 for k >= 16). */
function logFactorial(k: number): number {
  if (k < 16) {
    let sum = 0;
    for (let i = 2; i <= k; i++) sum += Math.log(i);
    return sum;
  }
  const n = k + 1;
  return (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * n) - 1 / (360 * n * n * n);
}

export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /**
   * @param seed any integer; only its low 32 bits are used
   * @param label names an independent stream: the same seed with another label gives unrelated numbers
   */
  constructor(
    readonly seed: number,
    readonly label = '',
  ) {
    const state = { value: (seed ^ hashLabel(label)) | 0 };
    this.s0 = splitmix32(state);
    this.s1 = splitmix32(state);
    this.s2 = splitmix32(state);
    this.s3 = splitmix32(state);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /**
   * An independent stream named by `label`. It depends only on the seed and the labels, not on how many
   * numbers this stream has drawn, so adding draws to one part of the generator leaves the others alone.
   */
  fork(label: string): Random {
    return new Random(this.seed, `${this.label}/${label}`);
  }

  /** Next 32-bit unsigned integer. */
  uint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotateLeft(this.s3, 11);
    return result;
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** Uniform on [low, high). */
  uniformBetween(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Uniform integer in [low, high], both ends included. */
  integer(low: number, high: number): number {
    return low + Math.floor(this.uniform() * (high - low + 1));
  }

  bernoulli(probability: number): boolean {
    return this.uniform() < probability;
  }

  /** Normal by Box–Muller (one of the pair is discarded, which keeps the stream stateless between calls). */
  normal(mean = 0, sd = 1): number {
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  logNormal(meanLog: number, sdLog: number): number {
    return Math.exp(this.normal(meanLog, sdLog));
  }

  /** Exponential waiting time with the given rate (mean 1/rate). */
  exponential(rate: number): number {
    return -Math.log(1 - this.uniform()) / rate;
  }

  /** Poisson count: inversion by multiplication below mean 10, Hörmann's PTRS rejection above. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean < 10) {
      const limit = Math.exp(-mean);
      let count = 0;
      let product = this.uniform();
      while (product > limit) {
        count++;
        product *= this.uniform();
      }
      return count;
    }
    return this.poissonByRejection(mean);
  }

  private poissonByRejection(mean: number): number {
    const logMean = Math.log(mean);
    const b = 0.931 + 2.53 * Math.sqrt(mean);
    const a = -0.059 + 0.02483 * b;
    const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const acceptQuickly = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= acceptQuickly) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const logAccept = Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b);
      if (logAccept <= -mean + k * logMean - logFactorial(k)) return k;
    }
  }

  /** Binomial count: Bernoulli sum for small n, geometric skips (exact, O(n·p)) otherwise. */
  binomial(trials: number, probability: number): number {
    if (probability <= 0 || trials <= 0) return 0;
    if (probability >= 1) return trials;
    if (probability > 0.5) return trials - this.binomial(trials, 1 - probability);
    if (trials <= 64) {
      let count = 0;
      for (let i = 0; i < trials; i++) if (this.uniform() < probability) count++;
      return count;
    }
    const logMiss = Math.log(1 - probability);
    let count = 0;
    let position = -1;
    for (;;) {
      position += Math.floor(Math.log(1 - this.uniform()) / logMiss) + 1;
      if (position >= trials) return count;
      count++;
    }
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick() needs at least one item');
    return items[Math.floor(this.uniform() * items.length)] as T;
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.uniform() * (i + 1));
      const held = items[i] as T;
      items[i] = items[j] as T;
      items[j] = held;
    }
    return items;
  }
}

/** Draws items with fixed relative weights (binary search over the cumulative weights). */
export class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly entries: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [, weight] of entries) {
      if (!(weight >= 0)) throw new Error(`weights must be non-negative, got ${weight}`);
      sum += weight;
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new Error('WeightedTable needs a positive total weight');
    this.total = sum;
  }

  draw(random: Random): T {
    const target = random.uniform() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return (this.entries[low] as readonly [T, number])[0];
  }

  /** `count` distinct items (fewer if the table is smaller), redrawing repeats. */
  drawDistinct(random: Random, count: number): T[] {
    const wanted = Math.min(count, this.entries.length);
    const chosen: T[] = [];
    for (let attempts = 0; chosen.length < wanted && attempts < wanted * 50; attempts++) {
      const item = this.draw(random);
      if (!chosen.includes(item)) chosen.push(item);
    }
    return chosen;
  }
}
