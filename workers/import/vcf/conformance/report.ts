/**
 * Writes docs/vcf-conformance.md: what pmw does with each file of the official VCF conformance suite
 * (samtools/hts-specs test/vcf, copied to test/fixtures/vcf/conformance).
 *
 *   npx tsx workers/import/vcf/conformance/report.ts            # rewrites the table
 *   npx tsx workers/import/vcf/conformance/report.ts --check    # fails when the table is out of date
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { conformanceTable } from './conformance-table.js';
import { runConformance } from './run-conformance.js';

const FOLDER = fileURLToPath(new URL('../../../../test/fixtures/vcf/conformance', import.meta.url));
const TABLE = fileURLToPath(new URL('../../../../docs/vcf-conformance.md', import.meta.url));

const table = conformanceTable(await runConformance(FOLDER));
if (process.argv.includes('--check')) {
  const committed = await readFile(TABLE, 'utf8').catch(() => '');
  if (committed !== table) {
    process.stderr.write('docs/vcf-conformance.md is out of date: run npx tsx workers/import/vcf/conformance/report.ts\n');
    process.exit(1);
  }
} else {
  await writeFile(TABLE, table);
  process.stdout.write(`wrote ${TABLE}\n`);
}
