import type { DuckDBConnection } from '@duckdb/node-api';
import type { DayWindow, Table1Row } from '../../engine/api.js';
import { inWindowSql, MEMBERS_TABLE, readRows } from './cohort-members.js';
import { countRow, type RowContext } from './table1-rows.js';

/** An event table whose concepts Table 1 lists by prevalence in the window. */
export interface ConceptDomain {
  section: 'conditions' | 'drugs';
  table: string;
  conceptColumn: string;
  dateColumn: string;
}

export const CONDITIONS: ConceptDomain = {
  section: 'conditions', table: 'condition_occurrence', conceptColumn: 'condition_concept_id', dateColumn: 'condition_start_date',
};

export const DRUGS: ConceptDomain = {
  section: 'drugs', table: 'drug_exposure', conceptColumn: 'drug_concept_id', dateColumn: 'drug_exposure_start_date',
};

/** What the CDM offers for naming concepts and rolling drugs up to ingredients. */
export interface Vocabulary {
  concept: boolean;
  conceptAncestor: boolean;
}

/**
 * `(cohort, concept_id, persons)`: persons with a record starting in their window, from one scan of the
 * event table joined to the members on person_id (see `inWindowSql` for why the window is a filter).
 */
function personsWithConceptSql(cdmSchema: string, domain: ConceptDomain, window: DayWindow): string {
  return `SELECT m.cohort, e.${domain.conceptColumn} AS concept_id, count(DISTINCT e.person_id) AS persons
    FROM ${cdmSchema}.${domain.table} e JOIN ${MEMBERS_TABLE} m ON m.person_id = e.person_id
    WHERE ${inWindowSql(`e.${domain.dateColumn}`, window)}
    GROUP BY ALL`;
}

/**
 * The same for drugs rolled up to each Ingredient among their ancestors (a combination product counts for
 * every ingredient); a drug without one (a vaccine, a concept missing from the vocabulary) stays as it is.
 * The exposures in the window are materialized once, and only their products are looked up in
 * concept_ancestor, which in a full vocabulary is far larger than the products anyone was exposed to.
 */
function personsWithIngredientSql(cdmSchema: string, vocabulary: Vocabulary, window: DayWindow): string {
  if (!vocabulary.concept || !vocabulary.conceptAncestor) return personsWithConceptSql(cdmSchema, DRUGS, window);
  return `WITH exposed AS MATERIALIZED (
      SELECT m.cohort, e.drug_concept_id, e.person_id
      FROM ${cdmSchema}.drug_exposure e JOIN ${MEMBERS_TABLE} m ON m.person_id = e.person_id
      WHERE ${inWindowSql('e.drug_exposure_start_date', window)}
    ),
    ingredient AS (
      SELECT a.descendant_concept_id AS drug_concept_id, a.ancestor_concept_id AS ingredient_concept_id
      FROM ${cdmSchema}.concept_ancestor a JOIN ${cdmSchema}.concept c ON c.concept_id = a.ancestor_concept_id
      WHERE c.concept_class_id = 'Ingredient' AND a.descendant_concept_id IN (SELECT DISTINCT drug_concept_id FROM exposed)
    )
    SELECT x.cohort, coalesce(i.ingredient_concept_id, x.drug_concept_id) AS concept_id, count(DISTINCT x.person_id) AS persons
    FROM exposed x LEFT JOIN ingredient i ON i.drug_concept_id = x.drug_concept_id
    GROUP BY ALL`;
}

function conceptNameSql(cdmSchema: string, vocabulary: Vocabulary): { join: string; name: string } {
  const fallback = `CASE WHEN t.concept_id = 0 THEN 'unmapped' ELSE 'concept ' || t.concept_id END`;
  if (!vocabulary.concept) return { join: '', name: fallback };
  return {
    join: `LEFT JOIN ${cdmSchema}.concept c ON c.concept_id = t.concept_id`,
    name: `CASE WHEN t.concept_id = 0 THEN 'unmapped' ELSE coalesce(c.concept_name, 'concept ' || t.concept_id) END`,
  };
}

/**
 * The `top` concepts by the larger of the cohorts' prevalences (ties: lower concept id first), with each
 * cohort's persons, named from `concept`.
 */
function topConceptsSql(cdmSchema: string, personsSql: string, persons: number[], top: number, vocabulary: Vocabulary): string {
  const perCohort = persons.map((_, i) => `coalesce(sum(persons) FILTER (WHERE cohort = ${i}), 0)::DOUBLE AS persons_${i}`);
  const prevalence = persons.map((n, i) => (n > 0 ? `persons_${i} / ${n}` : '0'));
  const name = conceptNameSql(cdmSchema, vocabulary);
  return `WITH counts AS (
      SELECT concept_id, ${perCohort.join(', ')} FROM (${personsSql}) GROUP BY concept_id
    ),
    ranked AS (
      SELECT *, ${prevalence.length > 1 ? `greatest(${prevalence.join(', ')})` : prevalence[0]} AS prevalence
      FROM counts ORDER BY prevalence DESC, concept_id LIMIT ${top}
    )
    SELECT t.concept_id::DOUBLE AS concept_id, ${name.name} AS name, ${persons.map((_, i) => `t.persons_${i}`).join(', ')}
    FROM ranked t ${name.join}
    ORDER BY t.prevalence DESC, t.concept_id`;
}

/** The `top` most frequent concepts of a domain in the window, one row each. */
export async function topConceptRows(
  connection: DuckDBConnection, cdmSchema: string, domain: ConceptDomain, window: DayWindow, top: number, vocabulary: Vocabulary, context: RowContext,
): Promise<Table1Row[]> {
  const personsSql = domain === DRUGS ? personsWithIngredientSql(cdmSchema, vocabulary, window) : personsWithConceptSql(cdmSchema, domain, window);
  const rows = await readRows(connection, topConceptsSql(cdmSchema, personsSql, context.persons, top, vocabulary));
  return rows.map((r) => {
    const counts = context.persons.map((_, i) => Number(r[`persons_${i}`]));
    return countRow(domain.section, String(r.name), counts, context, Number(r.concept_id));
  });
}
