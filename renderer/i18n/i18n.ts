/**
 * Translations and locale-aware formatting for the renderer and the HTML report. English and Simplified
 * Chinese; every user-visible string goes through `t`. Catalogs: messages-en.ts, messages-zh-CN.ts (same keys;
 * a test checks that). Pure module (no DOM), so `pmw run` uses it too.
 */
import { EN, type MessageKey } from './messages-en.js';
import { ZH_CN } from './messages-zh-CN.js';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en: EN, 'zh-CN': ZH_CN };

let current: Locale = 'en';
const listeners = new Set<(locale: Locale) => void>();

export function locale(): Locale { return current; }

export function setLocale(next: Locale): void {
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener(next);
}

/** Called after every switch; returns the unsubscribe function. */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message in the current locale, `{name}` placeholders filled (numbers formatted for the locale). */
export function t(key: MessageKey, params: Record<string, string | number> = {}, forLocale: Locale = current): string {
  const template = CATALOGS[forLocale][key] ?? EN[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, {}, forLocale) : value;
  });
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}, forLocale: Locale = current): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '—' : value > 0 ? '∞' : '−∞';
  return new Intl.NumberFormat(forLocale, { maximumFractionDigits: 6, ...options, ...tinyNumberOptions(value) }).format(value);
}

/**
 * A p-value of 1.5e-10 must not read 0: numbers below 0.001 (not zero) are written in scientific notation with
 * four significant digits, whatever the fraction digits asked for.
 */
export function isTinyNumber(value: number): boolean {
  return value !== 0 && Math.abs(value) < 1e-3;
}

function tinyNumberOptions(value: number): Intl.NumberFormatOptions {
  return isTinyNumber(value) ? { notation: 'scientific', maximumSignificantDigits: 4, minimumFractionDigits: undefined, maximumFractionDigits: undefined } : {};
}

export function formatDate(value: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }, forLocale: Locale = current): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(forLocale, { timeZone: 'UTC', ...options }).format(date);
}

export type { MessageKey };
