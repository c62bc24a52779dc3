import { quoteIdentifier } from '../../db/quote.js';
import type { DrugRoles } from '../../engine/api.js';
import { drugNamesSql, eventNamesSql, type NameMode } from './drug-names-sql.js';

export interface CountsQuery {
  /** The dataset's schema, already quoted: `"faers"`. */
  schema: string;
  roles: DrugRoles;
  names: NameMode;
  /** A table `(name, ingredient)` of folded synonyms, or null. */
  synonyms: string | null;
  /** `pv_report` columns to stratify the expected count on (checked by the caller). */
  strata: string[];
  /** A condition on `pv_report` (alias `r`) limiting the reports counted, e.g. for a cumulative period. */
  reportFilter?: string;
}

const ROLE_FILTER: Record<DrugRoles, string> = {
  primary: "role = 'PS'",
  suspect: "role IN ('PS', 'SS')",
  all: 'true',
};

/**
 * The report-level 2×2 margins for every observed drug–event pair, one row per pair:
 * `pair_id, drug, event, n, n_drug, n_event, n_total, e`.
 *
 * Every count is of distinct reports (pv-formulas.md, "first convention trap"). A report counts when it
 * has at least one drug of the chosen roles and at least one event; rows without a role (generic report
 * tables) count under every role filter. With strata, `e` is the sum over strata of
 * n_drug,s · n_event,s / N_s (Empirica's "Mantel-Haenszel" expected count; openEBGM `stratify = TRUE`);
 * a missing stratum value is a stratum of its own.
 */
export function buildPairCountsSql(q: CountsQuery): string {
  const strata = q.strata.map(quoteIdentifier);
  const stratumKey = strata.length ? `row(${strata.join(', ')})` : 'NULL';
  const drugs = drugNamesSql(`${q.schema}.pv_drug`, q.names, q.synonyms);
  const events = eventNamesSql(`${q.schema}.pv_event`, q.names);
  return `
WITH drugs AS (SELECT DISTINCT report_id, drug FROM (${drugs}) WHERE role IS NULL OR ${ROLE_FILTER[q.roles]}),
events AS (SELECT DISTINCT report_id, event FROM (${events})),
eligible AS (SELECT report_id FROM drugs INTERSECT SELECT report_id FROM events),
reports AS (
  SELECT r.report_id, ${stratumKey} AS stratum
  FROM ${q.schema}.pv_report r SEMI JOIN eligible USING (report_id)
  WHERE ${q.reportFilter ?? 'true'}
),
d AS (SELECT drugs.report_id, drug, stratum FROM drugs JOIN reports USING (report_id)),
e AS (SELECT events.report_id, event, stratum FROM events JOIN reports USING (report_id)),
totals AS (SELECT stratum, count(*) AS n_s FROM reports GROUP BY stratum),
drug_s AS (SELECT drug, stratum, count(*) AS n_drug_s FROM d GROUP BY ALL),
event_s AS (SELECT event, stratum, count(*) AS n_event_s FROM e GROUP BY ALL),
pairs AS (SELECT d.drug, e.event, count(*) AS n FROM d JOIN e USING (report_id) GROUP BY ALL),
expected AS (
  SELECT p.drug, p.event, sum(ds.n_drug_s * es.n_event_s / t.n_s) AS e
  FROM pairs p
  JOIN drug_s ds ON ds.drug = p.drug
  JOIN event_s es ON es.event = p.event AND es.stratum IS NOT DISTINCT FROM ds.stratum
  JOIN totals t ON t.stratum IS NOT DISTINCT FROM ds.stratum
  GROUP BY ALL
),
drug_m AS (SELECT drug, sum(n_drug_s) AS n_drug FROM drug_s GROUP BY drug),
event_m AS (SELECT event, sum(n_event_s) AS n_event FROM event_s GROUP BY event)
SELECT row_number() OVER (ORDER BY p.drug, p.event) AS pair_id, p.drug, p.event,
       p.n::DOUBLE AS n, dm.n_drug::DOUBLE AS n_drug, em.n_event::DOUBLE AS n_event,
       (SELECT sum(n_s) FROM totals)::DOUBLE AS n_total, x.e::DOUBLE AS e
FROM pairs p
JOIN drug_m dm USING (drug)
JOIN event_m em USING (event)
JOIN expected x USING (drug, event)
ORDER BY pair_id`;
}
