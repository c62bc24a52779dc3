import { quoteIdentifier } from '../../db/quote.js';
import type { DrugRoles } from '../../engine/api.js';
import { drugNameMapSql, eventNameMapSql, type NameMode } from './drug-names-sql.js';

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
 * The drug and event rows a screen counts, as integer ids per report (`pmw_d(report_id, drug_id)`,
 * `pmw_e(report_id, event_id)`), limited to the eligible reports: those with at least one drug of the
 * chosen roles and at least one event (and passing the report filter). Names are normalised once per
 * distinct raw name and numbered in name order, so the heavy joins and group-bys run on integers.
 */
function countedRowsSql(q: CountsQuery): string {
  const s = q.schema;
  const roleFilter = `(d.role IS NULL OR ${ROLE_FILTER[q.roles].replaceAll('role', 'd.role')})`;
  const filtered = q.reportFilter ? `SEMI JOIN (SELECT report_id FROM ${s}.pv_report r WHERE ${q.reportFilter}) f USING (report_id)` : '';
  return `
drug_map AS (${drugNameMapSql(`${s}.pv_drug`, q.names, q.synonyms)}),
drug_names AS (SELECT name, row_number() OVER (ORDER BY name) AS drug_id FROM (SELECT DISTINCT name FROM drug_map)),
event_map AS (${eventNameMapSql(`${s}.pv_event`, q.names)}),
event_names AS (SELECT name, row_number() OVER (ORDER BY name) AS event_id FROM (SELECT DISTINCT name FROM event_map)),
drug_rows AS (
  SELECT DISTINCT d.report_id, n.drug_id
  FROM ${s}.pv_drug d ${filtered}
  JOIN drug_map m ON m.drug_key = coalesce(d.drug::VARCHAR, '') AND m.ingredient_key = coalesce(d.ingredient::VARCHAR, '')
  JOIN drug_names n ON n.name = m.name
  WHERE ${roleFilter}
),
event_rows AS (
  SELECT DISTINCT e.report_id, n.event_id
  FROM ${s}.pv_event e ${filtered}
  JOIN event_map m USING (pt)
  JOIN event_names n ON n.name = m.name
),
pmw_d AS (SELECT * FROM drug_rows SEMI JOIN (SELECT DISTINCT report_id FROM event_rows) x USING (report_id)),
pmw_e AS (SELECT * FROM event_rows SEMI JOIN (SELECT DISTINCT report_id FROM drug_rows) x USING (report_id))`;
}

/** E per pair without strata: n_drug · n_event / N. */
function crudeExpectedSql(): string {
  return `
totals AS (SELECT count(DISTINCT report_id) AS n_total FROM pmw_d),
drug_m AS (SELECT drug_id, count(*) AS n_drug FROM pmw_d GROUP BY drug_id),
event_m AS (SELECT event_id, count(*) AS n_event FROM pmw_e GROUP BY event_id),
counted AS (
  SELECT p.drug_id, p.event_id, p.n, dm.n_drug, em.n_event, t.n_total, dm.n_drug * em.n_event / t.n_total AS e
  FROM pairs p JOIN drug_m dm USING (drug_id) JOIN event_m em USING (event_id) CROSS JOIN totals t
)`;
}

/** E per pair summed over strata: Σ_s n_drug,s · n_event,s / N_s; a missing stratum value is a stratum. */
function stratifiedExpectedSql(q: CountsQuery): string {
  const key = `row(${q.strata.map(quoteIdentifier).join(', ')})`;
  return `
report_strata AS (SELECT report_id, ${key} AS stratum FROM ${q.schema}.pv_report SEMI JOIN (SELECT DISTINCT report_id FROM pmw_d) x USING (report_id)),
totals_s AS (SELECT stratum, count(*) AS n_s FROM report_strata GROUP BY stratum),
drug_s AS (SELECT drug_id, stratum, count(*) AS n_drug_s FROM pmw_d JOIN report_strata USING (report_id) GROUP BY ALL),
event_s AS (SELECT event_id, stratum, count(*) AS n_event_s FROM pmw_e JOIN report_strata USING (report_id) GROUP BY ALL),
expected AS (
  SELECT p.drug_id, p.event_id, sum(ds.n_drug_s * es.n_event_s / t.n_s) AS e
  FROM pairs p
  JOIN drug_s ds USING (drug_id)
  JOIN event_s es ON es.event_id = p.event_id AND es.stratum IS NOT DISTINCT FROM ds.stratum
  JOIN totals_s t ON t.stratum IS NOT DISTINCT FROM ds.stratum
  GROUP BY ALL
),
drug_m AS (SELECT drug_id, sum(n_drug_s) AS n_drug FROM drug_s GROUP BY drug_id),
event_m AS (SELECT event_id, sum(n_event_s) AS n_event FROM event_s GROUP BY event_id),
counted AS (
  SELECT p.drug_id, p.event_id, p.n, dm.n_drug, em.n_event, (SELECT sum(n_s) FROM totals_s) AS n_total, x.e
  FROM pairs p JOIN drug_m dm USING (drug_id) JOIN event_m em USING (event_id) JOIN expected x USING (drug_id, event_id)
)`;
}

/**
 * The report-level 2×2 margins for every observed drug–event pair, one row per pair:
 * `pair_id, drug, event, n, n_drug, n_event, n_total, e` (counts as DOUBLE, `pair_id` a DOUBLE too, so
 * the measures computed on typed arrays join back without a cast). Pairs come in no particular order:
 * sorting millions of them would only cost time; results are sorted when shown.
 *
 * Every count is of distinct reports (pv-formulas.md, "first convention trap"). A report counts when it
 * has at least one drug of the chosen roles and at least one event; rows without a role (generic report
 * tables) count under every role filter. With strata, `e` is the sum over strata of
 * n_drug,s · n_event,s / N_s (Empirica's "Mantel-Haenszel" expected count; openEBGM `stratify = TRUE`).
 */
export function buildPairCountsSql(q: CountsQuery): string {
  return `
WITH ${countedRowsSql(q)},
pairs AS (SELECT d.drug_id, e.event_id, count(*) AS n FROM pmw_d d JOIN pmw_e e USING (report_id) GROUP BY ALL),
${q.strata.length > 0 ? stratifiedExpectedSql(q) : crudeExpectedSql()}
SELECT (row_number() OVER ())::DOUBLE AS pair_id, dn.name AS drug, en.name AS event,
       c.n::DOUBLE AS n, c.n_drug::DOUBLE AS n_drug, c.n_event::DOUBLE AS n_event, c.n_total::DOUBLE AS n_total, c.e::DOUBLE AS e
FROM counted c
JOIN drug_names dn USING (drug_id)
JOIN event_names en USING (event_id)`;
}
