import { describe, expect, it } from 'vitest';
import { EN } from './messages-en.js';
import { ZH_CN } from './messages-zh-CN.js';
import { setLocale, t } from './i18n.js';

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string))].sort();

describe('message catalogs', () => {
  it('have the same keys in English and Simplified Chinese, none empty', () => {
    expect(Object.keys(ZH_CN).sort()).toEqual(Object.keys(EN).sort());
    for (const [key, text] of Object.entries(ZH_CN)) expect(text.trim(), key).not.toBe('');
  });

  it('use the same {placeholders} in both languages', () => {
    const mismatches = Object.entries(EN)
      .filter(([key, text]) => placeholders(text).join() !== placeholders(ZH_CN[key as keyof typeof EN]).join())
      .map(([key]) => key);
    expect(mismatches).toEqual([]);
  });

  it('translate every sentence (a Chinese text identical to an English phrase of three words or more is a gap)', () => {
    const untranslated = Object.entries(EN)
      .filter(([key, text]) => text.split(/\s+/).filter((word) => /[A-Za-z]{2,}/.test(word)).length >= 3 && ZH_CN[key as keyof typeof EN] === text)
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('fill placeholders and format numbers for the language', () => {
    expect(t('app.grid.showing', { first: 1, last: 16, total: 1_000_000 })).toBe('Showing 1–16 of 1,000,000 rows');
    setLocale('zh-CN');
    try {
      expect(t('app.grid.showing', { first: 1, last: 16, total: 1_000_000 })).toBe('显示第 1–16 行，共 1,000,000 行');
    } finally {
      setLocale('en');
    }
  });
});
