import { describe, expect, it } from 'vitest';
import type { ResultPage } from '../../workers/engine/api.js';
import { K_ANONYMITY, QUALITY, SCAN } from '../privacy/report-fixtures.node.js';
import { analysisRelation } from './analysis-relations.js';
import { pageValue } from './page-values.js';
import { valuesRelationSql } from './values-relation.js';

const rows = (page: ResultPage) => Array.from({ length: page.rowCount }, (_, row) => page.columns.map((c) => pageValue(c, row)));

describe('quality and privacy results as rows for later cells', () => {
  it('a quality report is one row per check, in the report’s order', () => {
    const page = analysisRelation('quality', QUALITY).page!;
    expect(page.columns.map((c) => c.name)).toEqual(['check_id', 'category', 'table_name', 'column_name', 'description', 'failing', 'denominator', 'share', 'threshold', 'status', 'sql']);
    expect(rows(page)[1]).toEqual(['plausibility.clinic.visit_date.future', 'plausibility', 'clinic', 'visit_date', 'visit date in the future', 12, 1000, 0.012, 0.01, 'fail', QUALITY.checks[1]!.sql]);
    expect(rows(page)[2]![3]).toBeNull();
    // Later SQL cells get it as a typed VALUES list; the SQL text with its quotes is a literal, never pasted as SQL.
    const sql = valuesRelationSql(page);
    expect(sql).toContain(`CAST(c5 AS BIGINT) AS "failing"`);
    expect(sql).toContain(`'SELECT * FROM "clinic" WHERE "visit_date" > current_date'`);
  });

  it('a privacy scan is one row per finding of each column, examples joined', () => {
    const page = analysisRelation('privacy', { scan: SCAN, kAnonymity: K_ANONYMITY }).page!;
    expect(rows(page)).toEqual([
      ['clinic', 'patient_id', 'VARCHAR', 'pseudonymous', 'pseudonymous_key', 'content', 1000, 1, '3f2a****************************9c1d'],
      ['clinic', 'dob', 'DATE', 'quasi_identifier', 'birth_date', 'name', 990, 1, ''],
      ['clinic', 'mobile', 'VARCHAR', 'identifier', 'phone', 'name', 1000, 1, ''],
      ['clinic', 'mobile', 'VARCHAR', 'identifier', 'phone', 'content', 981, 0.981, '138****5678; +86 139****0001'],
    ]);
  });
});
