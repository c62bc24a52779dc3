import type { DuckDBConnection } from '@duckdb/node-api';
import { pageQuery } from '../../db/page-query.js';
import { quoteIdentifier } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import type { Dataset, PgxResult, PgxSpec } from '../../engine/api.js';
import type { AuditLog } from '../../engine/audit-log.js';
import { PmwError } from '../../engine/errors.js';
import { saveResultTable } from '../signals/save-result.js';
import { callGene } from './call-gene.js';
import { CALL_COLUMNS, stageCalls, STAGED_CALLS, summarizeCalls, type SampleCall } from './calls-table.js';
import { crossTabulate } from './cross-tab.js';
import { matchVariant, readCandidateVariants, type VariantMatch } from './match-variants.js';
import { PGX_SOURCE, pgxGenes, TABLE_BUILD, type PgxGene } from './pgx-table.js';
import { observe, readGenotypeSource } from './read-genotypes.js';
import { detectReferenceBuild, type ReferenceBuild } from './reference-build.js';
import { matchingWarnings } from './matching-warnings.js';
import { shownPgxCounts } from './pgx-suppression.js';
import { minCellCountOf } from '../privacy/suppress/suppression-sql.js';

/** The genes asked for (all by default), in table order; unknown names are refused with the list. */
export function selectGenes(all: PgxGene[], names: string[] | undefined): PgxGene[] {
  if (!names?.length) return all;
  const wanted = names.map((n) => String(n).trim().toLowerCase());
  const unknown = names.filter((_, i) => !all.some((g) => g.gene.toLowerCase() === wanted[i]));
  if (unknown.length) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `no pharmacogene named ${unknown.join(', ')} in the bundled table`, hint: `the genes are: ${all.map((g) => g.gene).join(', ')}` });
  }
  return all.filter((g) => wanted.includes(g.gene.toLowerCase()));
}

async function readBuild(connection: DuckDBConnection, schema: string): Promise<ReferenceBuild> {
  const reader = await connection.runAndReadAll(`SELECT line FROM ${schema}.vcf_header WHERE line LIKE '##reference=%' OR line LIKE '##contig=%' ORDER BY line_no`);
  return detectReferenceBuild(reader.getRowsJS().map((r) => String(r[0])));
}

async function readSamples(connection: DuckDBConnection, schema: string): Promise<{ sample: string; personId: bigint | null }[]> {
  const reader = await connection.runAndReadAll(`SELECT s.sample, l.person_id FROM ${schema}.sample s
    LEFT JOIN (SELECT sample, min(person_id) AS person_id FROM ${schema}.vcf_sample GROUP BY sample) l USING (sample)
    ORDER BY s.sample_idx`);
  return reader.getRowsJS().map((r) => ({ sample: String(r[0]), personId: r[1] === null ? null : BigInt(r[1] as bigint) }));
}

function requireVcf(dataset: Dataset): string {
  if (dataset.kind !== 'vcf') {
    throw new PmwError({ code: 'BAD_REQUEST', message: `dataset ${dataset.name} is a ${dataset.kind} dataset; pharmacogenomic calls need a VCF`, hint: 'import a VCF (pmw import FILE.vcf.gz) and name that dataset' });
  }
  return quoteIdentifier(dataset.name);
}

/**
 * Star-allele diplotypes and CPIC phenotypes per sample and gene from the bundled CPIC-derived table,
 * kept as `results.pgx_<dataset>_<hex>` with an audit entry; optionally a phenotype × exposure × outcome
 * cross-tab on cohorts of an OMOP dataset whose persons the VCF's samples are linked to. The summary and
 * cross-tab follow `spec.minCellCount` (the engine passes the workspace policy's; none when absent;
 * pgx-suppression.ts); the calls list samples, not counts, and are kept whole.
 */
export async function runPgx(task: Task, audit: AuditLog, dataset: Dataset, spec: PgxSpec): Promise<Omit<PgxResult, 'elapsedMs'>> {
  const schema = requireVcf(dataset);
  const genes = selectGenes(pgxGenes(), spec.genes);
  const connection = task.connection;
  task.report('reading', null, 'reading the VCF header and samples');
  const build = await readBuild(connection, schema);
  const usePositions = build.build === TABLE_BUILD || build.build === 'unknown';
  const samples = await readSamples(connection, schema);
  task.throwIfCancelled();

  task.report('reading', null, 'finding the defining variants');
  const fileVariants = await readCandidateVariants(connection, schema, genes);
  const matches = new Map<PgxGene, VariantMatch[]>(genes.map((g) => [g, g.variants.map((v) => matchVariant(v, fileVariants, usePositions))]));
  const warnings = matchingWarnings(build, usePositions, genes, matches);
  const ids = [...matches.values()].flat().flatMap((m) => (m.kind === 'absent' ? [] : [m.variantId, ...m.otherAlts.map((o) => o.variantId)]));
  const source = await readGenotypeSource(connection, schema, ids);
  task.throwIfCancelled();

  task.report('reading', null, `calling ${genes.length} genes in ${samples.length} samples`);
  const calls: SampleCall[] = genes.flatMap((gene, geneOrder) => samples.map(({ sample, personId }, sampleIdx) => ({
    geneOrder, sampleIdx, sample, personId, gene: gene.gene,
    ...callGene(gene, matches.get(gene)!.map((m) => observe(m, source, sampleIdx))),
  })));
  await stageCalls(connection, calls);
  const counted = spec.crossTab ? await crossTabulate(task, STAGED_CALLS, genes, spec.crossTab, warnings) : undefined;
  const shown = shownPgxCounts(summarizeCalls(calls), counted, samples.length, minCellCountOf(spec.minCellCount, 0));
  const crossTab = shown.crossTab;
  warnings.push(...shown.warnings);

  task.report('finishing', null, 'keeping the calls');
  const { taskId: _taskId, ...kept } = spec;
  const saved = await saveResultTable(task, audit, dataset, 'pgx', `SELECT ${CALL_COLUMNS} FROM ${STAGED_CALLS} ORDER BY gene_order, sample_idx`, {
    analysis: 'pgx', spec: kept, source: PGX_SOURCE, referenceBuild: build, matching: matchingDetail(genes, matches), crossTab, warnings,
  });
  await connection.run(`DROP TABLE IF EXISTS ${STAGED_CALLS}`);
  const page = await pageQuery(task, `SELECT * FROM ${saved.table}`, {});
  page.totalRows = saved.rows;
  return { callsTable: saved.table, page, summary: shown.summary, crossTab, source: { ...PGX_SOURCE }, warnings };
}

/** For the audit entry: how each defining variant was found, per gene. */
function matchingDetail(genes: PgxGene[], matches: Map<PgxGene, VariantMatch[]>): Record<string, Record<string, string>> {
  return Object.fromEntries(genes.map((g) => [g.gene, Object.fromEntries(g.variants.map((v, i) => {
    const m = matches.get(g)![i]!;
    return [v.rsid, m.kind === 'absent' ? 'absent' : `${m.kind} by ${m.by}`];
  }))]));
}
