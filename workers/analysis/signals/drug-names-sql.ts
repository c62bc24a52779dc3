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
 * A `SELECT report_id, role, drug` over `pv_drug` (aliased `d`) giving one row per counted drug name.
 * `synonyms` is the name of a table `(name, ingredient)` of folded names, or null.
 */
export function drugNamesSql(pvDrug: string, mode: NameMode, synonyms: string | null): string {
  if (mode === 'verbatim') return `SELECT report_id, role, drug FROM ${pvDrug} WHERE drug IS NOT NULL AND drug <> ''`;
  // prod_ai separates ingredients with a backslash; drugname is never split (it holds "/" in brand names).
  const parts = `SELECT report_id, role, unnest(CASE WHEN nullif(trim(ingredient), '') IS NOT NULL
      THEN string_split(ingredient, '\\') ELSE [drug] END) AS raw_name FROM ${pvDrug}`;
  const folded = `SELECT report_id, role, ${stripSaltSql(foldNameSql('raw_name'))} AS name FROM (${parts})`;
  const named = synonyms
    ? `SELECT f.report_id, f.role, coalesce(s.ingredient, f.name) AS drug FROM (${folded}) f LEFT JOIN ${synonyms} s ON s.name = f.name`
    : `SELECT report_id, role, name AS drug FROM (${folded})`;
  return `SELECT report_id, role, drug FROM (${named}) WHERE drug IS NOT NULL AND drug <> ''`;
}

/** A `SELECT report_id, event` over `pv_event`: folded case and spaces, or verbatim. */
export function eventNamesSql(pvEvent: string, mode: NameMode): string {
  const event = mode === 'verbatim' ? 'pt' : `trim(regexp_replace(upper(pt), '\\s+', ' ', 'g'))`;
  return `SELECT report_id, ${event} AS event FROM ${pvEvent} WHERE pt IS NOT NULL AND trim(pt) <> ''`;
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
