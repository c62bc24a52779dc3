/**
 * Markdown cells as HTML for the report, with `marked`. Notebooks may come from others, so raw HTML in them is
 * shown as text, and links or images that point outside the report are reduced to their text: the report loads
 * nothing and sends the reader nowhere.
 */
import { Marked } from 'marked';
import { escapeHtml } from '../notebook/output-html.js';

const INSIDE = /^(#|\.{0,2}\/|[\w-]+\.(md|html)(#|$))/;

const markdown = new Marked({
  gfm: true,
  renderer: {
    html({ text, block }) { return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text); },
    link({ href, tokens }) {
      const text = this.parser.parseInline(tokens);
      return INSIDE.test(href) ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
    },
    image({ text }) { return escapeHtml(text); },
  },
});

export function markdownHtml(source: string): string {
  return markdown.parse(source, { async: false });
}
