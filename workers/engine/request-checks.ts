import type { ImportRequest } from './api.js';
import { PmwError } from './errors.js';
import { checkImportKindOptions } from '../import/reports/check-import-kind.js';

/** The arguments WorkspaceEngine checks before any work: they may come from a page, a window or a script. */
export function checkedString(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PmwError({ code: 'BAD_REQUEST', message: `${name} must be a non-empty string` });
  }
  return value;
}

export function checkedImportRequest(req: ImportRequest): ImportRequest {
  if (!req || typeof req !== 'object') throw new PmwError({ code: 'BAD_REQUEST', message: 'the import request must be an object' });
  checkedString('path', req.path);
  if (req.name !== undefined) checkedString('name', req.name);
  if (req.format !== undefined && !['auto', 'csv', 'parquet'].includes(req.format)) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `unknown format ${String(req.format)}`, hint: 'use auto, csv or parquet' });
  }
  if (req.csv?.encoding !== undefined && !['utf-8', 'latin-1'].includes(req.csv.encoding)) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `unknown encoding ${String(req.csv.encoding)}`, hint: 'use utf-8 or latin-1' });
  }
  checkImportKindOptions(req);
  return req;
}
