import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageRows } from '../../../test/helpers/page-rows.js';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { WorkspaceEngine } from '../../engine/engine.js';
import { vcfText, writeVcf } from './testing/vcf-text.js';

describe('linkSamples', () => {
  const temp = useTempDir();
  let engine: WorkspaceEngine;

  beforeEach(async () => {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(':memory:');
    const vcf = writeVcf(temp(), 'c.vcf', vcfText(['s1', 's2', 's3'], ['chr1\t5\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0\t1/1']));
    await engine.importFile({ path: vcf, name: 'c' });
  });
  afterEach(async () => {
    await engine.close();
  });

  it('replaces vcf_sample from a mapping file, lists samples the VCF lacks, updates the catalog and audits it', async () => {
    writeFileSync(join(temp(), 'map.csv'), 'person_id,sample\n10,s1\n30,s3\n99,nobody\n');
    expect(await engine.linkSamples('c', join(temp(), 'map.csv'))).toEqual({ linked: 2, unknownSamples: ['nobody'] });
    expect(pageRows(await engine.query('SELECT sample, person_id FROM c.vcf_sample ORDER BY sample'))).toEqual([['s1', 10n], ['s3', 30n]]);
    writeFileSync(join(temp(), 'map.tsv'), 'sample\tperson_id\ns2\t20\n');
    expect(await engine.linkSamples('c', join(temp(), 'map.tsv'))).toEqual({ linked: 1, unknownSamples: [] });
    expect(pageRows(await engine.query('SELECT sample, person_id FROM c.vcf_sample'))).toEqual([['s2', 20n]]);
    const dataset = await engine.dataset('c');
    expect(dataset.tables.find((t) => t.table === 'c.vcf_sample')?.rows).toBe(1);
    const audit = await engine.audit();
    expect(audit.filter((e) => e.action === 'import').map((e) => JSON.parse(e.detail).link ?? null).filter(Boolean)).toHaveLength(2);
  });

  it('refuses a dataset that is not a VCF', async () => {
    writeFileSync(join(temp(), 't.csv'), 'a,b\n1,2\n');
    await engine.importFile({ path: join(temp(), 't.csv'), name: 't' });
    await expect(engine.linkSamples('t', join(temp(), 't.csv'))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
