/**
 * Markdown cells rendered to HTML that is safe to insert: notebooks come from other people, so raw HTML in the
 * Markdown is shown as text (never parsed), and links or images may only point at http(s), mailto, fragments
 * or relative paths — `javascript:` and `data:` URLs are dropped. DOM-free, so it is tested under Node.
 */
import { Marked, type Token } from 'marked';

const SAFE_URL = /^(https?:|mailto:|#|\/|\.{0,2}\/|[^:]*$)/i;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Whether a link target may stay: no scheme, or one of the safe ones (spaces and controls ignored, as browsers do). */
export function isSafeUrl(href: string): boolean {
  const compact = href.replace(/[\u0000-\u0020]/g, '');
  return SAFE_URL.test(compact);
}

function neutraliseUrls(token: Token): void {
  if ((token.type === 'link' || token.type === 'image') && !isSafeUrl(token.href)) token.href = '#';
}

const markdown = new Marked({
  gfm: true,
  async: false,
  walkTokens: neutraliseUrls,
  renderer: {
    // Raw HTML, block or inline, becomes visible text: no element of the notebook's author reaches the page.
    html({ text }) { return escapeHtml(text); },
  },
});

export function renderMarkdown(text: string): string {
  return markdown.parse(text, { async: false });
}
