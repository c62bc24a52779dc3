import { describe, expect, it } from 'vitest';
import { analysisRelation, orderByClause } from './analysis-relations.js';

describe('orderByClause', () => {
  it('turns a spec orderBy into quoted keys with directions, missing values last', () => {
    expect(orderByClause('p_chisq')).toBe('"p_chisq" NULLS LAST');
    expect(orderByClause('eb05 DESC, n desc')).toBe('"eb05" DESC NULLS LAST, "n" DESC NULLS LAST');
  });

  it('ignores anything that is not a list of columns and directions', () => {
    for (const bad of ['p; drop table x', 'p_chisq desc limit 1', '1 = 1', '', 'a,', 42, null]) expect(orderByClause(bad)).toBeNull();
  });

  it('orders the relation of a screen as its spec asked', () => {
    const result = { resultTable: 'results.assoc_1' };
    expect(analysisRelation('association', result, { orderBy: 'p_chisq' }).sql).toBe('SELECT * FROM "results"."assoc_1" ORDER BY "p_chisq" NULLS LAST');
    expect(analysisRelation('association', result, {}).sql).toBe('SELECT * FROM "results"."assoc_1"');
  });
});
