import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, installDom } from '../app/test-dom.node.js';
import { setLocale } from '../i18n/i18n.js';
import { createQualityView } from './quality-view.js';
import { QUALITY } from './report-fixtures.node.js';

beforeAll(() => { installDom(); });
afterEach(() => setLocale('en'));

const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((cell) => cell.textContent);

describe('quality report view', () => {
  it('shows the summary and one row per check, failed ones first, with failing / rows, share, threshold and PASS/FAIL', () => {
    const view = createQualityView(QUALITY);
    expect(view.dataset).toMatchObject({ passed: '2', failed: '1' });
    expect(byTestId(view, 'quality-summary')[0]?.textContent).toMatch(/^clinic \(table\): 3 checks, 2 passed, 1 failed — run May 6, 2024/);
    const rows = byTestId(view, 'quality-check');
    expect(rows.map((row) => [row.dataset.check, row.dataset.status])).toEqual([
      ['plausibility.clinic.visit_date.future', 'fail'], ['completeness.clinic.patient_id', 'pass'], ['uniqueness.clinic.rows', 'pass'],
    ]);
    // 12 of 1,000 rows = 1.2 %, above the 1 % threshold.
    expect(cells(rows[0]!).slice(0, 7)).toEqual(['Plausibility', 'visit date in the future', 'clinic.visit_date', '12 / 1,000', '1.2%', '1%', 'FAIL']);
    // A check of the whole table names no column; text is shown as text, never as markup.
    expect(cells(rows[2]!).slice(0, 3)).toEqual(['Uniqueness', 'duplicate rows <none>', 'clinic']);
    expect(byTestId(rows[0]!, 'quality-sql')[0]?.querySelector('code')?.textContent).toBe(QUALITY.checks[1]!.sql);
    expect(byTestId(view, 'quality-insert-sql')).toHaveLength(0);
    // The passed checks are folded away while some failed; open when all passed.
    const passed = byTestId(view, 'quality-passed')[0]!;
    expect(byTestId(passed, 'quality-check').map((row) => row.dataset.status)).toEqual(['pass', 'pass']);
    expect(passed.hasAttribute('open')).toBe(false);
    expect(passed.querySelector('summary')?.textContent).toBe('Checks passed (2)');
    const allPassed = createQualityView({ ...QUALITY, checks: QUALITY.checks.filter((c) => c.status === 'pass'), passed: 2, failed: 0 });
    expect(byTestId(allPassed, 'quality-passed')[0]?.hasAttribute('open')).toBe(true);
  });

  it('hands a check’s SQL to whoever inserts cells, and follows the language', () => {
    const inserted: string[] = [];
    const view = createQualityView(QUALITY, { onInsertSql: (sql) => inserted.push(sql) });
    byTestId(view, 'quality-insert-sql')[0]!.dispatchEvent(new Event('click'));
    expect(inserted).toEqual([QUALITY.checks[1]!.sql]);
    setLocale('zh-CN');
    const first = byTestId(view, 'quality-check')[0]!;
    expect(cells(first)[0]).toBe('合理性');
    expect(cells(first)[6]).toBe('未通过');
    expect(byTestId(view, 'quality-summary')[0]?.textContent).toMatch(/^clinic（table）：3 项检查，2 项通过，1 项未通过/);
    // Drawn again: the button still works.
    byTestId(view, 'quality-insert-sql')[1]!.dispatchEvent(new Event('click'));
    expect(inserted).toEqual([QUALITY.checks[1]!.sql, QUALITY.checks[0]!.sql]);
  });
});
