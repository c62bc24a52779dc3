import { afterEach, describe, expect, it } from 'vitest';
import type { CharacterizeResult, IncidenceResult, Suppression } from '../../workers/engine/api.js';
import { setLocale } from '../i18n/i18n.js';
import { analysisPolicy, countText, csvPolicyLine, hiddenCellText, hiddenCountText, policyNote, type OutputPolicy } from './small-cells.js';

const suppressed = (s: Partial<Suppression>): OutputPolicy => ({ kind: 'suppressed', suppression: { minCellCount: 5, columns: ['n', 'n_drug'], primary: 3, complementary: 0, ...s } });
const format = (n: number) => String(n);

afterEach(() => setLocale('en'));

describe('hidden counts', () => {
  it('read <N when every hidden cell is a small count, — when some protect others', () => {
    expect(hiddenCountText({ minCellCount: 5, columns: [], primary: 2, complementary: 0 })).toBe('<5');
    expect(hiddenCountText({ minCellCount: 11, columns: [], primary: 2, complementary: 1 })).toBe('—');
  });

  it('only in the columns the policy names, and only when something was hidden', () => {
    const text = hiddenCellText(suppressed({}));
    expect([text('n'), text('n_drug'), text('prr')]).toEqual(['<5', '<5', null]);
    // Nothing hidden (or a minimum of 0): a null is a plain missing value everywhere.
    expect(hiddenCellText(suppressed({ primary: 0 }))('n')).toBeNull();
    expect(hiddenCellText(suppressed({ minCellCount: 0 }))('n')).toBeNull();
    expect(hiddenCellText({ kind: 'query' })('n')).toBeNull();
  });

  it('format shown counts and mark missing ones by what the output hid', () => {
    const s = { minCellCount: 5, columns: [], primary: 1, complementary: 0 };
    expect(countText(12, s, format)).toBe('12');
    expect(countText(null, s, format)).toBe('<5');
    expect(countText(null, { ...s, complementary: 1 }, format)).toBe('—');
    expect(countText(null, undefined, format)).toBe('—');
  });
});

describe('what the policy did, said under an output and on a CSV export’s first line', () => {
  it('names the range hidden, the columns and the complementary cells', () => {
    expect(policyNote(suppressed({}))).toBe('Counts from 1 to 4 are shown as <5 (3 cells).');
    expect(policyNote(suppressed({ primary: 2, complementary: 1 }))).toBe('2 counts from 1 to 4, and 1 counts that would reveal them, are hidden (shown as —).');
    expect(policyNote(suppressed({ primary: 0 }))).toBe('Minimum cell count 5: no count here was below it.');
    expect(policyNote({ kind: 'query' })).toBeNull();
    expect(csvPolicyLine(suppressed({ primary: 2, complementary: 1 })))
      .toBe('# small-cell policy: counts from 1 to 4 hidden as empty fields in n, n_drug (minimum cell count 5); 1 more cells hidden so that totals cannot reveal them');
    expect(csvPolicyLine(suppressed({ minCellCount: 0, primary: 0 }))).toBe('# small-cell policy: minimum cell count 0, every count shown');
    expect(csvPolicyLine(undefined)).toBe('# small-cell policy: none applied (rows of a SQL query, as it returned them)');
    expect(csvPolicyLine({ kind: 'records' })).toBe('# small-cell policy: not applicable (these rows list records, not counts of persons)');
  });

  it('in the language of the UI', () => {
    setLocale('zh-CN');
    expect(csvPolicyLine(suppressed({ minCellCount: 10 }))).toBe('# 小计数保护：n, n_drug 列中 1 到 9 的计数以空字段隐藏（最小计数 10）');
    expect(csvPolicyLine({ kind: 'query' })).toBe('# 小计数保护：未应用（SQL 查询的结果，按查询返回原样输出）');
  });
});

describe('the policy of an analysis result', () => {
  it('takes Table 1’s own displays: <N cells are small counts, other hidden cells protect them', () => {
    const cell = (count: number | null, display: string) => ({ count, fraction: count === null ? null : count / 100, display });
    const result = {
      minCellCount: 5, targetPersons: 100, comparatorPersons: 90, warnings: [], elapsedMs: 0,
      rows: [
        { section: 'sex', label: 'female', target: cell(null, '<5'), comparator: cell(null, '—') },
        { section: 'sex', label: 'male', target: cell(null, '—'), comparator: cell(88, '88 (97.8%)') },
        { section: 'conditions', label: 'x', target: cell(null, '<5'), comparator: cell(7, '7 (7.8%)') },
        // A mean shown while its count protects another: hidden, not small.
        { section: 'age', label: 'age', target: { ...cell(null, '54.2 (11.0)'), mean: 54.2, sd: 11 }, comparator: { ...cell(88, '60.1 (9.0)'), mean: 60.1, sd: 9 } },
      ],
    } as unknown as CharacterizeResult;
    expect(analysisPolicy('characterize', result)).toEqual({
      kind: 'suppressed', suppression: { minCellCount: 5, columns: ['target_count', 'comparator_count'], primary: 2, complementary: 3 },
    });
  });

  it('says incidence hid its outcomes when they are null, and lists records as not counts', () => {
    const incidence = { minCellCount: 5, outcomes: null } as unknown as IncidenceResult;
    expect(analysisPolicy('incidence', incidence)).toEqual({ kind: 'suppressed', suppression: { minCellCount: 5, columns: ['outcomes'], primary: 1, complementary: 0 } });
    expect(analysisPolicy('cohort', {})).toEqual({ kind: 'records' });
    expect(analysisPolicy('signals', {})).toEqual({ kind: 'unstated' });
  });
});
