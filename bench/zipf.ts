/**
 * A skewed (Zipf–Mandelbrot) choice among `size` items: item r is drawn with weight (r + offset)^−s, so a
 * few items are common and most are rare. Drawing is a binary search on the cumulative weights.
 */
export class ZipfTable {
  private readonly cumulative: Float64Array;

  constructor(readonly size: number, exponent: number, offset: number) {
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let r = 0; r < size; r++) {
      total += (r + offset) ** -exponent;
      this.cumulative[r] = total;
    }
    for (let r = 0; r < size; r++) this.cumulative[r]! /= total;
  }

  /** The item for a uniform `u` in [0, 1). */
  draw(u: number): number {
    const c = this.cumulative;
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The share of draws that give item r. */
  share(r: number): number {
    return this.cumulative[r]! - (r > 0 ? this.cumulative[r - 1]! : 0);
  }
}
