/**
 * Timing script (not a test): Table 1 on a generated OMOP CDM of 1M persons and 50M events (25M conditions,
 * 20M drug exposures, 5M measurements), in a DuckDB file opened with the workspace's settings: one cohort
 * of every person, two of half the persons each, and two of 8% each (a drug's new users).
 *
 *   npx tsx workers/analysis/characterize/reference/time-table1-synthetic.ts [--persons N] [--keep]
 *
 * The data are hashed from row numbers (no random state), so every run builds the same CDM. `--keep`
 * leaves the file in the system temp folder and reuses it next time.
 */
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../db/open-database.js';
import { Task } from '../../../db/tasks.js';
import { characterize, type Table1Spec } from '../characterize.js';

const args = process.argv.slice(2);
const persons = Number(args[args.indexOf('--persons') + 1] ?? 0) || 1_000_000;
const keep = args.includes('--keep');
const scale = persons / 1_000_000;
const CONDITIONS = Math.round(25_000_000 * scale);
const DRUGS = Math.round(20_000_000 * scale);
const MEASUREMENTS = Math.round(5_000_000 * scale);
const file = join(tmpdir(), `pmw-table1-${persons}.duckdb`);

/** A uniform number in [0, 1) from row `i` and a stream number, without shared random state. */
const uniform = (i: string, stream: number) => `((hash(${i}, ${stream}) % 1000003) / 1000003.0)`;

/** 2,000 conditions, 600 drug products rolling up to 200 ingredients (every 10th a two-ingredient product), 50 labs. */
const VOCABULARY_SQL = [
  `CREATE TABLE cdm.concept AS
    SELECT (100000 + i)::INTEGER AS concept_id, 'condition ' || i AS concept_name, 'Clinical Finding' AS concept_class_id FROM range(2000) t(i)
    UNION ALL SELECT 200000 + i, 'ingredient ' || i, 'Ingredient' FROM range(200) t(i)
    UNION ALL SELECT 300000 + i, 'product ' || i, 'Clinical Drug' FROM range(600) t(i)
    UNION ALL SELECT 400000 + i, 'lab ' || i, 'Lab Test' FROM range(50) t(i)`,
  `CREATE TABLE cdm.concept_ancestor AS
    SELECT concept_id AS ancestor_concept_id, concept_id AS descendant_concept_id FROM cdm.concept
    UNION ALL SELECT (200000 + i % 200)::INTEGER, (300000 + i)::INTEGER FROM range(600) t(i)
    UNION ALL SELECT (200000 + (i + 7) % 200)::INTEGER, (300000 + i)::INTEGER FROM range(600) t(i) WHERE i % 10 = 0`,
];

function eventsSql(): string[] {
  const person = (stream: number) => `(1 + hash(i, ${stream}) % ${persons})::BIGINT`;
  // Skewed concept frequencies (u³): a few common concepts, a long tail; dates over 2010–2022.
  const skewed = (stream: number, count: number) => `floor(pow(${uniform('i', stream)}, 3) * ${count})::INTEGER`;
  const day = (stream: number) => `DATE '2010-01-01' + (hash(i, ${stream}) % 4748)::INTEGER`;
  return [
    `CREATE TABLE cdm.person AS SELECT i AS person_id,
       CASE WHEN hash(i, 1) % 100 < 49 THEN 8507 WHEN hash(i, 1) % 100 < 99 THEN 8532 ELSE 0 END AS gender_concept_id,
       1930 + (hash(i, 2) % 85)::INTEGER AS year_of_birth, 1 AS month_of_birth, 1 AS day_of_birth
     FROM range(1, ${persons + 1}) t(i)`,
    `CREATE TABLE cdm.condition_occurrence AS SELECT i AS condition_occurrence_id, ${person(3)} AS person_id,
       (100000 + ${skewed(4, 2000)})::INTEGER AS condition_concept_id, ${day(5)} AS condition_start_date
     FROM range(${CONDITIONS}) t(i)`,
    `CREATE TABLE cdm.drug_exposure AS SELECT i AS drug_exposure_id, ${person(6)} AS person_id,
       (300000 + ${skewed(7, 600)})::INTEGER AS drug_concept_id, ${day(8)} AS drug_exposure_start_date
     FROM range(${DRUGS}) t(i)`,
    `CREATE TABLE cdm.measurement AS SELECT i AS measurement_id, ${person(9)} AS person_id,
       (400000 + hash(i, 10) % 50)::INTEGER AS measurement_concept_id, ${day(11)} AS measurement_date,
       round(50 + 100 * ${uniform('i', 12)}, 1) AS value_as_number, 'L' || (hash(i, 10) % 50) AS measurement_source_value
     FROM range(${MEASUREMENTS}) t(i)`,
    // Two cohorts splitting the persons 50/50, index dates over 2014–2020.
    ...[0, 1].map((c) => `CREATE TABLE cohort_${c} AS SELECT person_id,
       DATE '2014-01-01' + (hash(person_id, 13) % 2500)::INTEGER AS cohort_start_date,
       DATE '2014-01-01' + (hash(person_id, 13) % 2500)::INTEGER AS cohort_end_date,
       NULL::DATE AS observation_start_date, NULL::DATE AS observation_end_date
     FROM cdm.person WHERE person_id % 2 = ${c}`),
    `CREATE TABLE cohort_all AS SELECT * FROM cohort_0 UNION ALL SELECT * FROM cohort_1`,
    // Two cohorts of 8% of the persons each, the size of a drug's new users.
    ...[0, 1].map((c) => `CREATE TABLE users_${c} AS SELECT * FROM cohort_all WHERE hash(person_id, 14) % 100 BETWEEN ${8 * c} AND ${8 * c + 7}`),
  ];
}

const instance = await openDatabase(file);
const connection = await instance.connect();
const built = (await connection.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name = 'users_1'`)).getRowsJS()[0]![0];
if (Number(built) === 0) {
  const started = performance.now();
  for (const table of ['cohort_0', 'cohort_1', 'cohort_all', 'users_0', 'users_1']) await connection.run(`DROP TABLE IF EXISTS ${table}`);
  await connection.run('DROP SCHEMA IF EXISTS cdm CASCADE');
  await connection.run('CREATE SCHEMA IF NOT EXISTS cdm');
  for (const sql of [...VOCABULARY_SQL, ...eventsSql()]) await connection.run(sql);
  await connection.run('CHECKPOINT');
  console.log(`generated ${persons} persons, ${CONDITIONS + DRUGS + MEASUREMENTS} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const threads = Number((await connection.runAndReadAll(`SELECT current_setting('threads')`)).getRowsJS()[0]![0]);
const spec: Table1Spec = {
  measurements: [
    { label: 'lab 0', codes: { concepts: [400000] } },
    { label: 'lab 1 by source code', codes: { sourceCodes: ['L1'] } },
  ],
};
// Step timings from the progress messages: each message starts a step, which ends at the next.
let steps: [string, number][] = [];
const task = new Task('timing', 'Table 1', connection, (p) => {
  if (steps.at(-1)?.[0] !== p.message) steps.push([p.message, performance.now()]);
});
const stepBreakdown = (end: number) => steps.map(([message, at], i) => `${message} ${(((steps[i + 1]?.[1] ?? end) - at) / 1000).toFixed(2)}`).join('; ');
const runs: [string, string, string | undefined][] = [
  ['one cohort of every person', 'cohort_all', undefined],
  ['two cohorts of half the persons each', 'cohort_0', 'cohort_1'],
  ['two cohorts of 8% of the persons each', 'users_0', 'users_1'],
];
for (const [what, target, comparator] of runs) {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    steps = [];
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await characterize(task, 'cdm', { table: target, label: target }, comparator ? { table: comparator, label: comparator } : undefined, spec);
    const ended = performance.now();
    const used = process.cpuUsage(cpu);
    times.push(ended - started);
    cpuTimes.push((used.user + used.system) / 1000);
    if (run === 0) console.log(`${what}: ${result.rows.length} rows, ${result.targetPersons} target persons`);
    console.log(`  ${stepBreakdown(ended)}`);
  }
  // Other work on the machine stretches the wall time; CPU time over the cores DuckDB may use is a floor.
  const seconds = (list: number[]) => list.map((t) => (t / 1000).toFixed(2)).join(', ');
  console.log(`${what}: wall ${seconds(times)} s; CPU ${seconds(cpuTimes)} s on ${threads} threads`);
}
connection.closeSync();
instance.closeSync();
if (!keep) rmSync(file, { force: true });
else if (existsSync(file)) console.log(`kept ${file}`);
