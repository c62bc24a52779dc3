import { describe, expect, it } from 'vitest';
import { allocateGroupCounts } from '../../stats/genetics/variant-tests.js';
import { CallCounter, CASE, CONTROL } from './count-calls.js';
import { packGenotype } from './testing.js';

/** The counts the slow way: sample by sample, from the GT text. */
function naiveCounts(gts: string[], status: Uint8Array, group: number) {
  const out = { altCopies: 0, alleles: 0, homRef: 0, het: 0, homAlt: 0 };
  gts.forEach((gt, s) => {
    if (status[s] !== group || gt === '' || gt.includes('.')) return;
    const alleles = gt.split(/[/|]/);
    const copies = alleles.filter((a) => a === '1').length;
    out.altCopies += copies;
    out.alleles += alleles.length;
    if (alleles.length === 2) {
      if (copies === 0) out.homRef++;
      else if (copies === 1) out.het++;
      else out.homAlt++;
    }
  });
  return out;
}

const CODES = ['0/0', '0|0', '0/1', '1|0', '1/1', '1|1', './.', '.', './1', '0/.', '0', '1', '0/0/1', '1/2', '2/2', ''];

describe('CallCounter', () => {
  it.each([1, 3, 4, 7, 64, 2504, 9001])('equals a naive count for %i samples, every kind of call, aligned or not', (samples) => {
    let seed = samples;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    const status = Uint8Array.from({ length: samples }, () => [0, CASE, CONTROL][Math.floor(random() * 3)]!);
    const counter = new CallCounter(status);
    const variants = 40;
    const cases = allocateGroupCounts(variants);
    const controls = allocateGroupCounts(variants);
    const gtsOf: string[][] = [];
    for (let v = 0; v < variants; v++) {
      // Odd variants mostly 0/0, so whole words are skipped; every fourth only diploid calls or missing (the
      // fast path); variant 2 all 1/1, beyond one block's capacity for 9,001 samples.
      const diploid = ['0/0', '0|1', '1/0', '1|1', './.', ''];
      const gts = Array.from({ length: samples }, () => (v === 2 ? '1/1'
        : v % 4 === 0 ? diploid[Math.floor(random() * diploid.length)]!
          : v % 2 && random() < 0.9 ? '0/0' : CODES[Math.floor(random() * CODES.length)]!));
      gtsOf.push(gts);
      const packed = Uint8Array.from(gts, (gt) => (gt === '' ? 0 : packGenotype(gt, 1)));
      // Odd variants start one byte into their buffer: the counter must not assume 4-byte alignment.
      const calls = v % 2 ? new Uint8Array(samples + 1).subarray(1) : new Uint8Array(samples);
      calls.set(packed);
      counter.count(calls, v, cases, controls);
    }
    gtsOf.forEach((gts, v) => {
      for (const [group, counts] of [[CASE, cases], [CONTROL, controls]] as const) {
        const got = { altCopies: counts.altCopies[v], alleles: counts.alleles[v], homRef: counts.homRef[v], het: counts.het[v], homAlt: counts.homAlt[v] };
        expect(got, `variant ${v} group ${group}`).toEqual(naiveCounts(gts, status, group));
      }
    });
  });

  it("keeps counts above a packed field's capacity (8,191) exact", () => {
    const samples = 20_001;
    const counter = new CallCounter(new Uint8Array(samples).fill(CASE));
    const cases = allocateGroupCounts(1);
    const controls = allocateGroupCounts(1);
    counter.count(new Uint8Array(samples).fill(packGenotype('1/1', 1)), 0, cases, controls);
    expect([cases.homAlt[0], cases.altCopies[0], cases.alleles[0], cases.homRef[0]]).toEqual([samples, 2 * samples, 2 * samples, 0]);
  });
});
