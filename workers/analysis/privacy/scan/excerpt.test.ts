import { describe, expect, it } from 'vitest';
import { findIdentifiers, maskedExcerpt } from './excerpt.js';

describe('findIdentifiers', () => {
  it('finds each kind with its span, in order', () => {
    const text = 'DOB 1980-01-02, ID 11010519491231002X, tel +86 138-1234-5678, mail wei.li@example.com, SSN 123-45-6789';
    const spans = findIdentifiers(text).map((s) => [s.kind, text.slice(s.start, s.end)]);
    expect(spans).toEqual([
      ['birth_date', '1980-01-02'], ['national_id', '11010519491231002X'], ['phone', '+86 138-1234-5678'],
      ['email', 'wei.li@example.com'], ['ssn', '123-45-6789'],
    ]);
  });

  it('finds identifiers that touch, separated by one character', () => {
    const text = '13812345678,13987654321';
    expect(findIdentifiers(text).map((s) => text.slice(s.start, s.end))).toEqual(['13812345678', '13987654321']);
  });

  it('skips look-alikes: a wrong check character, never-issued SSNs, digits glued to letters or longer runs', () => {
    expect(findIdentifiers('ID 110105194912310021, SSN 000-12-3456 and 666-12-3456, order SO13812345678, code 138123456789')).toEqual([]);
  });

  it('finds Chinese text identifiers without spaces around them', () => {
    const text = '患者身份证号11010519491231002X，手机13812345678。';
    expect(findIdentifiers(text).map((s) => s.kind)).toEqual(['national_id', 'phone']);
  });
});

describe('maskedExcerpt', () => {
  it('shows a short masked excerpt around the first identifier of the kind asked for', () => {
    const text = 'Follow-up visit. Patient asked to call 13812345678 if the pain returns after the new dose.';
    expect(maskedExcerpt(text, 'phone')).toBe('…ked to call 13*******78 if the pain…');
  });

  it('masks every identifier in the excerpt, not only the one asked for', () => {
    const text = 'call 13812345678 or wei.li@example.com';
    const excerpt = maskedExcerpt(text, 'phone')!;
    expect(excerpt).toBe('call 13*******78 or w***@e**…');
    expect(excerpt).not.toContain('wei.li');
  });

  it('collapses white space and marks only the cut ends', () => {
    expect(maskedExcerpt('SSN\n\n123-45-6789', 'ssn')).toBe('SSN 12*******89');
  });

  it('returns null when the kind is not in the text', () => {
    expect(maskedExcerpt('no identifiers here', 'email')).toBeNull();
  });
});
