import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReportMapping } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';
import { reportIdType, REPORTS_SOURCE, type MappedColumns } from './report-tables-sql.js';

/**
 * Finds the mapped columns in the source table (exact name first, then ignoring case) and refuses a
 * mapping that names a column the file does not have, listing the ones it does.
 */
export async function mapReportColumns(connection: DuckDBConnection, mapping: ReportMapping, fileName: string, file: string): Promise<MappedColumns> {
  const reader = await connection.runAndReadAll(`DESCRIBE ${REPORTS_SOURCE}`);
  const columns = reader.getRowsJS().map((r) => ({ name: String(r[0]), type: String(r[1]) }));
  const find = (wanted: string, role: string) => {
    const column = columns.find((c) => c.name === wanted) ?? columns.find((c) => c.name.toLowerCase() === wanted.toLowerCase());
    if (column) return column;
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `${fileName} has no column ${wanted} (named as the ${role} column)`,
      hint: `its columns are: ${columns.map((c) => c.name).join(', ')}`,
      file,
    });
  };
  const report = find(mapping.reportColumn, 'report');
  const strata = (mapping.strataColumns ?? []).map((c) => find(c, 'strata').name);
  const clash = strata.find((c) => ['report_id'].includes(c.toLowerCase()));
  if (clash) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `a strata column cannot be named ${clash}: pv_report uses that name for the report id`, hint: 'rename the column in the file, or leave it out of the strata', file });
  }
  return {
    report: report.name,
    reportType: reportIdType(report.type),
    drug: find(mapping.drugColumn, 'drug').name,
    event: find(mapping.eventColumn, 'event').name,
    strata,
  };
}
