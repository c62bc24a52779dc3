import type { DuckDBConnection } from '@duckdb/node-api';
import type { Task } from '../../db/tasks.js';
import { appendFloat64Columns, readFloat64Columns } from '../../db/typed-columns.js';
import type { MgpsFit, SignalThresholds } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';
import { computeDisproportionality } from './disproportionality.js';
import { fitMgpsPrior } from './mgps-fit.js';
import { mgpsPosterior } from './mgps-posterior.js';
import { signalFlags } from './thresholds.js';

/** The measures written per pair into the temporary `pmw_measures` table, keyed by `pair_id`. */
export const MEASURE_COLUMNS = [
  'pair_id', 'prr', 'prr_lo', 'prr_hi', 'chisq', 'p_chisq', 'ror', 'ror_lo', 'ror_hi', 'ror_corrected', 'ic', 'ic025', 'ic975',
  'ebgm', 'eb05', 'eb95', 'prr_signal', 'ror_signal', 'ic_signal', 'ebgm_signal',
] as const;

/**
 * Pairs and their measures side by side: `pmw_measures` is appended in the order `pmw_pairs` was scanned
 * (DuckDB keeps insertion order), so a positional join lines them up without a hash join or a sort;
 * `assertAligned` checks every row's pair_id.
 */
export const PAIRS_WITH_MEASURES_SQL = 'pmw_pairs p POSITIONAL JOIN pmw_measures m';

/** The measure columns as they appear in a result table (flags as booleans). */
export const RESULT_MEASURES_SQL = `m.prr, m.prr_lo, m.prr_hi, m.chisq, m.p_chisq, m.ror, m.ror_lo, m.ror_hi, m.ic, m.ic025, m.ic975,
  m.ebgm, m.eb05, m.eb95, ${['prr_signal', 'ror_signal', 'ic_signal', 'ebgm_signal', 'ror_corrected'].map((c) => `(m.${c} = 1) AS ${c}`).join(', ')}`;

export async function countRows(connection: DuckDBConnection, table: string): Promise<number> {
  return Number((await connection.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRowsJS()[0]?.[0] ?? 0);
}

/**
 * Reads `n` and `e` of a pairs table and fits the MGPS prior on them. When no start converges but the best
 * one ran to a boundary (a component's α and β growing without bound: the data put a point mass there,
 * as when almost every pair sits at independence), that end point is the supremum of the likelihood and
 * is used, with a warning; a fit with no finite likelihood is an error.
 */
export async function fitPriorOnPairs(
  task: Task,
  pairsTable: string,
  options: { minCount: number; starts: number[][] | undefined },
): Promise<{ fit: MgpsFit; warnings: string[] }> {
  const pairs = await countRows(task.connection, pairsTable);
  const [n, e] = await readFloat64Columns(task.connection, `SELECT n, e FROM ${pairsTable}`, pairs) as [Float64Array, Float64Array];
  task.report('reading', null, `fitting the MGPS prior on ${pairs.toLocaleString('en-US')} pairs`);
  const fit = fitMgpsPrior(n, e, { minCount: options.minCount, starts: options.starts, signal: task });
  task.throwIfCancelled();
  if (fit.converged) return { fit, warnings: [] };
  const finite = [fit.alpha1, fit.beta1, fit.alpha2, fit.beta2, fit.p, fit.logLik].every(Number.isFinite);
  if (!finite) {
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `the MGPS prior could not be fitted from any starting point (best log-likelihood ${fit.logLik})`,
      hint: 'try other starting points (mgps.starts) or a higher fitting minimum count (mgps.fitMinCount)',
    });
  }
  return {
    fit,
    warnings: [
      `the MGPS prior did not converge: its best fit (log-likelihood ${fit.logLik.toFixed(3)}) ran to a boundary ` +
        `(α1=${fit.alpha1.toPrecision(3)}, β1=${fit.beta1.toPrecision(3)}, α2=${fit.alpha2.toPrecision(3)}, β2=${fit.beta2.toPrecision(3)}, P=${fit.p.toPrecision(3)}), ` +
        'which happens when reporting ratios hardly vary between pairs; EBGM, EB05 and EB95 use that end point and shrink strongly',
    ],
  };
}

/** Fails loudly if the positional join ever lined up rows of different pairs. */
async function assertAligned(connection: DuckDBConnection): Promise<void> {
  const reader = await connection.runAndReadAll(`SELECT count(*) FROM ${PAIRS_WITH_MEASURES_SQL} WHERE p.pair_id IS DISTINCT FROM m.pair_id`);
  const misaligned = Number(reader.getRowsJS()[0]?.[0] ?? 0);
  if (misaligned > 0) throw new PmwError({ code: 'INTERNAL', message: `${misaligned} pairs lost their measures while the screen was written`, hint: 'please report this; nothing was saved' });
}

/**
 * Computes every measure for the pairs of `pairsTable` (columns `pair_id, n, n_drug, n_event, n_total, e`)
 * on typed arrays and writes them to the temporary table `pmw_measures`, one row per pair_id.
 */
export async function measurePairs(task: Task, pairsTable: string, fit: MgpsFit, thresholds: Required<SignalThresholds>): Promise<void> {
  const connection = task.connection;
  const pairs = await countRows(connection, pairsTable);
  const [pairId, n, nDrug, nEvent, nTotal, e] = await readFloat64Columns(
    connection, `SELECT pair_id, n, n_drug, n_event, n_total, e FROM ${pairsTable}`, pairs,
  ) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const measures = computeDisproportionality({ n, nDrug, nEvent, nTotal, e });
  const posterior = mgpsPosterior(fit, n, e);
  const flags = signalFlags(measures, posterior, n, thresholds);
  task.throwIfCancelled();
  const columns: Record<(typeof MEASURE_COLUMNS)[number], Float64Array> = {
    pair_id: pairId, prr: measures.prr, prr_lo: measures.prrLo, prr_hi: measures.prrHi, chisq: measures.chisq, p_chisq: measures.chisqP,
    ror: measures.ror, ror_lo: measures.rorLo, ror_hi: measures.rorHi, ror_corrected: Float64Array.from(measures.rorCorrected),
    ic: measures.ic, ic025: measures.ic025, ic975: measures.ic975,
    ebgm: posterior.ebgm, eb05: posterior.eb05, eb95: posterior.eb95,
    prr_signal: Float64Array.from(flags.prrSignal), ror_signal: Float64Array.from(flags.rorSignal),
    ic_signal: Float64Array.from(flags.icSignal), ebgm_signal: Float64Array.from(flags.ebgmSignal),
  };
  await connection.run(`CREATE OR REPLACE TEMP TABLE pmw_measures (${MEASURE_COLUMNS.map((c) => `${c} DOUBLE`).join(', ')})`);
  await appendFloat64Columns(connection, 'pmw_measures', MEASURE_COLUMNS.map((c) => columns[c]), { catalog: 'temp', schema: 'main' });
  await assertAligned(connection);
}
