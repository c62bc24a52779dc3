import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../../test/helpers/temp-dir.js';
import { conformanceTable } from './conformance-table.js';
import { runConformance } from './run-conformance.js';

const TABLE = new URL('../../../../docs/vcf-conformance.md', import.meta.url);

describe('the VCF conformance suite (hts-specs test/vcf)', () => {
  it('imports every passed/ file, refuses or warns about every failed/ file, and docs/vcf-conformance.md says so', async () => {
    const outcomes = await runConformance(join(FIXTURES, 'vcf', 'conformance'));
    expect(outcomes.length).toBe(683);
    expect(outcomes.filter((o) => o.expected === 'accept' && o.outcome === 'rejected').map((o) => o.file)).toEqual([]);
    expect(outcomes.filter((o) => o.expected === 'reject' && o.outcome === 'imported').map((o) => o.file)).toEqual([]);
    for (const o of outcomes.filter((x) => x.outcome === 'rejected')) expect(o.messages[0]).toMatch(/^(line [\d,]+ of \S+: |\S+ is empty)/);
    expect(conformanceTable(outcomes)).toBe(readFileSync(TABLE, 'utf8'));
  }, 300_000);
});
