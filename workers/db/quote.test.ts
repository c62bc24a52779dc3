import { describe, expect, it } from 'vitest';
import { quoteIdentifier, quoteLiteral, toIdentifier } from './quote.js';

describe('quoting', () => {
  it('doubles quotes inside identifiers and literals', () => {
    expect(quoteIdentifier('my "odd" table')).toBe('"my ""odd"" table"');
    expect(quoteLiteral("O'Brien")).toBe("'O''Brien'");
    expect(() => quoteLiteral('a\0b')).toThrow(/NUL/);
  });

  it('folds file names to plain identifiers', () => {
    expect(toIdentifier('DRUG 24Q1')).toBe('drug_24q1');
    expect(toIdentifier('2024-cohort (final)')).toBe('t_2024_cohort_final');
    expect(toIdentifier('__x__')).toBe('x');
    expect(toIdentifier('患者表')).toBe('患者表');
    expect(toIdentifier('!!!')).toBe('dataset');
  });
});
