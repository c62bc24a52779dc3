/** The bar across the top: app title, workspace name, `tools` (the privacy policy), language switch and the about box. */
import { LOCALES, locale, onLocaleChange, setLocale, t, type Locale } from '../i18n/i18n.js';
import { createAboutDialog, type AboutInfo } from './about-dialog.js';
import { el } from './dom.js';
import { baseName } from './base-name.js';

/** Each language names itself, whatever the current language is. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '中文' };

export function createTopBar(info: AboutInfo, tools: Node[] = []): HTMLElement {
  const about = createAboutDialog(info);
  const switcher = el('select', {
    testid: 'lang-switch',
    localizedAttrs: { 'aria-label': () => t('app.language'), title: () => t('app.language') },
    on: { change: () => setLocale(switcher.value as Locale) },
  }, LOCALES.map((code) => el('option', { attrs: { value: code, lang: code }, text: LANGUAGE_NAMES[code] })));
  switcher.value = locale();
  onLocaleChange((next) => { switcher.value = next; });
  return el('header', { className: 'top-bar', attrs: { role: 'banner' } }, [
    el('h1', { className: 'app-title', testid: 'app-title', label: () => t('app.title') }),
    el('span', {
      className: 'workspace-name',
      testid: 'workspace-name',
      text: baseName(info.workspace),
      localizedAttrs: { title: () => t('app.workspaceTitle', { path: info.workspace }) },
    }),
    el('span', { className: 'spacer' }),
    ...tools,
    switcher,
    el('button', { className: 'link-button', testid: 'about-button', attrs: { type: 'button' }, label: () => t('app.about.open'), on: { click: () => about.showModal() } }),
    about,
  ]);
}
