import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderMarkdown } from './markdown.js';

/** The rendered HTML parsed as a browser would, to look for live elements and attributes. */
function parsed(markdown: string): Document {
  return parseHTML(`<!doctype html><html><body>${renderMarkdown(markdown)}</body></html>`).document;
}

describe('Markdown cells', () => {
  it('renders ordinary Markdown', () => {
    const doc = parsed('# Who takes celecoxib?\n\nSome *emphasis* and a [link](https://ohdsi.org).');
    expect(doc.querySelector('h1')?.textContent).toBe('Who takes celecoxib?');
    expect(doc.querySelector('em')?.textContent).toBe('emphasis');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://ohdsi.org');
  });

  it.each([
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    'text <b onclick="alert(1)">bold</b>',
    '<div>\n<script>\nalert(1)\n</script>\n</div>',
    '<iframe src="https://evil.example"></iframe>',
    '<svg><script>alert(1)</script></svg>',
  ])('shows raw HTML as text, never as elements: %s', (hostile) => {
    const doc = parsed(hostile);
    for (const tag of ['img', 'script', 'b', 'div', 'iframe', 'svg']) expect(doc.body.querySelector(tag)).toBeNull();
    expect(doc.body.querySelectorAll('[onerror],[onclick]').length).toBe(0);
    // The author's text is still there to read.
    expect(doc.body.textContent).toContain(hostile.split('\n')[0]!.slice(0, 8));
  });

  it('drops javascript: and data: link and image targets', () => {
    const doc = parsed('[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) ![c](data:text/html;base64,PHNjcmlwdD4=) [d](notes.md)');
    const targets = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(targets).toEqual(['#', '#', 'notes.md']);
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('#');
  });

  it('judges URLs with hidden whitespace and case as a browser would', () => {
    expect(isSafeUrl(' java\tscript:alert(1)')).toBe(false);
    expect(isSafeUrl('vbscript:x')).toBe(false);
    expect(isSafeUrl('mailto:a@b.org')).toBe(true);
    expect(isSafeUrl('#results')).toBe(true);
    expect(isSafeUrl('../docs/notebooks.md')).toBe(true);
  });
});
