/**
 * The small vocabulary of the generated CDM, built in DuckDB: a `vocab` table of every concept with its
 * parent (one chain per concept, enough for `concept_ancestor`), and the pools events draw concepts from.
 * Real OMOP ids are used where the benchmark's definitions name a concept (as in Eunomia GiBleed); every
 * other concept gets an id from 2,000,000,000 up, OHDSI's range for local concepts.
 */

/** Concepts the cohort benchmark refers to by id. */
export const CDM_CONCEPTS = {
  celecoxib: 1118084,
  diclofenac: 1124300,
  giBleed: 192671,
  male: 8507,
  female: 8532,
  visits: [9201, 9202, 9203, 262],
  hba1c: 3004410,
} as const;

const LOCAL = 2_000_000_000;
/** Where each kind of local concept starts. */
const IDS = {
  conditionGroup: LOCAL + 1_000,
  condition: LOCAL + 10_000,
  giBleedChild: LOCAL + 20_000,
  atc: LOCAL + 30_000,
  ingredient: LOCAL + 31_000,
  product: LOCAL + 40_000,
  measurement: LOCAL + 50_000,
  procedure: LOCAL + 60_000,
  observation: LOCAL + 70_000,
} as const;

const CONDITIONS_PER_GROUP = 15;
const OTHER_INGREDIENTS = 60;
const ATC_OTHER_CLASSES = 10;
/** Products per ingredient: three clinical drugs and one branded drug. */
export const PRODUCTS_PER_INGREDIENT = 4;
const LAB_TESTS = 39;
const PROCEDURES = 60;
const OBSERVATIONS = 30;

const BODY_SYSTEMS = ['Cardiovascular', 'Respiratory', 'Digestive', 'Musculoskeletal', 'Nervous system', 'Endocrine', 'Renal', 'Skin',
  'Mental', 'Eye', 'Ear', 'Blood', 'Immune', 'Infectious', 'Neoplastic', 'Reproductive', 'Urinary', 'Metabolic', 'Injury', 'Congenital'];
const DIGESTIVE_GROUP = BODY_SYSTEMS.indexOf('Digestive');
const SYLLABLES = ['ba', 'ce', 'di', 'fo', 'ga', 'li', 'mo', 'na', 'pra', 'ro', 'ste', 'tu', 'vi', 'xa', 'zo'];
const STEMS = ['pril', 'statin', 'olol', 'sartan', 'mab', 'azole', 'cillin', 'tide', 'pine', 'lone'];

/** The columns of every CTE of `vocab`. */
const CONCEPT_COLUMNS = 'concept_id, concept_name, domain_id, vocabulary_id, concept_class_id, standard_concept, concept_code, parent_id, pool, source_value';

const sqlList = (items: readonly string[]): string => `[${items.map((s) => `'${s}'`).join(', ')}]`;

/**
 * One CTE per kind of concept, all with the columns of `concept` plus `parent_id` (its one parent),
 * `pool` (which events draw it: condition, gi_bleed, drug, study_drug, measurement, procedure,
 * observation), `source_value` (what `*_source_value` holds) and, for lab tests, the value's mean, SD and unit.
 */
const VOCAB_SQL = `
CREATE OR REPLACE TEMP TABLE vocab AS
WITH fixed(${CONCEPT_COLUMNS}) AS (VALUES
  (8507, 'MALE', 'Gender', 'Gender', 'Gender', 'S', 'M', NULL, NULL, NULL),
  (8532, 'FEMALE', 'Gender', 'Gender', 'Gender', 'S', 'F', NULL, NULL, NULL),
  (9201, 'Inpatient Visit', 'Visit', 'Visit', 'Visit', 'S', 'IP', NULL, NULL, NULL),
  (9202, 'Outpatient Visit', 'Visit', 'Visit', 'Visit', 'S', 'OP', NULL, NULL, NULL),
  (9203, 'Emergency Room Visit', 'Visit', 'Visit', 'Visit', 'S', 'ER', NULL, NULL, NULL),
  (262, 'Emergency Room and Inpatient Visit', 'Visit', 'Visit', 'Visit', 'S', 'ERIP', NULL, NULL, NULL),
  (32817, 'EHR', 'Type Concept', 'Type Concept', 'Type Concept', 'S', 'OMOP4976890', NULL, NULL, NULL),
  (32838, 'EHR prescription', 'Type Concept', 'Type Concept', 'Type Concept', 'S', 'OMOP4976911', NULL, NULL, NULL),
  (4132161, 'Oral', 'Route', 'SNOMED', 'Qualifier Value', 'S', '26643006', NULL, NULL, NULL),
  (8554, 'percent', 'Unit', 'UCUM', 'Unit', 'S', '%', NULL, NULL, NULL),
  (8840, 'milligram per deciliter', 'Unit', 'UCUM', 'Unit', 'S', 'mg/dL', NULL, NULL, NULL),
  (8713, 'gram per deciliter', 'Unit', 'UCUM', 'Unit', 'S', 'g/dL', NULL, NULL, NULL),
  (8753, 'millimole per liter', 'Unit', 'UCUM', 'Unit', 'S', 'mmol/L', NULL, NULL, NULL),
  (441840, 'Clinical finding', 'Condition', 'SNOMED', 'Clinical Finding', 'S', '404684003', NULL, NULL, NULL),
  (192671, 'Gastrointestinal hemorrhage', 'Condition', 'SNOMED', 'Clinical Finding', 'S', '74474003', ${IDS.conditionGroup + DIGESTIVE_GROUP}, 'gi_bleed', 'K92.2'),
  (${IDS.giBleedChild + 1}, 'Gastric ulcer with hemorrhage', 'Condition', 'SNOMED', 'Clinical Finding', 'S', '39344004', 192671, 'gi_bleed', 'K25.0'),
  (${IDS.giBleedChild + 2}, 'Duodenal ulcer with hemorrhage', 'Condition', 'SNOMED', 'Clinical Finding', 'S', '15902003', 192671, 'gi_bleed', 'K26.0'),
  (${IDS.giBleedChild + 3}, 'Hematemesis', 'Condition', 'SNOMED', 'Clinical Finding', 'S', '8765009', 192671, 'gi_bleed', 'K92.0'),
  (${IDS.giBleedChild + 4}, 'Melena', 'Condition', 'SNOMED', 'Clinical Finding', 'S', '2901004', 192671, 'gi_bleed', 'K92.1'),
  (${IDS.atc}, 'ANTIINFLAMMATORY AND ANTIRHEUMATIC PRODUCTS, NON-STEROIDS', 'Drug', 'ATC', 'ATC 3rd', 'C', 'M01A', NULL, NULL, NULL),
  (${IDS.atc + 1}, 'Coxibs', 'Drug', 'ATC', 'ATC 4th', 'C', 'M01AH', ${IDS.atc}, NULL, NULL),
  (${IDS.atc + 2}, 'Acetic acid derivatives and related substances', 'Drug', 'ATC', 'ATC 4th', 'C', 'M01AB', ${IDS.atc}, NULL, NULL),
  (1118084, 'celecoxib', 'Drug', 'RxNorm', 'Ingredient', 'S', '140587', ${IDS.atc + 1}, NULL, NULL),
  (1124300, 'diclofenac', 'Drug', 'RxNorm', 'Ingredient', 'S', '3355', ${IDS.atc + 2}, NULL, NULL),
  (3004410, 'Hemoglobin A1c/Hemoglobin.total in Blood', 'Measurement', 'LOINC', 'Lab Test', 'S', '4548-4', NULL, 'measurement', '4548-4')
),
condition_groups(${CONCEPT_COLUMNS}) AS (
  SELECT ${IDS.conditionGroup} + g AS concept_id, ${sqlList(BODY_SYSTEMS)}[g + 1] || ' disorder' AS concept_name,
    'Condition' AS domain_id, 'SNOMED' AS vocabulary_id, 'Clinical Finding' AS concept_class_id, 'S' AS standard_concept,
    (400000 + g)::VARCHAR AS concept_code, 441840 AS parent_id, NULL AS pool, NULL AS source_value
  FROM range(${BODY_SYSTEMS.length}) r(g)
),
conditions(${CONCEPT_COLUMNS}) AS (
  SELECT ${IDS.condition} + n AS concept_id, ${sqlList(BODY_SYSTEMS)}[n // ${CONDITIONS_PER_GROUP} + 1] || ' disorder ' || (n % ${CONDITIONS_PER_GROUP} + 1) AS concept_name,
    'Condition', 'SNOMED', 'Clinical Finding', 'S', (410000 + n)::VARCHAR, ${IDS.conditionGroup} + n // ${CONDITIONS_PER_GROUP}, 'condition',
    chr(65 + (n // ${CONDITIONS_PER_GROUP})::INTEGER) || lpad((n % ${CONDITIONS_PER_GROUP})::VARCHAR, 2, '0') || '.' || (n % 7)
  FROM range(${BODY_SYSTEMS.length * CONDITIONS_PER_GROUP}) r(n)
),
atc_classes(${CONCEPT_COLUMNS}) AS (
  SELECT ${IDS.atc + 10} + c AS concept_id, 'Drug class ' || chr(65 + c::INTEGER), 'Drug', 'ATC', 'ATC 4th', 'C', 'X' || lpad(c::VARCHAR, 2, '0') || 'AA',
    NULL::BIGINT, NULL, NULL
  FROM range(${ATC_OTHER_CLASSES}) r(c)
),
other_ingredients(${CONCEPT_COLUMNS}) AS (
  SELECT ${IDS.ingredient} + i AS concept_id,
    ${sqlList(SYLLABLES)}[i % ${SYLLABLES.length} + 1] || ${sqlList(SYLLABLES)}[(i * 7 + i // ${SYLLABLES.length}) % ${SYLLABLES.length} + 1] || ${sqlList(STEMS)}[i % ${STEMS.length} + 1],
    'Drug', 'RxNorm', 'Ingredient', 'S', (500000 + i)::VARCHAR, ${IDS.atc + 10} + i % ${ATC_OTHER_CLASSES}, NULL, NULL
  FROM range(${OTHER_INGREDIENTS}) r(i)
),
ingredients AS (
  SELECT row_number() OVER (ORDER BY concept_id) - 1 AS ingredient_no, concept_id, concept_name,
    concept_id IN (${CDM_CONCEPTS.celecoxib}, ${CDM_CONCEPTS.diclofenac}) AS studied
  FROM (SELECT concept_id, concept_name FROM fixed WHERE concept_class_id = 'Ingredient' UNION ALL SELECT concept_id, concept_name FROM other_ingredients)
),
products(${CONCEPT_COLUMNS}) AS (
  SELECT ${IDS.product} + i.ingredient_no * 10 + k AS concept_id,
    CASE WHEN k < 3 THEN i.concept_name || ' ' || [25, 100, 200][k + 1] || ' MG Oral Tablet'
         ELSE i.concept_name || ' 100 MG Oral Tablet [' || upper(i.concept_name[1]) || i.concept_name[2:] || 'a]' END,
    'Drug', 'RxNorm', CASE WHEN k < 3 THEN 'Clinical Drug' ELSE 'Branded Drug' END, 'S', (600000 + i.ingredient_no * 10 + k)::VARCHAR,
    i.concept_id, CASE WHEN i.studied THEN 'study_drug' ELSE 'drug' END, lpad((10000000000 + i.ingredient_no * 1013 + k * 7)::VARCHAR, 11, '0')
  FROM ingredients i, range(${PRODUCTS_PER_INGREDIENT}) r(k)
),
lab_tests(${CONCEPT_COLUMNS}) AS (
  SELECT ${IDS.measurement} + m AS concept_id, 'Laboratory test ' || (m + 1), 'Measurement', 'LOINC', 'Lab Test', 'S', (10000 + m)::VARCHAR || '-' || (m % 9),
    NULL::BIGINT, 'measurement', (10000 + m)::VARCHAR || '-' || (m % 9)
  FROM range(${LAB_TESTS}) r(m)
),
procedures(${CONCEPT_COLUMNS}) AS (
  SELECT ${IDS.procedure} + n AS concept_id, 'Procedure ' || (n + 1), 'Procedure', 'SNOMED', 'Procedure', 'S', (700000 + n)::VARCHAR,
    NULL::BIGINT, 'procedure', (30000 + n * 11)::VARCHAR
  FROM range(${PROCEDURES}) r(n)
),
observations(${CONCEPT_COLUMNS}) AS (
  SELECT ${IDS.observation} + n AS concept_id, 'Observation ' || (n + 1), 'Observation', 'SNOMED', 'Observable Entity', 'S', (800000 + n)::VARCHAR,
    NULL::BIGINT, 'observation', 'OBS' || lpad(n::VARCHAR, 3, '0')
  FROM range(${OBSERVATIONS}) r(n)
)
SELECT *, row_number() OVER (PARTITION BY pool ORDER BY concept_id) - 1 AS pool_idx FROM (
  SELECT * FROM fixed UNION ALL SELECT * FROM condition_groups UNION ALL SELECT * FROM conditions UNION ALL SELECT * FROM atc_classes
  UNION ALL SELECT * FROM other_ingredients UNION ALL SELECT * FROM products UNION ALL SELECT * FROM lab_tests
  UNION ALL SELECT * FROM procedures UNION ALL SELECT * FROM observations)`;

/** The mean, SD and unit of each lab test (HbA1c in %, the rest drawn from the seeded hash). */
const LAB_VALUES_SQL = `
CREATE OR REPLACE TEMP TABLE lab_values AS
SELECT concept_id,
  CASE WHEN concept_id = ${CDM_CONCEPTS.hba1c} THEN 6.0 ELSE round(1 + u(900, concept_id, 0) * 200, 1) END AS mean,
  CASE WHEN concept_id = ${CDM_CONCEPTS.hba1c} THEN 1.1 ELSE round((1 + u(900, concept_id, 0) * 200) * (0.08 + 0.2 * u(901, concept_id, 0)), 2) END AS sd,
  CASE WHEN concept_id = ${CDM_CONCEPTS.hba1c} THEN 8554 ELSE [8840, 8713, 8753, 8554][(u(902, concept_id, 0) * 4)::INTEGER % 4 + 1] END AS unit_concept_id
FROM vocab WHERE pool = 'measurement'`;

/** Every concept its own ancestor at level 0, then each parent chain walked up, with the shortest and longest path. */
const ANCESTOR_SQL = `
CREATE OR REPLACE TEMP TABLE ancestors AS
WITH RECURSIVE walk(ancestor_concept_id, descendant_concept_id, levels) AS (
  SELECT concept_id, concept_id, 0 FROM vocab
  UNION ALL
  SELECT v.parent_id, w.descendant_concept_id, w.levels + 1 FROM walk w JOIN vocab v ON v.concept_id = w.ancestor_concept_id WHERE v.parent_id IS NOT NULL
)
SELECT ancestor_concept_id::BIGINT AS ancestor_concept_id, descendant_concept_id::BIGINT AS descendant_concept_id,
  min(levels)::INTEGER AS min_levels_of_separation, max(levels)::INTEGER AS max_levels_of_separation
FROM walk GROUP BY ALL ORDER BY ALL`;

/** Statements that build `vocab`, `lab_values` and `ancestors` (the macro `u` must exist). */
export const VOCABULARY_STATEMENTS = [VOCAB_SQL, LAB_VALUES_SQL, ANCESTOR_SQL];

/** The `concept` table as written: canonical columns and types. */
export const CONCEPT_SELECT = `
SELECT concept_id::BIGINT AS concept_id, concept_name::VARCHAR AS concept_name, domain_id::VARCHAR AS domain_id,
  vocabulary_id::VARCHAR AS vocabulary_id, concept_class_id::VARCHAR AS concept_class_id, standard_concept::VARCHAR AS standard_concept,
  concept_code::VARCHAR AS concept_code, DATE '1970-01-01' AS valid_start_date, DATE '2099-12-31' AS valid_end_date, NULL::VARCHAR AS invalid_reason
FROM vocab ORDER BY concept_id`;

export const CONCEPT_ANCESTOR_SELECT = 'SELECT * FROM ancestors';
