import type { FaersTable } from './faers-file-names.js';

/** A column of a staging table, filled from the first of `sources` the file's header has. */
export interface StagedColumn {
  name: string;
  type: 'BIGINT' | 'VARCHAR';
  /** Header names that hold it, lower-case; older quarters use other names (`gndr_cod` before 2014Q3). */
  sources: string[];
  /** A file without any of `sources` is refused. */
  required: boolean;
}

const key = (name: string): StagedColumn => ({ name, type: 'BIGINT', sources: [name], required: true });
const text = (name: string, required = false, sources: string[] = [name]): StagedColumn => ({ name, type: 'VARCHAR', sources, required });

/**
 * What the import keeps of each FAERS file (everything else in the file is not read into the workspace).
 * `primaryid` (and `caseid` in DEMO) are read as BIGINT, so a line whose key is not a number is set aside
 * with its line number; everything else is text until the canonical tables convert it.
 */
export const STAGED_COLUMNS: Record<FaersTable, StagedColumn[]> = {
  DEMO: [
    key('primaryid'), key('caseid'), text('caseversion', true), text('event_dt'), text('init_fda_dt'),
    text('fda_dt', true), text('rept_cod'), text('age'), text('age_cod'), text('sex', false, ['sex', 'gndr_cod']),
    text('occp_cod'), text('reporter_country'), text('occr_country'),
  ],
  DRUG: [key('primaryid'), text('drug_seq', true), text('role_cod', true), text('drugname', true), text('prod_ai')],
  REAC: [key('primaryid'), text('pt', true)],
  OUTC: [key('primaryid'), text('outc_cod', true, ['outc_cod', 'outc_code'])],
  RPSR: [key('primaryid'), text('rpsr_cod', true)],
  THER: [key('primaryid'), text('dsg_drug_seq', true), text('start_dt'), text('end_dt')],
  INDI: [key('primaryid'), text('indi_drug_seq', true), text('indi_pt', true)],
};

/** Staging table names, one per FAERS table; temporary, on the import's own connection. */
export function stagingTable(table: FaersTable | 'DELETED'): string {
  return `faers_stage_${table.toLowerCase()}`;
}
