import { APP_EN } from './app-en.js';

/** English messages: the reference catalog; every key here must exist in messages-zh-CN.ts. */
export const EN = {
  ...APP_EN,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof EN;
