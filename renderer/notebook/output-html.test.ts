import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.js';
import { errorHtml, stateHtml, tablePageHtml } from './output-html.js';
import { memoryPage, numberColumn, stringColumn } from './page-values.js';

describe('output HTML', () => {
  afterEach(() => setLocale('en'));

  it('shows the first rows of a page, escaped, and how many more the result holds', () => {
    const labels = Array.from({ length: 25 }, (_, i) => (i === 0 ? '<b>bold</b> & "q"' : `row ${i}`));
    const page = memoryPage([stringColumn('label', labels), numberColumn('x', labels.map((_, i) => i + 0.123456))]);
    const html = tablePageHtml(page, 1000, 20);
    expect(html.match(/<tr>/g)!.length).toBe(21);
    expect(html).toContain('<td>&lt;b&gt;bold&lt;/b&gt; &amp; &quot;q&quot;</td>');
    expect(html).toContain('<td class="num">1.123</td>');
    expect(html).toContain('980 more rows');
    expect(tablePageHtml(memoryPage([numberColumn('x', [])]), 0)).toContain('No rows');
  });

  it('shows an error with its position and hint, in the chosen language', () => {
    setLocale('zh-CN');
    expect(errorHtml({ code: 'QUERY_ERROR', message: 'bad <x>', hint: 'fix it', line: 2, column: 3 }))
      .toBe('<div class="error" role="alert"><strong>此单元格运行失败 (第 2 行，第 3 列)</strong><p>bad &lt;x&gt;</p><p class="hint">fix it</p></div>');
    expect(stateHtml({ status: 'cancelled' })).toContain('已取消');
  });
});
