import { quoteLiteral } from '../../db/quote.js';
import type { CodeSet } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';

/**
 * Which measurement rows belong to which code set, as SQL. Limited to measurements on purpose: the cohort
 * compiler resolves code sets of every domain and will take this over.
 *
 * A row belongs to a code set when
 *   - its `measurement_concept_id` is one of the set's concepts (or, for `descendants`, a descendant in
 *     `concept_ancestor`; the concept itself counts even without its level-0 row), and is not one of the
 *     excluded concepts expanded the same way; or
 *   - its `measurement_source_value` matches one of the `sourceCodes` (SQL LIKE, ignoring case and dots as
 *     the cohort builder does: `k92.2`, `K922` and `K92%` all reach `K92.2`) and its
 *     concept is neither included nor excluded by the concepts — an excluded concept stays excluded
 *     whatever its source code, and an included one is already in (so no row is listed twice).
 */

/** A code set with every concept item spelled out (`3004249` → `{ id: 3004249, descendants: false, exclude: false }`). */
export interface MeasurementCodeSet {
  concepts: { id: number; descendants: boolean; exclude: boolean }[];
  sourceCodes: string[];
}

/** Checks each measurement's code set has something to match and spells its concepts out, in order. */
export function normalizeMeasurementCodeSets(measurements: { label: string; codes: CodeSet }[]): MeasurementCodeSet[] {
  return measurements.map(({ label, codes }) => {
    const concepts = (codes.concepts ?? []).map((item) => {
      const { id, descendants, exclude } = typeof item === 'number' ? { id: item } : item;
      if (!Number.isSafeInteger(id)) {
        throw new PmwError({ code: 'BAD_REQUEST', message: `measurement "${label}": concept id ${id} is not a whole number`, hint: 'give OMOP concept ids, e.g. 3004249' });
      }
      return { id, descendants: descendants === true, exclude: exclude === true };
    });
    const sourceCodes = codes.sourceCodes ?? [];
    if (!concepts.some((item) => !item.exclude) && sourceCodes.length === 0) {
      throw new PmwError({ code: 'BAD_REQUEST', message: `measurement "${label}" has no concept or source code to look for`, hint: 'add a concept id (not excluded) or a source code pattern' });
    }
    return { concepts, sourceCodes };
  });
}

/** A pattern folded as the source values are compared: upper case, dots removed. */
function foldSourceCode(pattern: string): string {
  return pattern.toUpperCase().replaceAll('.', '');
}

function conceptItemsSql(codeSets: MeasurementCodeSet[]): string | null {
  const rows = codeSets.flatMap((codes, entry) =>
    codes.concepts.map((item) => `(${entry}, ${item.id}::BIGINT, ${item.descendants}, ${item.exclude})`));
  return rows.length > 0 ? `VALUES ${rows.join(', ')}` : null;
}

function patternsSql(codeSets: MeasurementCodeSet[]): string | null {
  const rows = codeSets.flatMap((codes, entry) => codes.sourceCodes.map((pattern) => `(${entry}, ${quoteLiteral(foldSourceCode(pattern))})`));
  return rows.length > 0 ? `VALUES ${rows.join(', ')}` : null;
}

/**
 * `SELECT entry, person_id, measurement_date, measurement_id, value` for the measurement rows of each code
 * set (`entry` = its position in `codeSets`); without `concept_ancestor`, concepts stand for themselves only. `value` being `value_as_number` as DOUBLE (NULL when it is
 * missing or not a number: some CDMs store it as text). A row in two code sets is listed once for each.
 */
export function measurementsInCodeSetsSql(cdmSchema: string, codeSets: MeasurementCodeSet[], hasConceptAncestor: boolean): string {
  const items = conceptItemsSql(codeSets);
  const patterns = patternsSql(codeSets);
  const columns = 'e.person_id, e.measurement_date, e.measurement_id, TRY_CAST(e.value_as_number AS DOUBLE) AS value';
  const ctes: string[] = [];
  const branches: string[] = [];
  if (items) {
    ctes.push(
      `code_items(entry, concept_id, descendants, excluded) AS (${items})`,
      `code_expanded AS (
        SELECT entry, concept_id, excluded FROM code_items${hasConceptAncestor ? `
        UNION
        SELECT i.entry, a.descendant_concept_id, i.excluded
        FROM code_items i JOIN ${cdmSchema}.concept_ancestor a ON a.ancestor_concept_id = i.concept_id
        WHERE i.descendants` : ''})`,
      `code_concepts AS (
        SELECT entry, concept_id FROM code_expanded WHERE NOT excluded
        EXCEPT
        SELECT entry, concept_id FROM code_expanded WHERE excluded)`,
    );
    branches.push(`SELECT c.entry, ${columns}
      FROM ${cdmSchema}.measurement e JOIN code_concepts c ON c.concept_id = e.measurement_concept_id`);
  }
  if (patterns) {
    ctes.push(`code_patterns(entry, pattern) AS (${patterns})`);
    const unlisted = items
      ? `WHERE NOT EXISTS (SELECT 1 FROM code_expanded x WHERE x.entry = p.entry AND x.concept_id = e.measurement_concept_id)`
      : '';
    branches.push(`SELECT p.entry, ${columns}
      FROM ${cdmSchema}.measurement e JOIN code_patterns p ON replace(upper(e.measurement_source_value), '.', '') LIKE p.pattern
      ${unlisted}`);
  }
  if (branches.length === 0) throw new Error('measurementsInCodeSetsSql needs at least one concept or source code');
  return `WITH ${ctes.join(',\n')}\n${branches.join('\nUNION ALL\n')}`;
}
