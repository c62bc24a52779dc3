import { afterEach, describe, expect, it } from 'vitest';
import { locale, setLocale } from '../i18n/i18n.js';
import { LOCALE_STORAGE_KEY, preferredLocale, startLanguage } from './language.js';
import { installDom } from './test-dom.node.js';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const values = new Map(Object.entries(initial));
  return {
    get length() { return values.size; },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => { values.delete(key); },
    setItem: (key, value) => { values.set(key, value); },
  };
}

afterEach(() => setLocale('en'));

describe('UI language', () => {
  it('prefers the remembered language, then a Chinese browser, then English', () => {
    expect(preferredLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'zh-CN' }), ['en-US'])).toBe('zh-CN');
    expect(preferredLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'klingon' }), ['zh-TW', 'en'])).toBe('zh-CN');
    expect(preferredLocale(memoryStorage(), ['de-DE', 'en'])).toBe('en');
    const refusing = { getItem: () => { throw new Error('SecurityError'); } };
    expect(preferredLocale(refusing, ['zh-CN'])).toBe('zh-CN');
  });

  it('sets <html lang> and the title, and remembers a switch', () => {
    const { document } = installDom();
    const storage = memoryStorage({ [LOCALE_STORAGE_KEY]: 'zh-CN' });
    startLanguage(storage, document, ['en']);
    expect(locale()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('精准医学工作台');
    setLocale('en');
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.title).toBe('Precision Medicine Workbench');
    expect(storage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });
});
