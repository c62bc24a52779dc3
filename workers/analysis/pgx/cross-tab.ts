import type { Task } from '../../db/tasks.js';
import type { PgxResult, PgxSpec } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';
import { requireSameDataset, resolveCohortRef } from '../cohort/run-cohort.js';
import { fisherExactP } from '../../stats/genetics/fisher-exact.js';
import { oddsRatio } from '../../stats/genetics/two-by-two.js';
import { phenotypesOf, type PgxGene } from './pgx-table.js';

export type CrossTabSpec = NonNullable<PgxSpec['crossTab']>;
export type CrossTab = NonNullable<PgxResult['crossTab']>;

const ABBREVIATIONS: Record<string, string> = {
  pm: 'Poor Metabolizer', im: 'Intermediate Metabolizer', nm: 'Normal Metabolizer', rm: 'Rapid Metabolizer', um: 'Ultrarapid Metabolizer',
};

/** The gene of the table and its phenotype as CPIC spells it; `pm` and any letter case are accepted. */
export function resolveCrossTabPhenotype(genes: PgxGene[], geneName: string, phenotype: string): { gene: PgxGene; phenotype: string } {
  const gene = genes.find((g) => g.gene.toLowerCase() === String(geneName ?? '').trim().toLowerCase());
  if (!gene || !gene.callable) {
    const callable = genes.filter((g) => g.callable).map((g) => g.gene);
    throw new PmwError({ code: 'BAD_REQUEST', message: `the cross-tab gene ${geneName} is not called here`, hint: `choose one of ${callable.join(', ')} (and include it in genes)` });
  }
  const wanted = String(phenotype ?? '').trim().toLowerCase();
  const known = phenotypesOf(gene);
  const found = known.find((p) => p.toLowerCase() === (ABBREVIATIONS[wanted]?.toLowerCase() ?? wanted));
  if (!found) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `${gene.gene} has no phenotype "${phenotype}"`, hint: `${gene.gene} phenotypes are: ${known.join(', ')}` });
  }
  return { gene, phenotype: found };
}

/**
 * Persons of the exposure cohort, split by the phenotype of their linked sample(s), and how many of each
 * group are in the outcome cohort with an outcome starting on or after their exposure start and no later
 * than the end of the observation period holding it. A person whose samples are not determinable for
 * the gene, or disagree, and a person with no linked sample, are their own rows and stay out of the
 * odds ratio (ad/bc, null when bc = 0) and the two-sided Fisher test (null for an empty table).
 */
export async function crossTabulate(task: Task, callsTable: string, genes: PgxGene[], spec: CrossTabSpec, warnings: string[]): Promise<CrossTab> {
  const { gene, phenotype } = resolveCrossTabPhenotype(genes, spec.gene, spec.phenotype);
  const exposure = await resolveCohortRef(task, spec.exposure, 'exposure');
  const outcome = await resolveCohortRef(task, spec.outcome, 'outcome');
  requireSameDataset([exposure, outcome]);
  warnings.push(...exposure.warnings, ...outcome.warnings);
  const reader = await task.connection.runAndReadAll(`
    WITH exposed AS (
      SELECT person_id, min(cohort_start_date) AS start_date, max(observation_end_date) AS observation_end
      FROM ${exposure.table} GROUP BY person_id),
    linked AS (
      SELECT person_id, count(*) FILTER (WHERE determinable) AS calls,
             count(DISTINCT phenotype) FILTER (WHERE determinable) AS phenotypes,
             max(phenotype) FILTER (WHERE determinable) AS phenotype
      FROM ${callsTable} WHERE gene = $1 AND person_id IS NOT NULL GROUP BY person_id),
    with_outcome AS (
      SELECT DISTINCT e.person_id FROM exposed e JOIN ${outcome.table} o ON o.person_id = e.person_id
        AND o.cohort_start_date >= e.start_date AND o.cohort_start_date <= e.observation_end)
    SELECT CASE WHEN l.person_id IS NULL THEN 'unlinked'
                WHEN l.calls = 0 OR l.phenotypes > 1 THEN 'undetermined'
                WHEN l.phenotype = $2 THEN 'with' ELSE 'without' END AS grp,
           count(*) AS exposed, count(w.person_id) AS outcomes
    FROM exposed e LEFT JOIN linked l USING (person_id) LEFT JOIN with_outcome w USING (person_id)
    GROUP BY grp`, [gene.gene, phenotype]);
  const counts = new Map(reader.getRowsJS().map((r) => [String(r[0]), { exposed: Number(r[1]), withOutcome: Number(r[2]) }]));
  const cell = (group: string) => counts.get(group) ?? { exposed: 0, withOutcome: 0 };
  const [yes, no] = [cell('with'), cell('without')];
  const [a, b, c, d] = [yes.withOutcome, yes.exposed - yes.withOutcome, no.withOutcome, no.exposed - no.withOutcome];
  const ratio = oddsRatio(a, b, c, d);
  if (cell('unlinked').exposed > 0) warnings.push(`${cell('unlinked').exposed} exposed persons have no linked sample in the VCF and are left out of the odds ratio`);
  return {
    gene: gene.gene,
    phenotype,
    rows: [
      { group: `${gene.gene} ${phenotype}`, ...yes },
      { group: `other ${gene.gene} phenotypes`, ...no },
      { group: `${gene.gene} not determinable`, ...cell('undetermined') },
      { group: 'no linked sample', ...cell('unlinked') },
    ],
    oddsRatio: Number.isNaN(ratio) ? null : ratio,
    pFisher: a + b + c + d === 0 ? null : fisherExactP(a, b, c, d),
  };
}
