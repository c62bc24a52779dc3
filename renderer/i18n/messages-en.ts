import { APP_EN } from './app-en.js';
import { MENU_EN } from './menu-en.js';
import { NOTEBOOK_EN } from './notebook-en.js';
import { PLOT_EN } from './plot-en.js';
import { PRIVACY_EN } from './privacy-en.js';
import { VIEW_EN } from './view-en.js';

/** English messages: the reference catalog; every key here must exist in messages-zh-CN.ts. */
export const EN = {
  ...APP_EN,
  ...PLOT_EN,
  ...VIEW_EN,
  ...NOTEBOOK_EN,
  ...MENU_EN,
  ...PRIVACY_EN,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof EN;
