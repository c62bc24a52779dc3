/** English messages: the reference catalog; every key here must exist in messages-zh-CN.ts. */
export const EN = {
  'app.title': 'Precision Medicine Workbench',
  'app.language': 'Language',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof EN;
