/** 简体中文 (Simplified Chinese) messages: the same keys as messages-en.ts. */
import type { MessageKey } from './messages-en.js';

export const ZH_CN: Record<MessageKey, string> = {
  'app.title': '精准医学工作台',
  'app.language': '语言',
};
