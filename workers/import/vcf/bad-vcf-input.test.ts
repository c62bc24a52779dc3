import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectImportRefused } from '../../../test/helpers/import-refusal.js';
import { FIXTURES, useTempDir } from '../../../test/helpers/temp-dir.js';
import { workspaceSnapshot } from '../../../test/helpers/workspace-snapshot.js';
import type { ImportRequest, Progress } from '../../engine/api.js';
import { WorkspaceEngine } from '../../engine/engine.js';
import type { PmwError } from '../../engine/errors.js';
import { vcfText, writeVcf } from './testing/vcf-text.js';

const GOOD = ['chr1\t100\t.\tA\tG\t50\tPASS\tAC=1\tGT:DP:GQ\t0/1:10:30\t0/0:12:40', 'chr1\t200\t.\tC\tT\t50\tPASS\tAC=0\tGT:DP:GQ\t0/0:9:30\t0/0:8:20'];

/** A VCF of `lines` records × `samples` samples (about 10 bytes a call), for imports that take a while. */
function bigVcf(samples: number, lines: number): string {
  const calls = Array.from({ length: samples }, (_, s) => (s % 5 === 0 ? '0/1:12:30' : '0/0:10:40')).join('\t');
  const records = Array.from({ length: lines }, (_, i) => `chr1\t${i + 1}\t.\tA\tG\t50\tPASS\tAC=1\tGT:DP:GQ\t${calls}`);
  return vcfText(Array.from({ length: samples }, (_, s) => `S${s}`), records);
}

/** Issue 8: a bad VCF is refused with a typed error naming the file and line, and changes nothing. */
describe('VCF import: bad input', () => {
  const temp = useTempDir();
  let engine: WorkspaceEngine;
  let before: string;

  beforeEach(async () => {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(':memory:');
    await engine.importFile({ path: join(FIXTURES, 'vcf', 'hail_haploid.vcf'), name: 'existing' });
    before = await workspaceSnapshot(engine);
  });
  afterEach(async () => {
    await engine.close();
  });

  const refused = (req: ImportRequest, expected: Partial<PmwError>) => expectImportRefused(engine, before, { kind: 'vcf', ...req }, expected);

  it('a truncated gzip or BGZF file is refused as damaged compression', async () => {
    const gz = gzipSync(vcfText(['a', 'b'], GOOD));
    writeFileSync(join(temp(), 'cut.vcf.gz'), gz.subarray(0, gz.length - 20));
    await refused({ path: join(temp(), 'cut.vcf.gz') }, { code: 'FILE_COMPRESSION', message: 'cut.vcf.gz ends in the middle of its gzip data' });
    const bgzf = Buffer.from(await import('node:fs').then((fs) => fs.readFileSync(join(FIXTURES, 'vcf', 'hail_sample.100s.chr20.vcf.bgz'))));
    writeFileSync(join(temp(), 'cut.vcf.bgz'), bgzf.subarray(0, 100_000));
    await refused({ path: join(temp(), 'cut.vcf.bgz') }, { code: 'FILE_COMPRESSION', message: 'cut.vcf.bgz ends in the middle of a BGZF block' });
  });

  it('binary garbage, an empty file and a file without #CHROM line are refused', async () => {
    writeFileSync(join(temp(), 'garbage.vcf'), Buffer.from([0x00, 0x13, 0xff, 0x42, 0x0a, 0x00, 0x01]));
    await refused({ path: join(temp(), 'garbage.vcf') }, { code: 'FILE_FORMAT', line: 1 });
    writeFileSync(join(temp(), 'empty.vcf'), '');
    await refused({ path: join(temp(), 'empty.vcf') }, { code: 'FILE_EMPTY' });
    const noChrom = vcfText(['a', 'b'], []).split('\n').filter((l) => !l.startsWith('#CHROM')).join('\n');
    await refused({ path: writeVcf(temp(), 'nochrom.vcf', noChrom) }, { code: 'FILE_FORMAT', line: 11, message: 'line 11 of nochrom.vcf: the file ends before the #CHROM line (the header line naming the columns and samples)' });
    await refused({ path: writeVcf(temp(), 'data-first.vcf', `##fileformat=VCFv4.2\n${GOOD[0]}\n`) }, { code: 'FILE_FORMAT', line: 2, message: 'line 2 of data-first.vcf: a record comes before the #CHROM line' });
  });

  it('a data line with the wrong number of fields, a GT beyond the ALT alleles and a non-numeric POS name their line', async () => {
    const ragged = writeVcf(temp(), 'ragged.vcf', vcfText(['a', 'b'], [GOOD[0]!, 'chr1\t150\t.\tA\tG\t50\tPASS\t.\tGT\t0/1', GOOD[1]!]));
    await refused({ path: ragged }, { code: 'FILE_FORMAT', line: 14, message: 'line 14 of ragged.vcf: the line ends after 10 fields, the #CHROM line has 11' });
    const beyond = writeVcf(temp(), 'beyond.vcf', vcfText(['a', 'b'], [GOOD[0]!, 'chr1\t150\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\t1/2']));
    await refused({ path: beyond }, { code: 'FILE_FORMAT', line: 14, message: 'line 14 of beyond.vcf: sample b has GT 1/2, but the record has 1 ALT allele' });
    const pos = writeVcf(temp(), 'pos.vcf.gz', vcfText(['a', 'b'], [GOOD[0]!, 'chr1\tabc\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\t0/0']));
    await refused({ path: pos }, { code: 'FILE_FORMAT', line: 14 });
  });

  it('a bad line deep in a large file (parsed by worker threads) is named by its line in the whole file', async () => {
    const text = bigVcf(400, 2_500).replace(/\nchr1\t2000\t[^\n]*/, '\nchr1\t2000\t.\tA\tG\t50\tPASS\tAC=1\tGT:DP:GQ\t0/1');
    const path = writeVcf(temp(), 'deep.vcf', text);
    await refused({ path }, { code: 'FILE_FORMAT', line: 12 + 2000, message: 'line 2,012 of deep.vcf: the line ends after 10 fields, the #CHROM line has 409' });
  });

  it('a cancel while reading leaves the workspace as it was, with and without worker threads', async () => {
    for (const [name, samples] of [['small.vcf', 50], ['large.vcf', 400]] as const) {
      const path = writeVcf(temp(), name, bigVcf(samples, 2_500));
      const taskId = `cancel-${name}`;
      const error = await engine.importFile({ path, taskId }, (p: Progress) => {
        if (p.phase === 'reading') void engine.cancel(taskId);
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'CANCELLED' });
      expect(await workspaceSnapshot(engine)).toBe(before);
    }
  });

  it('a mapping file without the sample and person_id columns, or with a bad person_id, is refused with its line', async () => {
    const vcf = writeVcf(temp(), 'linked.vcf', vcfText(['a', 'b'], GOOD));
    writeFileSync(join(temp(), 'map.tsv'), 'id\tperson\na\t1\n');
    await refused({ path: vcf, vcf: { samples: join(temp(), 'map.tsv') } }, { code: 'FILE_FORMAT', line: 1 });
    writeFileSync(join(temp(), 'map2.csv'), 'sample,person_id\na,1\nb,x\n');
    await refused({ path: vcf, vcf: { samples: join(temp(), 'map2.csv') } }, { code: 'FILE_FORMAT', line: 3, message: 'line 3 of map2.csv: person_id "x" of sample b is not a whole number' });
  });
});
