/** 简体中文 (Simplified Chinese) messages: the same keys as messages-en.ts. */
import { APP_ZH_CN } from './app-zh-CN.js';
import { MENU_ZH_CN } from './menu-zh-CN.js';
import { NOTEBOOK_ZH_CN } from './notebook-zh-CN.js';
import type { MessageKey } from './messages-en.js';
import { PLOT_ZH_CN } from './plot-zh-CN.js';
import { PRIVACY_ZH_CN } from './privacy-zh-CN.js';
import { VIEW_ZH_CN } from './view-zh-CN.js';

export const ZH_CN: Record<MessageKey, string> = {
  ...APP_ZH_CN,
  ...PLOT_ZH_CN,
  ...VIEW_ZH_CN,
  ...NOTEBOOK_ZH_CN,
  ...MENU_ZH_CN,
  ...PRIVACY_ZH_CN,
};
