import { describe, expect, it } from 'vitest';
import { planInfoColumns } from './info-columns.js';
import { VcfLineParser } from './record-parser.js';
import { vcfText } from './testing/vcf-text.js';
import { parseVcfHeader } from './vcf-header.js';

function parse(samples: string[], records: string[]) {
  const lines = vcfText(samples, records).trimEnd().split('\n');
  const headerEnd = lines.findIndex((l) => l.startsWith('#CHROM')) + 1;
  const header = parseVcfHeader(lines.slice(0, headerEnd), 'test.vcf');
  const infoColumns = planInfoColumns(header.info.values(), []);
  const parser = new VcfLineParser({
    samples: header.samples, infoColumns, annotationLayouts: [], percentEncoded: false, formatNumbers: { GT: '1', DP: '1', GQ: '1' }, checkEveryRecord: true,
  });
  const data = new TextEncoder().encode(lines.slice(headerEnd).join('\n') + '\n');
  const batch = parser.parse(data, 0, data.length);
  const text = new TextDecoder().decode(batch.callText);
  const calls = Array.from({ length: batch.rows }, (_, r) => text.slice(batch.callTextStart[r], batch.callTextStart[r + 1]));
  const packed = Array.from({ length: batch.rows }, (_, r) => [...batch.packed.subarray(r * samples.length, (r + 1) * samples.length)]);
  const counts = Array.from({ length: batch.rows }, (_, r) => [...batch.counts.subarray(r * 7, r * 7 + 7)]);
  const info = (key: string) => batch.info[infoColumns.findIndex((c) => c.key === key)];
  return { batch, calls, packed, counts, info };
}

describe('VcfLineParser', () => {
  it('packs each call into one byte per sample (docs/vcf.md): copies, called alleles, phase, missing', () => {
    const samples = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const { packed, counts, calls } = parse(samples, ['chr1\t100\trs1\tA\tG\t50\tPASS\t.\tGT:DP:GQ\t0/0:10:40\t0/1:12:30\t1/1:8:20\t0|1:9:35\t1|0:7:33\t./.:.:.\t./1:5:9\t0:3:10\t1:4:12\t0/0/1:20:50']);
    expect(packed[0]).toEqual([0x10, 0x11, 0x12, 0x51, 0x51, 0x80, 0x89, 0x08, 0x09, 0x19]);
    // ac, an, n_hom_ref, n_het, n_hom_alt, n_missing, n_half
    expect(counts[0]).toEqual([1 + 2 + 1 + 1 + 1 + 1 + 1, 2 * 5 + 1 + 1 + 1 + 3, 1, 3, 1, 1, 1]);
    // A GT that is the usual text for its byte is left out of the token (the view writes it back).
    expect(calls[0]).toBe('1:11::12:30 2:12::8:20 3:51::9:35 4:51:1|0:7:33 5:80::: 6:89::5:9 8:09::4:12 9:19:0/0/1:20:50');
  });

  it('splits a multi-allelic record into one row per ALT with per-allele INFO (A, R, G) and downcoded calls', () => {
    const { batch, packed, counts, info, calls } = parse(['a', 'b', 'c'], [
      'chr1\t200\t.\tG\tA,GC\t.\t.\tAC=3,1;AN=6;AD=10,5,2;GL=0,1,2,3,4,5;DB\tGT\t1/2\t1/1\t0/2',
    ]);
    expect(batch.rows).toBe(2);
    expect(batch.alt).toEqual(['A', 'GC']);
    expect([...batch.alleleIndex]).toEqual([1, 2]);
    expect([...batch.qualValid]).toEqual([0, 0]);
    expect(packed).toEqual([[0x11, 0x12, 0x10], [0x11, 0x10, 0x11]]);
    expect(counts.map((c) => c.slice(0, 2))).toEqual([[3, 6], [2, 6]]);
    expect(info('AC')).toEqual([3, 1]);
    expect(info('AN')).toEqual([6, 6]);
    expect(info('AD')).toEqual([[10, 5], [10, 2]]);
    // G for alleles {0, j}: 0/0, 0/j, j/j → indexes 0, j(j+1)/2, j(j+1)/2 + j.
    expect(info('GL')).toEqual([[0, 1, 2], [0, 3, 5]]);
    expect(info('DB')).toEqual([true, true]);
    expect(calls).toEqual(['0:11:1/2:: 1:12:1/1::', '0:11:1/2:: 2:11:0/2::']);
  });

  it('reads dropped trailing FORMAT fields, a FORMAT without GT, and a bare missing call', () => {
    const { packed, calls } = parse(['a', 'b', 'c'], ['chr1\t300\t.\tC\tT\t10\t.\t.\tGT:DP:GQ\t0/1\t.\t1/1:7', 'chr1\t301\t.\tC\tT\t10\t.\t.\tDP\t4\t5\t6']);
    expect(packed).toEqual([[0x11, 0x80, 0x12], [0, 0, 0]]);
    expect(calls).toEqual(['0:11::: 1:80:.:: 2:12::7:', '0:00::4: 1:00::5: 2:00::6:']);
  });

  it('writes the same tokens whether DP and GQ are plain digits (copied as they stand) or not', () => {
    // FORMAT GT:DP:GQ:PL; by docs/vcf.md each token is sample_idx:code:GT:DP:GQ, GT left out when canonical
    // (0|1 for 0x51), `.` and non-numbers empty, a decimal kept as written, PL never in the token.
    const { calls, batch } = parse(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], [
      'chr1\t400\t.\tC\tT\t10\t.\t.\tGT:DP:GQ:PL\t0|1:26:78:0,10,100\t1|0::5\t0|1:.:78\t1|1:2.5:-3\t0|1\t0|1:7\t0|1:x:9\t0|0:1:2',
    ]);
    expect(calls[0]).toBe('0:51::26:78 1:51:1|0::5 2:51:::78 3:52::2.5:-3 4:51::: 5:51::7: 6:51:::9');
    expect(batch.notes.map((n) => n.kind)).toEqual(['undeclared-format:PL', 'bad-dp-gq']);
  });

  it('refuses a GT naming an ALT the record lacks, a malformed GT, and a ragged line, naming the line', () => {
    expect(parse(['a'], ['chr1\t1\t.\tA\tG\t.\t.\t.\tGT\t0/2']).batch.problem).toMatchObject({ lineIndex: 0, message: 'sample a has GT 0/2, but the record has 1 ALT allele' });
    expect(parse(['a'], ['chr1\t1\t.\tA\tG\t.\t.\t.\tGT\t0/0', 'chr1\t2\t.\tA\tG\t.\t.\t.\tGT\tx/1']).batch.problem).toMatchObject({ lineIndex: 1, message: 'sample a has GT "x/1", which is not a genotype' });
    expect(parse(['a', 'b'], ['chr1\t1\t.\tA\tG\t.\t.\t.\tGT\t0/0']).batch.problem).toMatchObject({ message: 'the line ends after 10 fields, the #CHROM line has 11' });
    expect(parse(['a'], ['chr1\t1\t.\tA\tG\t.\t.\t.\tGT\t0/0\t0/1']).batch.problem).toMatchObject({ message: 'the line has 11 fields, the #CHROM line has 10' });
    expect(parse(['a'], ['chr1\tx1\t.\tA\tG\t.\t.\t.\tGT\t0/0']).batch.problem?.message).toMatch(/^POS "x1" is not a position/);
  });

  it('notes what it repaired: unsorted records, bad numbers, undeclared keys, a GT naming an ALT in a record without ALT', () => {
    const { batch } = parse(['a'], [
      'chr1\t20\t.\tA\tG\tbad\t.\tAC=x;XX=1\tGT:DP\t0/1:lots',
      'chr1\t10\t.\tA\t.\t.\t.\t.\tGT:ZZ\t0/1:3',
    ]);
    expect(batch.notes.map((n) => [n.kind, n.lineIndex])).toEqual([
      ['bad-qual', 0], ['info-bad-value:AC', 0], ['unsorted', 1], ['gt-without-alt', 1], ['undeclared-format:ZZ', 1], ['bad-dp-gq', 0],
    ]);
    expect(batch.undeclaredInfo).toEqual([{ row: 0, key: 'XX', value: '1' }]);
  });
});
