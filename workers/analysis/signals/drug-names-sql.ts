/**
 * Drug and event names as a screen counts them, as SQL expressions over `pv_drug` / `pv_event` rows.
 *
 * `normalized` names: `prod_ai` (the `ingredient` column) preferred over the verbatim `drugname`; a
 * multi-ingredient `prod_ai` ("A\B") split into its ingredients; case, whitespace and punctuation folded;
 * a trailing salt form stripped ("DICLOFENAC SODIUM" → "DICLOFENAC") unless only a salt word would remain
 * ("SODIUM CHLORIDE" stays); then the user's synonym table applied. `verbatim` names are used exactly as
 * reported, so a screen can be reproduced against other tools.
 */

/** Salt and hydrate words stripped from the end of a folded ingredient name. */
export const SALT_WORDS = [
  'ACETATE', 'BESILATE', 'BESYLATE', 'BITARTRATE', 'BROMIDE', 'CALCIUM', 'CHLORIDE', 'CITRATE',
  'DIHYDRATE', 'DIPROPIONATE', 'DISODIUM', 'FUMARATE', 'GLUCONATE', 'HCL', 'HEMIHYDRATE', 'HYCLATE',
  'HYDROBROMIDE', 'HYDROCHLORIDE', 'LACTATE', 'MAGNESIUM', 'MALEATE', 'MESILATE', 'MESYLATE',
  'MONOHYDRATE', 'NITRATE', 'PHOSPHATE', 'POTASSIUM', 'PROPIONATE', 'SODIUM', 'SUCCINATE', 'SULFATE',
  'SULPHATE', 'TARTRATE', 'TRIHYDRATE',
] as const;

const SALTS = SALT_WORDS.join('|');

/** Upper case, punctuation to spaces, runs of spaces to one, trimmed. Letters of any script are kept. */
export function foldNameSql(expression: string): string {
  return `trim(regexp_replace(regexp_replace(upper(${expression}), '[^\\p{L}\\p{N}]+', ' ', 'g'), ' +', ' ', 'g'))`;
}

/** Strips trailing salt words, unless nothing but salt words would be left. */
export function stripSaltSql(folded: string): string {
  const stripped = `regexp_replace(${folded}, '( (${SALTS}))+$', '')`;
  return `CASE WHEN regexp_full_match(${stripped}, '((${SALTS}) ?)+') THEN ${folded} ELSE ${stripped} END`;
}

export type NameMode = 'normalized' | 'verbatim';

/**
 * The counted name(s) of each distinct raw `(drug, ingredient)` of `pv_drug`: `SELECT drug_key,
 * ingredient_key, name`, keys being the raw values with NULL as ''. Normalising the few thousand distinct
 * raw names once and joining back is far cheaper than running the regular expressions on every drug row.
 * `synonyms` is a table `(name, ingredient)` of folded names, or null.
 */
export function drugNameMapSql(pvDrug: string, mode: NameMode, synonyms: string | null): string {
  const raw = `SELECT DISTINCT coalesce(drug::VARCHAR, '') AS drug_key, coalesce(ingredient::VARCHAR, '') AS ingredient_key FROM ${pvDrug}`;
  if (mode === 'verbatim') return `SELECT drug_key, ingredient_key, drug_key AS name FROM (${raw}) WHERE drug_key <> ''`;
  // prod_ai separates ingredients with a backslash; drugname is never split (it holds "/" in brand names).
  const parts = `SELECT drug_key, ingredient_key, unnest(CASE WHEN trim(ingredient_key) <> ''
      THEN string_split(ingredient_key, '\\') ELSE [drug_key] END) AS raw_name FROM (${raw})`;
  const folded = `SELECT drug_key, ingredient_key, ${stripSaltSql(foldNameSql('raw_name'))} AS name FROM (${parts})`;
  const named = synonyms
    ? `SELECT f.drug_key, f.ingredient_key, coalesce(s.ingredient, f.name) AS name FROM (${folded}) f LEFT JOIN ${synonyms} s ON s.name = f.name`
    : folded;
  return `SELECT DISTINCT drug_key, ingredient_key, name FROM (${named}) WHERE name IS NOT NULL AND name <> ''`;
}

/** A `SELECT report_id, role, drug` over `pv_drug`: one row per counted drug name of each drug row. */
export function drugNamesSql(pvDrug: string, mode: NameMode, synonyms: string | null): string {
  return `SELECT d.report_id, d.role, m.name AS drug FROM ${pvDrug} d
    JOIN (${drugNameMapSql(pvDrug, mode, synonyms)}) m
      ON m.drug_key = coalesce(d.drug::VARCHAR, '') AND m.ingredient_key = coalesce(d.ingredient::VARCHAR, '')`;
}

/** The counted name of each distinct raw `pt` of `pv_event`: `SELECT pt, name` (folded case and spaces, or verbatim). */
export function eventNameMapSql(pvEvent: string, mode: NameMode): string {
  const name = mode === 'verbatim' ? 'pt' : `trim(regexp_replace(upper(pt), '\\s+', ' ', 'g'))`;
  return `SELECT pt, ${name} AS name FROM (SELECT DISTINCT pt FROM ${pvEvent} WHERE pt IS NOT NULL AND trim(pt) <> '')`;
}

/** A `SELECT report_id, event` over `pv_event`, through the name map. */
export function eventNamesSql(pvEvent: string, mode: NameMode): string {
  return `SELECT e.report_id, m.name AS event FROM ${pvEvent} e JOIN (${eventNameMapSql(pvEvent, mode)}) m USING (pt)`;
}

const SALT_SET = new Set<string>(SALT_WORDS);

/** How a user-typed drug or event is matched against names of the given mode: the same folding in JS. */
export function foldForMatch(value: string, mode: NameMode, kind: 'drug' | 'event'): string {
  if (mode === 'verbatim') return value;
  if (kind === 'event') return value.trim().replace(/\s+/g, ' ').toUpperCase();
  const words = value.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ');
  let keep = words.length;
  while (keep > 0 && SALT_SET.has(words[keep - 1]!)) keep -= 1;
  return (keep === 0 ? words : words.slice(0, keep)).join(' ');
}
