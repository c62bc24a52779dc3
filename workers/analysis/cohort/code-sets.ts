import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../../db/quote.js';
import { PmwError } from '../../engine/errors.js';
import type { CheckedCodeSet, CheckedCriterion } from './cohort-spec.js';
import { DOMAIN_TABLES } from './domains.js';

/** The code sets of one cohort build, resolved to concept ids in a temporary table `<prefix>_codes(set_no, concept_id, excluded)`. */
export interface ResolvedCodeSets {
  table: string;
  number: Map<CheckedCodeSet, number>;
  /** Each set's included concept ids, when few enough to write into the SQL as a list (a cheaper filter than a join). */
  literal: Map<number, number[]>;
  warnings: string[];
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  return Number(reader.getRowsJS()[0]?.[0] ?? 0);
}

/** Concept ids named by the sets that are not in `concept` (only checked when the vocabulary is loaded). */
async function unknownConcepts(connection: DuckDBConnection, cdm: string, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const reader = await connection.runAndReadAll(
    `SELECT id FROM (SELECT unnest([${ids.join(', ')}]::BIGINT[]) AS id) WHERE id NOT IN (SELECT concept_id FROM ${cdm}.concept) ORDER BY id`);
  return reader.getRowsJS().map((r) => Number(r[0]));
}

/**
 * Expands each code set as OHDSI's concept-set expressions do (Book of OHDSI ch. 10): the listed concepts,
 * plus every descendant in `concept_ancestor` where asked, minus the same expansion of excluded concepts.
 * Concept 0 ("no matching concept") may be listed but is never expanded. Fails on ids missing from a loaded
 * `concept` table; warns when descendants were asked for and `concept_ancestor` is empty.
 */
export async function resolveCodeSets(connection: DuckDBConnection, cdm: string, prefix: string, sets: CheckedCodeSet[]): Promise<ResolvedCodeSets> {
  const table = `${prefix}_codes`;
  const warnings: string[] = [];
  const number = new Map<CheckedCodeSet, number>();
  const vocabularyLoaded = (await scalar(connection, `SELECT count(*) FROM (SELECT 1 FROM ${cdm}.concept LIMIT 1)`)) > 0;
  const ancestorsLoaded = (await scalar(connection, `SELECT count(*) FROM (SELECT 1 FROM ${cdm}.concept_ancestor LIMIT 1)`)) > 0;
  if (vocabularyLoaded) {
    for (const set of sets) {
      const missing = await unknownConcepts(connection, cdm, set.concepts.map((c) => c.id).filter((id) => id !== 0));
      if (missing.length > 0) {
        throw new PmwError({
          code: 'BAD_REQUEST',
          message: `cohort definition, ${set.path}: concept ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} ${missing.length === 1 ? 'is' : 'are'} not in the dataset's concept table`,
          hint: 'check the ids (pmw query "select * from <dataset>.concept where concept_name ilike \'%name%\'"); the dataset may carry only part of the vocabulary',
        });
      }
    }
  }
  const parts: string[] = [];
  sets.forEach((set, i) => {
    number.set(set, i);
    const expand = (items: CheckedCodeSet['concepts']): string => {
      const plain = items.filter((c) => !c.descendants || c.id === 0 || !ancestorsLoaded).map((c) => c.id);
      const withDescendants = items.filter((c) => c.descendants && c.id !== 0 && ancestorsLoaded).map((c) => c.id);
      const selects: string[] = [];
      if (plain.length) selects.push(`SELECT unnest([${plain.join(', ')}]::BIGINT[]) AS concept_id`);
      if (withDescendants.length) {
        // The level-0 row of concept_ancestor makes each concept its own descendant; listing it again keeps
        // a concept whose ancestor rows are missing.
        selects.push(`SELECT unnest([${withDescendants.join(', ')}]::BIGINT[]) AS concept_id`);
        selects.push(`SELECT descendant_concept_id FROM ${cdm}.concept_ancestor WHERE ancestor_concept_id IN (${withDescendants.join(', ')})`);
      }
      return selects.length ? selects.join(' UNION ') : 'SELECT NULL::BIGINT AS concept_id WHERE false';
    };
    const included = set.concepts.filter((c) => !c.exclude);
    const excluded = set.concepts.filter((c) => c.exclude);
    if (!ancestorsLoaded && set.concepts.some((c) => c.descendants)) {
      warnings.push(`${set.path}: the dataset's concept_ancestor table is empty, so only the listed concepts are used, not their descendants`);
    }
    const body = excluded.length ? `(${expand(included)}) EXCEPT (${expand(excluded)})` : expand(included);
    parts.push(`SELECT ${i}::INTEGER AS set_no, concept_id, false AS excluded FROM (${body})`);
    // Kept apart so a source-code match cannot bring an excluded concept back.
    if (excluded.length) parts.push(`SELECT ${i}::INTEGER AS set_no, concept_id, true AS excluded FROM (${expand(excluded)})`);
  });
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${table} AS ${parts.length ? parts.join(' UNION ALL ') : 'SELECT NULL::INTEGER AS set_no, NULL::BIGINT AS concept_id, NULL::BOOLEAN AS excluded WHERE false'}`);
  const literal = new Map<number, number[]>();
  const reader = await connection.runAndReadAll(`SELECT set_no, list(concept_id ORDER BY concept_id), count(*) FROM ${table} WHERE NOT excluded GROUP BY set_no`);
  for (const [setNo, ids, n] of reader.getRowsJS()) {
    if (Number(n) <= MAX_LITERAL_CONCEPTS) literal.set(Number(setNo), (ids as bigint[]).map(Number));
  }
  return { table, number, literal, warnings };
}

/** Code sets up to this size are written into the SQL as `IN (…)` lists. */
const MAX_LITERAL_CONCEPTS = 2000;

/**
 * A source-code pattern compared the way coders write codes: case and dots ignored, so `K92.2`, `k922`
 * and `K92%` all reach `K92.2`; `%` and `_` are SQL LIKE wildcards.
 */
function sourceMatchSql(column: string, patterns: string[]): string {
  const folded = `replace(upper(${column}), '.', '')`;
  return patterns.map((p) => `${folded} LIKE ${quoteLiteral(p.toUpperCase().replaceAll('.', ''))}`).join(' OR ');
}

/**
 * `SELECT person_id, event_date, end_date` of the events a criterion selects; `end_date` falls back to
 * the start for events without an end (and never lies before it).
 */
export function criterionEventsSql(cdm: string, criterion: CheckedCriterion, codes: ResolvedCodeSets, personFilter?: string): string {
  const d = DOMAIN_TABLES[criterion.domain];
  const where: string[] = [`t.${d.start} IS NOT NULL`];
  if (criterion.codes) {
    const setNo = codes.number.get(criterion.codes);
    const listed = codes.literal.get(setNo!);
    const match = [listed
      ? (listed.length ? `t.${d.concept} IN (${listed.join(', ')})` : 'false')
      : `t.${d.concept} IN (SELECT concept_id FROM ${codes.table} WHERE set_no = ${setNo} AND NOT excluded)`];
    if (criterion.codes.sourceCodes.length) {
      match.push(sourceMatchSql(`t.${d.source}`, criterion.codes.sourceCodes));
      if (criterion.codes.concepts.some((c) => c.exclude)) {
        where.push(`coalesce(t.${d.concept}, 0) NOT IN (SELECT concept_id FROM ${codes.table} WHERE set_no = ${setNo} AND excluded)`);
      }
    }
    where.push(`(${match.join(' OR ')})`);
  }
  const v = criterion.value;
  if (v && d.value) {
    const ops: [keyof typeof v, string][] = [['gt', '>'], ['gte', '>='], ['lt', '<'], ['lte', '<=']];
    for (const [key, op] of ops) if (v[key] !== undefined) where.push(`t.${d.value} ${op} ${v[key]}`);
    if (v.unit !== undefined && d.unit) where.push(`t.${d.unit} = ${v.unit}`);
  }
  if (personFilter) where.push(`t.person_id IN (${personFilter})`);
  return `SELECT t.person_id, t.${d.start} AS event_date, greatest(coalesce(t.${d.end}, t.${d.start}), t.${d.start}) AS end_date
    FROM ${cdm}.${d.table} t WHERE ${where.join(' AND ')}`;
}
