/**
 * What later cells see of a `quality` or `privacy` cell: the report as rows, so SQL can filter and join it.
 * - quality: one row per check (`check_id, category, table_name, column_name, description, failing, denominator,
 *   share, threshold, status, sql`);
 * - privacy: one row per finding of a scanned column (`table_name, column_name, type, verdict, kind, evidence,
 *   rows, share, examples`), the masked examples joined with `; `.
 */
import type { QualityReport, ResultPage } from '../../workers/engine/api.js';
import { memoryPage, numberColumn, stringColumn } from './page-values.js';
import type { PrivacyCellResult } from './privacy-cell.js';

export function qualityChecksPage(report: QualityReport): ResultPage {
  const checks = report.checks;
  return memoryPage([
    stringColumn('check_id', checks.map((c) => c.id)), stringColumn('category', checks.map((c) => c.category)),
    stringColumn('table_name', checks.map((c) => c.table)), stringColumn('column_name', checks.map((c) => c.column ?? null)),
    stringColumn('description', checks.map((c) => c.description)),
    numberColumn('failing', checks.map((c) => c.failing), 'BIGINT'), numberColumn('denominator', checks.map((c) => c.denominator), 'BIGINT'),
    numberColumn('share', checks.map((c) => c.share)), numberColumn('threshold', checks.map((c) => c.threshold)),
    stringColumn('status', checks.map((c) => c.status)), stringColumn('sql', checks.map((c) => c.sql)),
  ]);
}

export function privacyFindingsPage(result: PrivacyCellResult): ResultPage {
  const rows = result.scan.columns.flatMap((column) => column.findings.map((finding) => ({ column, finding })));
  return memoryPage([
    stringColumn('table_name', rows.map((r) => r.column.table)), stringColumn('column_name', rows.map((r) => r.column.column)),
    stringColumn('type', rows.map((r) => r.column.type)), stringColumn('verdict', rows.map((r) => r.column.verdict)),
    stringColumn('kind', rows.map((r) => r.finding.kind)), stringColumn('evidence', rows.map((r) => r.finding.evidence)),
    numberColumn('rows', rows.map((r) => r.finding.rows), 'BIGINT'), numberColumn('share', rows.map((r) => r.finding.share)),
    stringColumn('examples', rows.map((r) => r.finding.examples.join('; '))),
  ]);
}
