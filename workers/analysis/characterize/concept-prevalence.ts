import type { DuckDBConnection } from '@duckdb/node-api';
import type { Table1Row } from '../../engine/api.js';
import { MEMBERS_TABLE, readRows } from './cohort-members.js';
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
 * `(cohort, concept_id, person_id)`, once each, for records starting in the member's window: one scan of
 * the event table, hash-joined to the members on person_id with the window as a range condition.
 */
function personsWithConceptSql(cdmSchema: string, domain: ConceptDomain): string {
  return `SELECT DISTINCT m.cohort, e.${domain.conceptColumn} AS concept_id, e.person_id
    FROM ${cdmSchema}.${domain.table} e
    JOIN ${MEMBERS_TABLE} m ON m.person_id = e.person_id
      AND e.${domain.dateColumn} BETWEEN m.window_start AND m.window_end`;
}

/**
 * Drug products rolled up to each Ingredient among their ancestors (a combination product counts for every
 * ingredient); a drug without one (a vaccine, a concept missing from the vocabulary) stays as it is. The
 * roll-up is done on distinct (person, product) pairs, which are few next to the exposure records.
 */
function personsWithIngredientSql(cdmSchema: string, vocabulary: Vocabulary): string {
  const exposed = personsWithConceptSql(cdmSchema, DRUGS);
  if (!vocabulary.concept || !vocabulary.conceptAncestor) return exposed;
  return `WITH exposed AS (${exposed}),
    ingredient AS (
      SELECT a.descendant_concept_id AS drug_concept_id, a.ancestor_concept_id AS ingredient_concept_id
      FROM ${cdmSchema}.concept_ancestor a JOIN ${cdmSchema}.concept c ON c.concept_id = a.ancestor_concept_id
      WHERE c.concept_class_id = 'Ingredient' AND a.descendant_concept_id IN (SELECT concept_id FROM exposed)
    )
    SELECT DISTINCT x.cohort, coalesce(i.ingredient_concept_id, x.concept_id) AS concept_id, x.person_id
    FROM exposed x LEFT JOIN ingredient i ON i.drug_concept_id = x.concept_id`;
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
  const perCohort = persons.map((_, i) => `count(*) FILTER (WHERE cohort = ${i})::DOUBLE AS persons_${i}`);
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
  connection: DuckDBConnection, cdmSchema: string, domain: ConceptDomain, top: number, vocabulary: Vocabulary, context: RowContext,
): Promise<Table1Row[]> {
  const personsSql = domain === DRUGS ? personsWithIngredientSql(cdmSchema, vocabulary) : personsWithConceptSql(cdmSchema, domain);
  const rows = await readRows(connection, topConceptsSql(cdmSchema, personsSql, context.persons, top, vocabulary));
  return rows.map((r) => {
    const counts = context.persons.map((_, i) => Number(r[`persons_${i}`]));
    return countRow(domain.section, String(r.name), counts, context, Number(r.concept_id));
  });
}
