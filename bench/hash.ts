/**
 * Stateless 32-bit hashing for generated data: the same inputs give the same bits anywhere in a run,
 * so a value can be derived again where it is needed instead of being kept in a table.
 */

/** Scrambles all 32 bits of `x` (a murmur3-style finaliser; a bijection on uint32). */
export function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A hash of two whole numbers and a salt (which keeps different uses of the same pair unrelated). */
export function hash2(a: number, b: number, salt: number): number {
  return mix32(mix32(a ^ Math.imul(salt, 0x9e3779b9)) + Math.imul(b, 0x27d4eb2f));
}

/** Uniform in (0, 1), never 0: safe to take the log of. */
export function unitFromHash(h: number): number {
  return (h + 0.5) / 4294967296;
}
