import { describe, expect, it } from 'vitest';
import { countFields, sniffDelimiter } from './sniff-delimiter.js';

describe('sniffDelimiter', () => {
  it('finds comma, tab, semicolon, pipe and FAERS dollar separators', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n', 'x.csv')).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n', 'x.txt')).toBe('\t');
    expect(sniffDelimiter('a;b\n1,5;2\n', 'x.csv')).toBe(';');
    expect(sniffDelimiter('a|b|c\n1|2|3\n', 'x.psv')).toBe('|');
    expect(sniffDelimiter('primaryid$caseid$drug_seq\r\n1$2$3\r\n', 'DRUG24Q1.txt')).toBe('$');
  });

  it('keeps the header delimiter when some rows are ragged, so the bad row can be reported', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n', 'r.csv')).toBe(',');
  });

  it('ignores delimiters inside quotes', () => {
    expect(countFields('1,"a, b",c', ',')).toBe(3);
    expect(sniffDelimiter('name;note\n"x";"a, b, c"\n"y";"d"\n', 'q.csv')).toBe(';');
  });

  it('prefers tab for .tsv when a tab and another candidate tie', () => {
    expect(sniffDelimiter('a\tb,c\n1\t2,3\n', 'x.tsv')).toBe('\t');
  });

  it('falls back to comma for a single column', () => {
    expect(sniffDelimiter('name\nalice\n', 'x.csv')).toBe(',');
    expect(sniffDelimiter('', 'x.csv')).toBe(',');
  });
});
