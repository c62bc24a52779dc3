import { describe, expect, it } from 'vitest';
import { csvField, renderCsv } from './csv.js';
import { tabularFromNamedRows } from './tabular.js';

describe('csvField', () => {
  it('leaves plain text and numbers bare', () => {
    expect(csvField('PREVAGEN')).toBe('PREVAGEN');
    expect(csvField(3356)).toBe('3356');
    expect(csvField(9007199254740993n)).toBe('9007199254740993');
    expect(csvField(true)).toBe('true');
  });

  it('quotes commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvField('FISH OIL, OMEGA-3')).toBe('"FISH OIL, OMEGA-3"');
    expect(csvField('the "best" pill')).toBe('"the ""best"" pill"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
  });

  it('keeps NULL (empty field) apart from the empty string (quoted empty field)', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
  });

  it('writes lists and structs as their JSON, quoted', () => {
    expect(csvField([1, 2])).toBe('"[1,2]"');
    expect(csvField({ k: 'v' })).toBe('"{""k"":""v""}"');
  });
});

describe('renderCsv', () => {
  it('writes a header line and one line per row', () => {
    const data = tabularFromNamedRows(['id#', 'product', 'note'], [[1, 'A, B', null], [2, 'C', '']]);
    expect(renderCsv(data)).toBe('id,product,note\n1,"A, B",\n2,C,""\n');
  });

  it('quotes header names that need it', () => {
    expect(renderCsv(tabularFromNamedRows(['a,b'], []))).toBe('"a,b"\n');
  });
});
