/**
 * The UI language: the one remembered in localStorage, else the browser's (Chinese → zh-CN, anything else →
 * English). Keeps `<html lang>` in step so the browser picks fonts and hyphenation for the language.
 */
import { LOCALES, locale, onLocaleChange, setLocale, t, type Locale } from '../i18n/i18n.js';

export const LOCALE_STORAGE_KEY = 'pmw.locale';

function isLocale(value: string | null): value is Locale {
  return value !== null && (LOCALES as readonly string[]).includes(value);
}

export function preferredLocale(storage: Pick<Storage, 'getItem'> | null, languages: readonly string[]): Locale {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    // Storage can be refused (private windows, file: pages); the browser's language decides then.
  }
  if (isLocale(stored)) return stored;
  return languages.some((language) => language.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** Applies the preferred language now (page language and title too) and remembers every later switch. */
export function startLanguage(storage: Storage | null, page: Document, languages: readonly string[]): void {
  setLocale(preferredLocale(storage, languages));
  page.documentElement.lang = locale();
  page.title = t('app.title');
  onLocaleChange((next) => {
    page.documentElement.lang = next;
    page.title = t('app.title');
    try {
      storage?.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Not remembered across reloads, nothing else lost.
    }
  });
}
