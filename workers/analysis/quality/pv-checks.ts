import type { DatasetTable } from '../../engine/api.js';
import type { RowCheck, TablePlan } from './check-plan.js';
import { shortName } from './check-plan.js';
import { referenceCheck, rowColumn } from './column-checks.js';
import { genericTablePlan } from './table-checks.js';
import { THRESHOLDS } from './thresholds.js';

/** Columns each report table must fill; `report_id` in every table that has it. */
const REQUIRED: Record<string, string[]> = {
  pv_event: ['pt'],
};

/**
 * A `faers` or `reports` dataset (pv_report, pv_drug, pv_event, and FAERS's pv_outcome, pv_indication,
 * pv_therapy, pv_report_source): the generic checks of each table (pv_report.age_years is an age, the
 * therapy dates an interval), report_id required everywhere and unique in pv_report, every drug row naming
 * a drug or an active ingredient, and every report_id of the other tables found in pv_report.
 */
export function pvPlans(tables: DatasetTable[]): TablePlan[] {
  const report = tables.find((t) => shortName(t.table) === 'pv_report');
  return tables.filter((t) => t.rows > 0).map((table) => {
    const short = shortName(table.table);
    const hasReportId = table.columns.some((c) => c.name === 'report_id');
    const required = [...(hasReportId ? ['report_id'] : []), ...(REQUIRED[short] ?? [])];
    const plan = genericTablePlan(table, { required, ...(short === 'pv_report' && hasReportId ? { key: ['report_id'] } : {}) });
    if (short === 'pv_drug') plan.rowChecks.push(drugNamedCheck(table));
    if (report && hasReportId && short !== 'pv_report') {
      plan.rowChecks.push(referenceCheck({
        id: `integrity.report.${short}`, category: 'integrity', table: table.table, column: 'report_id',
        target: report.table, targetColumn: 'report_id', description: `report_id not found in pv_report`,
      }));
    }
    return plan;
  });
}

/** FAERS keeps drug rows that give only the active ingredient; a row with neither names no drug. */
function drugNamedCheck(table: DatasetTable): RowCheck {
  const ingredient = table.columns.some((c) => c.name === 'ingredient');
  return {
    id: `completeness.${shortName(table.table)}.drug_or_ingredient`, category: 'completeness', column: 'drug', threshold: THRESHOLDS.required,
    description: ingredient ? 'neither drug nor ingredient is given' : 'no drug is given',
    fails: `${rowColumn('drug')} IS NULL${ingredient ? ` AND ${rowColumn('ingredient')} IS NULL` : ''}`,
  };
}
