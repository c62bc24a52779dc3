/**
 * For the signal tests: the caers pairs counted by DuckDB from test/fixtures/caers.csv (distinct report ids
 * per pair, product, event and in all; E unstratified and stratified by strat1), side by side with the
 * independent R figures in caers_reference.csv.gz. Reads only files inside the repository.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { MgpsFit } from '../../../engine/api.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CAERS_CSV = fileURLToPath(new URL('../../../../test/fixtures/caers.csv', import.meta.url));
const REFERENCE_CSV = fileURLToPath(new URL('./caers_reference.csv.gz', import.meta.url));
const PRIOR_JSON = fileURLToPath(new URL('./caers_prior.json', import.meta.url));

const COUNT_COLUMNS = ['n', 'n_drug', 'n_event', 'n_total', 'e', 'e_strat'] as const;
export const REFERENCE_COLUMNS = [
  'n', 'n_drug', 'n_event', 'n_total', 'e', 'e_strat',
  'prr', 'prr_lo', 'prr_hi', 'chisq', 'ror', 'ror_lo', 'ror_hi', 'ror_corrected', 'ic', 'ic025', 'ic975',
  'ic_strat', 'ic025_strat', 'ic975_strat', 'ebgm', 'eb05', 'eb95', 'ebgm_strat', 'eb05_strat', 'eb95_strat',
] as const;

export interface CaersScreen {
  /** "product\u0000event" per pair, in one order shared by every column. */
  keys: string[];
  counts: Record<(typeof COUNT_COLUMNS)[number], Float64Array>;
  reference: Record<(typeof REFERENCE_COLUMNS)[number], Float64Array>;
}

/** A prior fitted by the R script: the fields of our own fit that R reports too. */
export type ReferencePrior = Pick<MgpsFit, 'alpha1' | 'beta1' | 'alpha2' | 'beta2' | 'p' | 'logLik' | 'pairsUsed' | 'starts'>;

export function readReferencePriors(): { unstratified: ReferencePrior; stratifiedBySex: ReferencePrior; higherMaximum: ReferencePrior } {
  return JSON.parse(readFileSync(PRIOR_JSON, 'utf8'));
}

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

export async function loadCaersScreen(): Promise<CaersScreen> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`
      WITH raw AS (SELECT * FROM read_csv(${sqlString(CAERS_CSV)}, header = true, all_varchar = true)),
      pair AS (SELECT var1, var2, count(DISTINCT id) AS n FROM raw GROUP BY var1, var2),
      drug AS (SELECT var1, count(DISTINCT id) AS n_drug FROM raw GROUP BY var1),
      event AS (SELECT var2, count(DISTINCT id) AS n_event FROM raw GROUP BY var2),
      drug_stratum AS (SELECT var1, strat1, count(DISTINCT id) AS n FROM raw GROUP BY var1, strat1),
      event_stratum AS (SELECT var2, strat1, count(DISTINCT id) AS n FROM raw GROUP BY var2, strat1),
      stratum AS (SELECT strat1, count(DISTINCT id) AS n FROM raw GROUP BY strat1),
      stratified AS (
        SELECT p.var1, p.var2, sum(d.n::DOUBLE * v.n / s.n) AS e_strat
        FROM pair p JOIN drug_stratum d ON d.var1 = p.var1
        JOIN event_stratum v ON v.var2 = p.var2 AND v.strat1 = d.strat1
        JOIN stratum s ON s.strat1 = d.strat1
        GROUP BY p.var1, p.var2)
      SELECT p.var1 || chr(0) || p.var2 AS pair_key,
        p.n::DOUBLE AS n, drug.n_drug::DOUBLE AS n_drug, event.n_event::DOUBLE AS n_event,
        (SELECT count(DISTINCT id) FROM raw)::DOUBLE AS n_total,
        drug.n_drug::DOUBLE * event.n_event / (SELECT count(DISTINCT id) FROM raw) AS e,
        st.e_strat,
        ${REFERENCE_COLUMNS.map((column) => `r.${column} AS ref_${column}`).join(', ')}
      FROM pair p JOIN drug USING (var1) JOIN event USING (var2)
      JOIN stratified st ON st.var1 = p.var1 AND st.var2 = p.var2
      LEFT JOIN read_csv(${sqlString(REFERENCE_CSV)}, header = true, all_varchar = true) r ON r.var1 = p.var1 AND r.var2 = p.var2
      ORDER BY p.var1, p.var2`);
    const columns = reader.getColumnsObjectJS() as Record<string, unknown[]>;
    const toFloat64 = (values: unknown[]) => Float64Array.from(values, (value) => (value === null ? NaN : Number(value)));
    return {
      keys: columns.pair_key as string[],
      counts: Object.fromEntries(COUNT_COLUMNS.map((column) => [column, toFloat64(columns[column]!)])) as CaersScreen['counts'],
      reference: Object.fromEntries(REFERENCE_COLUMNS.map((column) => [column, toFloat64(columns[`ref_${column}`]!)])) as CaersScreen['reference'],
    };
  } finally {
    connection.closeSync();
  }
}
