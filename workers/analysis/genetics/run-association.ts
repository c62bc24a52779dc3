/**
 * Case/control association per variant of a `vcf` dataset, and gene-level burden, kept as result tables.
 *
 * The packed calls (docs/vcf.md) are streamed once; for each variant the counts of cases and controls
 * come from count-calls.ts, and every statistic from workers/stats/genetics (variant-tests.ts). Allele
 * counts take calls with no missing allele: a half-call (`./1`) is missing, as PLINK's
 * `--vcf-half-call missing`; a haploid call counts one allele. HWE and the trend test take diploid calls.
 * Small allele and carrier counts are hidden by `spec.minCellCount` (the engine passes the workspace
 * policy's; none when absent), with the statistics computed from them (association-suppression.ts).
 */
import { DEFAULT_PAGE, pageQuery } from '../../db/page-query.js';
import { quoteLiteral } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import { appendFloat64Columns, readFloat64Columns } from '../../db/typed-columns.js';
import type { AssociationResult, AssociationSpec, Dataset } from '../../engine/api.js';
import type { AuditLog } from '../../engine/audit-log.js';
import { PmwError } from '../../engine/errors.js';
import { allocateGroupCounts, allocateVariantTests, testVariants, type GroupCounts, type VariantTestColumns } from '../../stats/genetics/variant-tests.js';
import { minCellCountOf } from '../privacy/suppress/suppression-sql.js';
import { saveResultTable } from '../signals/save-result.js';
import { associationSuppression, suppressedAssociationSql, suppressedBurdenSql } from './association-suppression.js';
import { BurdenCarriers, type BurdenRow } from './burden.js';
import { CallCounter } from './count-calls.js';
import { resolvePhenotype, type SamplePhenotype } from './phenotype.js';
import { ASSOCIATION_COLUMNS, orderByOf } from './result-columns.js';
import { scanPackedCalls } from './scan-packed-calls.js';
import { checkedFraction, checkImpacts, impactSql, maxAfSql, minMafSql, variantFilterSql } from './variant-filters.js';
import { vcfSchemaOf } from './vcf-schema.js';

const SELECTION = 'pmw_association_selection';
const NUMBERS = 'pmw_association_numbers';

/** Resolves the phenotype (file or cohorts) and runs the association. */
export async function runAssociation(task: Task, audit: AuditLog, dataset: Dataset, spec: AssociationSpec): Promise<Omit<AssociationResult, 'elapsedMs'>> {
  const schema = vcfSchemaOf(dataset);
  const phenotype = await resolvePhenotype(task, schema, spec.phenotype);
  return associate(task, audit, dataset, spec, phenotype);
}

/** The association for a phenotype already resolved to samples. */
export async function associate(
  task: Task, audit: AuditLog, dataset: Dataset, spec: AssociationSpec, phenotype: SamplePhenotype,
): Promise<Omit<AssociationResult, 'elapsedMs'>> {
  const schema = vcfSchemaOf(dataset);
  requireBothGroups(phenotype);
  const orderBy = orderByOf(spec.orderBy);
  try {
    const selection = await selectVariants(task, schema, spec);
    const counter = new CallCounter(phenotype.status);
    const cases = allocateGroupCounts(selection.tested);
    const controls = allocateGroupCounts(selection.tested);
    const burden = spec.burden ? new BurdenCarriers(selection.genes, phenotype.status.length) : null;
    const seen = await scanPackedCalls(task, packedCallsSql(schema, selection.all), selection.scanned, (id, calls) => {
      const slot = selection.slotOf[id] ?? -1;
      if (slot >= 0) counter.count(calls, slot, cases, controls);
      const gene = selection.geneOf[id] ?? -1;
      if (burden && gene >= 0) burden.add(gene, calls);
    });
    if (seen !== selection.scanned) {
      throw new PmwError({ code: 'INTERNAL', message: `genotype_packed of ${dataset.name} holds ${seen} of the ${selection.scanned} selected variants` });
    }
    task.report('finishing', null, `testing ${selection.tested.toLocaleString('en-US')} variants`);
    const tests = allocateVariantTests(selection.tested);
    testVariants(cases, controls, tests);
    await writeNumbers(task, selection.ids, cases, controls, tests);
    const { taskId: _taskId, ...kept } = spec;
    const detail = {
      analysis: 'association', spec: kept, cases: phenotype.cases, controls: phenotype.controls,
      samplesWithoutPhenotype: phenotype.withoutPhenotype, variants: selection.tested,
      conventions: 'ALT allele counts over calls with no missing allele; HWE exact p in controls; chi-square without continuity correction; Woolf 95% interval',
    };
    const minCellCount = minCellCountOf(spec.minCellCount, 0);
    const shown = suppressedAssociationSql(resultSql(schema), minCellCount);
    let hidden = await countHidden(task, shown.counts);
    const saved = await saveResultTable(task, audit, dataset, 'assoc', shown.select, { ...detail, minCellCount });
    let burdenTable: string | undefined;
    if (burden) {
      const burdenRows = burden.rows(phenotype.status, phenotype.cases, phenotype.controls);
      const burdenShown = suppressedBurdenSql(burdenRowsSql(burdenRows), minCellCount);
      hidden += await countHidden(task, burdenShown.counts);
      burdenTable = (await saveResultTable(task, audit, dataset, 'burden', burdenShown.select, { analysis: 'burden', spec: kept, genes: burdenRows.length, minCellCount })).table;
    }
    const suppression = associationSuppression(minCellCount, hidden, burden !== null);
    const page = await pageQuery(task, `SELECT * FROM ${saved.table} ORDER BY ${orderBy}`, { limit: spec.limit ?? DEFAULT_PAGE, count: true });
    page.suppression = suppression;
    return {
      resultTable: saved.table, page, ...(burdenTable ? { burdenTable } : {}),
      cases: phenotype.cases, controls: phenotype.controls, samplesWithoutPhenotype: phenotype.withoutPhenotype,
      variants: selection.tested, warnings: [...phenotype.warnings, ...selectionWarnings(spec, selection)], suppression,
    };
  } finally {
    await task.connection.run(`DROP TABLE IF EXISTS ${SELECTION}; DROP TABLE IF EXISTS ${NUMBERS}`);
  }
}

function selectionWarnings(spec: AssociationSpec, selection: Selection): string[] {
  const warnings: string[] = [];
  if (selection.tested === 0) warnings.push('no variant of the dataset matches the region, gene and minMaf given; the result table is empty');
  if (spec.burden && selection.genes.length === 0) warnings.push('no variant qualifies for a burden test (a gene, the impacts and maxAf given); the burden table is empty');
  return warnings;
}

function requireBothGroups(phenotype: SamplePhenotype): void {
  if (phenotype.cases > 0 && phenotype.controls > 0) return;
  throw new PmwError({
    code: 'BAD_REQUEST',
    message: `the phenotype has ${phenotype.cases} case${phenotype.cases === 1 ? '' : 's'} and ${phenotype.controls} control${phenotype.controls === 1 ? '' : 's'} among the VCF's samples`,
    hint: 'an association needs both; check that the sample ids of the phenotype (or the linked persons of the cohorts) are those of the VCF',
  });
}

/** The variants to read: tested ones (filters and minMaf) and, for a burden, qualifying ones of a gene. */
interface Selection {
  /** Variant ids of the tested variants, in result order (by id). */
  ids: Float64Array;
  tested: number;
  /** Variants to stream (tested or qualifying). */
  scanned: number;
  /** Whether every variant of the dataset is streamed (no semi-join needed). */
  all: boolean;
  /** By variant id: index into `ids` (−1 when not tested) and into `genes` (−1 when not qualifying). */
  slotOf: Int32Array;
  geneOf: Int32Array;
  genes: string[];
}

async function selectVariants(task: Task, schema: string, spec: AssociationSpec): Promise<Selection> {
  const filter = variantFilterSql({ region: spec.region, gene: spec.gene });
  const tested = spec.minMaf !== undefined ? minMafSql(spec.minMaf) : 'TRUE';
  const qualifying = spec.burden ? burdenSql(spec.burden) : 'FALSE';
  const connection = task.connection;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${SELECTION} AS
    SELECT v.variant_id, (${tested}) AS tested, CASE WHEN ${qualifying} THEN v.gene END AS burden_gene
    FROM ${schema}.variant v WHERE ${filter}`);
  const [totals] = (await connection.runAndReadAll(`SELECT count(*) FILTER (WHERE tested OR burden_gene IS NOT NULL),
      count(*) FILTER (WHERE tested), coalesce(max(variant_id), -1), (SELECT count(*) FROM ${schema}.variant) FROM ${SELECTION}`)).getRowsJS();
  const [scanned, testedCount, maxId, inDataset] = totals!.map(Number) as [number, number, number, number];
  const [ids, geneRank, testedFlags] = await readFloat64Columns(connection, `SELECT variant_id::DOUBLE,
      CASE WHEN burden_gene IS NULL THEN -1 ELSE dense_rank() OVER (ORDER BY burden_gene NULLS LAST) - 1 END::DOUBLE, tested::DOUBLE
    FROM ${SELECTION} WHERE tested OR burden_gene IS NOT NULL ORDER BY variant_id`, scanned);
  const genes = (await connection.runAndReadAll(`SELECT DISTINCT burden_gene FROM ${SELECTION} WHERE burden_gene IS NOT NULL ORDER BY burden_gene NULLS LAST`))
    .getRowsJS().map((r) => String(r[0]));
  const slotOf = new Int32Array(maxId + 1).fill(-1);
  const geneOf = new Int32Array(maxId + 1).fill(-1);
  const testedIds = new Float64Array(testedCount);
  let slot = 0;
  for (let i = 0; i < scanned; i++) {
    const id = ids![i]!;
    if (testedFlags![i]) {
      slotOf[id] = slot;
      testedIds[slot++] = id;
    }
    geneOf[id] = geneRank![i]!;
  }
  return { ids: testedIds, tested: testedCount, scanned, all: scanned === inDataset, slotOf, geneOf, genes };
}

function burdenSql(burden: NonNullable<AssociationSpec['burden']>): string {
  const tests = ['v.gene IS NOT NULL'];
  const impacts = checkImpacts(burden.impact, 'burden.impact');
  if (impacts.length) tests.push(impactSql(impacts));
  if (burden.maxAf !== undefined) tests.push(maxAfSql(checkedFraction(burden.maxAf, 'burden.maxAf', 1)));
  return tests.map((t) => `(${t})`).join(' AND ');
}

function packedCallsSql(schema: string, all: boolean): string {
  const sql = `SELECT g.variant_id, g.calls FROM ${schema}.genotype_packed g`;
  return all ? sql : `${sql} WHERE g.variant_id IN (SELECT variant_id FROM ${SELECTION} WHERE tested OR burden_gene IS NOT NULL)`;
}

/** The computed numbers of each tested variant, as a temporary table of DOUBLEs joined to `variant` below. */
async function writeNumbers(task: Task, ids: Float64Array, cases: GroupCounts, controls: GroupCounts, tests: VariantTestColumns): Promise<void> {
  const columns: [string, Float64Array][] = [
    ['variant_id', ids], ['ac_cases', Float64Array.from(cases.altCopies)], ['an_cases', Float64Array.from(cases.alleles)],
    ['ac_controls', Float64Array.from(controls.altCopies)], ['an_controls', Float64Array.from(controls.alleles)],
    ['af', tests.af], ['hwe_p', tests.hweP], ['chisq', tests.chisq], ['p_chisq', tests.pChisq], ['p_fisher', tests.pFisher],
    ['or', tests.or], ['or_lo', tests.orLower], ['or_hi', tests.orUpper], ['p_trend', tests.pTrend],
  ];
  await task.connection.run(`CREATE OR REPLACE TEMP TABLE ${NUMBERS} (${columns.map(([name]) => `"${name}" DOUBLE`).join(', ')})`);
  await appendFloat64Columns(task.connection, NUMBERS, columns.map(([, values]) => values), { catalog: 'temp', schema: 'main' });
}

function resultSql(schema: string): string {
  const integers = new Set(['ac_cases', 'an_cases', 'ac_controls', 'an_controls']);
  const fromVariant = new Set(['variant_id', 'chrom', 'pos', 'ref', 'alt', 'rsid']);
  const select = ASSOCIATION_COLUMNS.map((c) => (fromVariant.has(c) ? `v.${c}` : integers.has(c) ? `n.${c}::INTEGER AS ${c}` : `n."${c}"`));
  return `SELECT ${select.join(', ')} FROM ${NUMBERS} n JOIN ${schema}.variant v ON v.variant_id = n.variant_id::INTEGER ORDER BY v.variant_id`;
}

/** The burden rows as a SELECT (typed, ordered by gene; no row when no gene qualified). */
function burdenRowsSql(rows: BurdenRow[]): string {
  const values = rows.map((r) => `(${[quoteLiteral(r.gene), r.variants, r.carriersCases, r.cases, r.carriersControls, r.controls, sqlNumber(r.or), sqlNumber(r.pFisher)].join(', ')})`);
  return values.length
    ? `SELECT gene, variants::INTEGER AS variants, carriers_cases::INTEGER AS carriers_cases, cases::INTEGER AS cases,
         carriers_controls::INTEGER AS carriers_controls, controls::INTEGER AS controls, "or"::DOUBLE AS "or", p_fisher::DOUBLE AS p_fisher
       FROM (VALUES ${values.join(', ')}) t(gene, variants, carriers_cases, cases, carriers_controls, controls, "or", p_fisher) ORDER BY gene`
    : `SELECT NULL::VARCHAR AS gene, NULL::INTEGER AS variants, NULL::INTEGER AS carriers_cases, NULL::INTEGER AS cases,
         NULL::INTEGER AS carriers_controls, NULL::INTEGER AS controls, NULL::DOUBLE AS "or", NULL::DOUBLE AS p_fisher WHERE FALSE`;
}

async function countHidden(task: Task, countsSql: string): Promise<number> {
  return Number((await task.connection.runAndReadAll(countsSql)).getRowsJS()[0]?.[0] ?? 0);
}

function sqlNumber(value: number): string {
  return Number.isFinite(value) ? `${value}::DOUBLE` : 'NULL';
}
