import type { Task } from '../../db/tasks.js';
import type { Dataset, QualityCategory, QualityCheck, QualityReport } from '../../engine/api.js';
import { listDatasets } from '../../engine/catalog.js';
import { mergePlans, shortName, type TablePlan } from './check-plan.js';
import { omopPlans } from './omop-checks.js';
import { pvPlans } from './pv-checks.js';
import { runChecks } from './run-checks.js';
import { plainTablePlans } from './table-checks.js';
import { vcfPlans } from './vcf-checks.js';

const CATEGORY_ORDER: QualityCategory[] = ['completeness', 'plausibility', 'conformance', 'uniqueness', 'integrity'];

/**
 * Runs every check that applies to the dataset's kind (docs/quality.md lists them) and reports each with its
 * count, share, threshold, pass or fail and the SQL that lists its failing rows; checks in category order,
 * then in the order of the dataset's tables.
 */
export async function qualityReport(task: Task, dataset: Dataset): Promise<Omit<QualityReport, 'elapsedMs'>> {
  const ranAt = new Date().toISOString();
  const plans = mergePlans(await plansFor(task, dataset));
  const checks = sortByCategory(await runChecks(task, plans));
  const failed = checks.filter((c) => c.status === 'fail').length;
  return { dataset: dataset.id, datasetName: dataset.name, kind: dataset.kind, ranAt, checks, passed: checks.length - failed, failed };
}

async function plansFor(task: Task, dataset: Dataset): Promise<TablePlan[]> {
  switch (dataset.kind) {
    case 'table': return plainTablePlans(dataset.tables);
    case 'faers':
    case 'reports': return pvPlans(dataset.tables);
    case 'omop': return omopPlans(dataset.tables);
    case 'vcf': return vcfPlans(dataset, await omopPersonTables(task));
  }
}

/** The person tables of the workspace's OMOP datasets, which linked VCF samples may point into. */
async function omopPersonTables(task: Task): Promise<{ dataset: string; table: string }[]> {
  const datasets = await listDatasets(task.connection);
  return datasets.filter((d) => d.kind === 'omop').flatMap((d) => d.tables
    .filter((t) => shortName(t.table) === 'person')
    .map((t) => ({ dataset: d.name, table: t.table })));
}

function sortByCategory(checks: QualityCheck[]): QualityCheck[] {
  const rank = (c: QualityCheck) => CATEGORY_ORDER.indexOf(c.category);
  return checks.map((check, index) => ({ check, index }))
    .sort((a, b) => rank(a.check) - rank(b.check) || a.index - b.index)
    .map(({ check }) => check);
}
