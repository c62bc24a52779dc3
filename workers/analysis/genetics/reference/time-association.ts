/**
 * Times the association (counts + HWE + every test + the result table) on a generated VCF layout of
 * 2,504 samples × 100,000 variants (docs/vcf.md tables `sample`, `variant`, `genotype_packed`; the sparse
 * `genotype` table is not written, the association does not read it), in a workspace file.
 *
 *   npx tsx workers/analysis/genetics/reference/time-association.ts [--samples 2504] [--variants 100000]
 *       [--spectrum neutral|uniform] [--runs 3] [--db /tmp/pmw-assoc-timing.duckdb]
 *
 * `neutral`: ALT counts drawn ∝ 1/k (the neutral site-frequency spectrum; most variants are rare, as in
 * 1000 Genomes), phased calls. `uniform`: ALT frequency uniform on 0–0.5, the worst case for counting.
 * The database is reused when it exists with the same shape. Besides wall time it prints the process's
 * CPU time (user + system, all threads), which a busy machine inflates much less.
 */
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Task } from '../../../db/tasks.js';
import type { AssociationSpec } from '../../../engine/api.js';
import { AUDIT_TABLE_SQL, AuditLog } from '../../../engine/audit-log.js';
import { CASE, CONTROL } from '../count-calls.js';
import { associate } from '../run-association.js';
import { summarizePhenotype } from '../phenotype-file.js';
import { fixtureDataset, variantCounts } from '../testing.js';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '2504' },
    variants: { type: 'string', default: '100000' },
    spectrum: { type: 'string', default: 'neutral' },
    runs: { type: 'string', default: '3' },
    db: { type: 'string' },
  },
});
const samples = Number(values.samples);
const variants = Number(values.variants);
const spectrum = values.spectrum === 'uniform' ? 'uniform' : 'neutral';
const path = values.db ?? `/tmp/pmw-assoc-timing-${samples}x${variants}-${spectrum}.duckdb`;

/** mulberry32: a small seeded generator, so every run times the same data. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function generate(connection: DuckDBConnection): Promise<void> {
  const random = seeded(2504);
  await connection.run('CREATE SCHEMA timing');
  await connection.run('CREATE TABLE timing.sample (sample_idx INTEGER, sample VARCHAR)');
  await connection.run('CREATE TABLE timing.vcf_sample (sample VARCHAR, person_id BIGINT)');
  await connection.run(`CREATE TABLE timing.variant (variant_id INTEGER, chrom VARCHAR, pos INTEGER, ref VARCHAR, alt VARCHAR, rsid VARCHAR,
    gene VARCHAR, consequence VARCHAR, impact VARCHAR, ac INTEGER, an INTEGER, n_hom_ref INTEGER, n_het INTEGER, n_hom_alt INTEGER,
    n_missing INTEGER, n_half INTEGER)`);
  await connection.run('CREATE TABLE timing.genotype_packed (variant_id INTEGER, calls BLOB)');
  await connection.run(`INSERT INTO timing.sample SELECT i, 'S' || lpad(i::VARCHAR, 5, '0') FROM range(${samples}) t(i)`);
  const variantAppender = await connection.createAppender('variant', 'timing');
  const packedAppender = await connection.createAppender('genotype_packed', 'timing');
  const haplotypes = 2 * samples;
  const harmonic = Math.log(haplotypes - 1) + 0.5772156649;
  const calls = new Uint8Array(samples);
  const alt = new Uint8Array(haplotypes);
  for (let v = 0; v < variants; v++) {
    const k = spectrum === 'neutral'
      ? Math.min(haplotypes - 1, Math.max(1, Math.round(Math.exp(random() * harmonic))))
      : Math.round(random() * 0.5 * haplotypes);
    alt.fill(0);
    for (let placed = 0; placed < k;) {
      const h = Math.floor(random() * haplotypes);
      if (!alt[h]) { alt[h] = 1; placed++; }
    }
    for (let s = 0; s < samples; s++) calls[s] = random() < 0.002 ? 0x80 : 0x50 | (alt[2 * s]! + alt[2 * s + 1]!);
    const counts = variantCounts(calls);
    variantAppender.appendInteger(v);
    variantAppender.appendVarchar('22');
    variantAppender.appendInteger(16_050_000 + 10 * v);
    variantAppender.appendVarchar('A');
    variantAppender.appendVarchar('G');
    variantAppender.appendNull();
    variantAppender.appendVarchar(`GENE${Math.floor(v / 50)}`);
    variantAppender.appendVarchar('missense_variant');
    variantAppender.appendVarchar(v % 10 === 0 ? 'HIGH' : 'MODERATE');
    for (const n of counts) variantAppender.appendInteger(n);
    variantAppender.endRow();
    packedAppender.appendInteger(v);
    packedAppender.appendBlob(calls);
    packedAppender.endRow();
  }
  variantAppender.closeSync();
  packedAppender.closeSync();
  await connection.run('CHECKPOINT');
}

const fresh = !existsSync(path);
if (fresh) rmSync(`${path}.wal`, { force: true });
const instance = await DuckDBInstance.create(path);
const connection = await instance.connect();
if (fresh) {
  const started = performance.now();
  await generate(connection);
  console.log(`generated ${samples} × ${variants} (${spectrum}) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${path}`);
}
await connection.run(AUDIT_TABLE_SQL);
const audit = new AuditLog();
await audit.load(connection);
const status = new Uint8Array(samples);
const random = seeded(8);
for (let s = 0; s < samples; s++) status[s] = random() < 0.5 ? CASE : CONTROL;
const phenotype = summarizePhenotype(status, []);
const dataset = fixtureDataset('timing', variants);
for (let run = 1; run <= Number(values.runs); run++) {
  const specs: [string, Partial<AssociationSpec>][] = [
    ['association', {}],
    ['association + burden (HIGH, maxAf 0.01)', { burden: { impact: ['HIGH'], maxAf: 0.01 } }],
  ];
  for (const [label, spec] of specs) {
    // Phase times from the progress reports: the first chunk of calls read, the tests started.
    const marks = new Map<string, number>();
    const task = new Task(`timing-${run}`, 'timing', connection, (p) => {
      if (!marks.has(p.phase)) marks.set(p.phase, performance.now());
    });
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await associate(task, audit, dataset, { dataset: 'timing', phenotype: { file: '-' }, limit: 10, ...spec }, phenotype);
    const ended = performance.now();
    const used = process.cpuUsage(cpu);
    const reading = marks.get('reading') ?? started;
    const finishing = marks.get('finishing') ?? ended;
    console.log(`run ${run}, ${label}: ${result.variants.toLocaleString('en-US')} variants, ${phenotype.cases} cases, ${phenotype.controls} controls: `
      + `${Math.round(ended - started)} ms (selection and first chunk ${Math.round(reading - started)}, reading and counting ${Math.round(finishing - reading)}, `
      + `tests and tables ${Math.round(ended - finishing)}); CPU ${Math.round((used.user + used.system) / 1000)} ms`);
  }
}
connection.closeSync();
instance.closeSync();
