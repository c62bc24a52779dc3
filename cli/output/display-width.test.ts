import { describe, expect, it } from 'vitest';
import { displayWidth, padToWidth, truncateToWidth } from './display-width.js';

describe('displayWidth', () => {
  it('counts ASCII one column a character', () => {
    expect(displayWidth('PREVAGEN')).toBe(8);
  });

  it('counts CJK, Hangul, fullwidth forms and emoji two columns', () => {
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('한국')).toBe(4);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('💊')).toBe(2);
    expect(displayWidth('❤️')).toBe(2);
  });

  it('counts combining marks and zero-width joiners as nothing', () => {
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('a\u200bb')).toBe(2);
    expect(displayWidth('👩‍⚕️')).toBe(2);
  });
});

describe('truncateToWidth and padToWidth', () => {
  it('never splits a wide character across the limit', () => {
    expect(truncateToWidth('中文字符', 6)).toBe('中文…');
    expect(displayWidth(truncateToWidth('中文字符', 6))).toBeLessThanOrEqual(6);
    expect(truncateToWidth('short', 10)).toBe('short');
  });

  it('pads by columns on either side', () => {
    expect(padToWidth('中', 4, 'left')).toBe('中  ');
    expect(padToWidth('7', 3, 'right')).toBe('  7');
  });
});
