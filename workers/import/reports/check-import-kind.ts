import type { ImportRequest, ReportMapping } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';

const KINDS = ['auto', 'table', 'faers', 'reports', 'omop', 'vcf'];
const DEDUP_RULES = ['fda', 'caseversion'];

/** Checks the kind-specific parts of an import request: the kind itself, a report mapping, a dedup rule, an OMOP mapping. */
export function checkImportKindOptions(req: ImportRequest): void {
  if (req.kind !== undefined && !KINDS.includes(req.kind)) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `unknown import kind ${String(req.kind)}`, hint: `use one of ${KINDS.join(', ')}` });
  }
  if (req.faers?.dedup !== undefined && !DEDUP_RULES.includes(req.faers.dedup)) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `unknown FAERS deduplication rule ${String(req.faers.dedup)}`, hint: 'use fda (latest fda_dt, then highest primaryid) or caseversion' });
  }
  if (req.kind === 'reports') checkReportMapping(req.reports);
  checkOmopOptions(req);
}

function checkOmopOptions(req: ImportRequest): void {
  const mapping = req.omop?.mapping;
  if (mapping === undefined) return;
  if (typeof mapping !== 'string' || mapping.trim() === '') {
    throw new PmwError({ code: 'BAD_REQUEST', message: 'the OMOP mapping must be the path of a JSON file', hint: 'give --mapping FILE (see docs/omop-mapping.md)' });
  }
  if (req.kind !== undefined && req.kind !== 'auto' && req.kind !== 'omop') {
    throw new PmwError({ code: 'BAD_REQUEST', message: `a mapping file goes with --kind omop, not --kind ${req.kind}`, hint: 'leave out --kind, or give --kind omop' });
  }
}

function checkReportMapping(mapping: ReportMapping | undefined): void {
  const needed = 'a report table needs the report, drug and event columns (--report-col, --drug-col, --event-col)';
  if (!mapping || typeof mapping !== 'object') throw new PmwError({ code: 'BAD_REQUEST', message: 'the reports import has no column mapping', hint: needed });
  const named: [string, unknown][] = [['report', mapping.reportColumn], ['drug', mapping.drugColumn], ['event', mapping.eventColumn]];
  for (const [role, column] of named) {
    if (typeof column !== 'string' || column.trim() === '') {
      throw new PmwError({ code: 'BAD_REQUEST', message: `the reports import names no ${role} column`, hint: needed });
    }
  }
  for (const [option, file] of [['drug file', mapping.drugFile], ['event file', mapping.eventFile]] as const) {
    if (file !== undefined && (typeof file !== 'string' || file.trim() === '')) {
      throw new PmwError({ code: 'BAD_REQUEST', message: `the ${option} must be a path`, hint: 'give the path of a CSV or Parquet file' });
    }
  }
  const strata = mapping.strataColumns ?? [];
  if (!Array.isArray(strata) || strata.some((c) => typeof c !== 'string' || c.trim() === '')) {
    throw new PmwError({ code: 'BAD_REQUEST', message: 'strata columns must be a list of column names', hint: 'e.g. --strata-col strat1' });
  }
  const all = [mapping.reportColumn, mapping.drugColumn, mapping.eventColumn, ...strata].map((c) => c.toLowerCase());
  const repeated = all.find((c, i) => all.indexOf(c) !== i);
  if (repeated) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `column ${repeated} is mapped twice`, hint: 'each of the report, drug, event and strata columns must be a different column' });
  }
}
