import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotebook, serializeNotebook } from './format.js';
import { ANALYSIS_KINDS } from './notebook.js';

const NOTEBOOKS = new URL('../../notebooks/', import.meta.url).pathname;
const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

const roundTrip = (text: string) => serializeNotebook(parseNotebook(text));

/** Texts that must come back byte for byte: each exercises one thing the writer could lose. */
const EDGE_CASES: Record<string, string> = {
  'empty file': '',
  'prose only, no trailing newline': '# Title\n\nSome text',
  'front matter only': '---\ntitle: x\n---\n',
  'front matter closed by ...': '---\ntitle: x\n...\n# after\n',
  'CRLF everywhere': '---\r\ntitle: CRLF\r\n---\r\n# Hi\r\n```sql name=a\r\nselect 1\r\n```\r\n',
  'mixed endings and bare CR': 'a\r\n```sql\rselect 1\n```\r\ntail',
  'tilde and long fences': '~~~sql name=t\nselect 1\n~~~\n\n````plot data=t\n{"mark":"dot"}\n``````\n',
  'no trailing newline after a cell': '```sql\nselect 1\n```',
  'empty body and one blank line body': '```sql\n```\n```sql\n\n```\n',
  'unknown languages stay prose': 'text\n```python\nx = 1\n```\n```js name=x\n```\n',
  'a cell fence inside a longer prose fence': '````markdown\n```sql name=inner\nselect 1\n```\n````\n',
  'indented fences and info with spaces': '   ```sql   name=a   extra="two words"  \n  select 1\n   ```   \n',
  'blank lines kept': '\n\n```sql\nselect 1\n\n\n```\n\n\n',
  'backtick fence whose info has a backtick is prose': '```sql `x`\nnot a cell\n',
};

describe('notebook format', () => {
  it.each(Object.entries(EDGE_CASES))('round-trips %s', (_label, text) => {
    expect(roundTrip(text)).toBe(text);
  });

  it('round-trips every bundled notebook and fixture', () => {
    const files = [...readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.md')).map((f) => join(NOTEBOOKS, f)),
      ...readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).map((f) => join(FIXTURES, f))];
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) expect(roundTrip(readFileSync(file, 'utf8')), file).toBe(readFileSync(file, 'utf8'));
  });

  it('knows every kind of cell: the fixture holds one of each', () => {
    const kinds = new Set(parseNotebook(readFileSync(join(FIXTURES, 'all-kinds.md'), 'utf8')).cells.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['markdown', 'sql', 'plot', ...ANALYSIS_KINDS].sort());
  });

  it('parses cells, names, attributes and meta', () => {
    const notebook = parseNotebook('---\ntitle: T\nminCellCount: 5\n---\n# Head\n```sql name=users\nselect 1\n```\n```plot data=users title="A plot"\n{}\n```\n~~~r\nx\n~~~\n');
    expect(notebook.meta).toEqual({ title: 'T', minCellCount: 5 });
    expect(notebook.cells.map((c) => [c.kind, c.name, c.attrs, c.source])).toEqual([
      ['markdown', undefined, {}, '# Head\n'],
      ['sql', 'users', { name: 'users' }, 'select 1'],
      ['plot', undefined, { data: 'users', title: 'A plot' }, '{}'],
      ['markdown', undefined, {}, '~~~r\nx\n~~~\n'],
    ]);
    expect(new Set(notebook.cells.map((c) => c.id)).size).toBe(4);
  });

  it('writes edited cells with their own fence and new cells with a fresh one', () => {
    const notebook = parseNotebook('# A\n~~~~sql name=a\nselect 1\n~~~~\ntail');
    notebook.cells[1]!.source = 'select 2';
    notebook.cells.push({ id: 'new', kind: 'plot', attrs: { data: 'a' }, source: '{"mark": "dot"}' });
    notebook.cells.push({ id: 'new2', kind: 'sql', attrs: {}, source: '-- has a fence\n```\nselect 3' });
    expect(serializeNotebook(notebook)).toBe('# A\n~~~~sql name=a\nselect 2\n~~~~\ntail\n```plot data=a\n{"mark": "dot"}\n```\n````sql\n-- has a fence\n```\nselect 3\n````\n');
    notebook.cells[1]!.name = 'renamed';
    expect(serializeNotebook(notebook)).toContain('~~~~sql name=renamed\nselect 2\n~~~~\n');
  });

  it('writes a changed meta as new YAML front matter', () => {
    const notebook = parseNotebook('---\ntitle:   spaced\n---\nbody\n');
    expect(serializeNotebook(notebook)).toBe('---\ntitle:   spaced\n---\nbody\n');
    notebook.meta.title = 'New';
    expect(serializeNotebook(notebook)).toBe('---\ntitle: New\n---\nbody\n');
  });

  const refused: [string, string, object][] = [
    ['an unterminated cell fence', '# x\n\n```sql name=a\nselect 1\n', { line: 3, column: 1, message: expect.stringContaining('never closed') }],
    ['an unterminated prose fence', '  ~~~python\nx\n', { line: 1, column: 3 }],
    ['invalid YAML front matter', '---\ntitle: [unclosed\n---\n', { line: 2, message: expect.stringContaining('not valid YAML') }],
    ['unclosed front matter', '---\ntitle: x\n', { line: 1, column: 1 }],
    ['front matter that is a list', '---\n- a\n---\n', { line: 2 }],
    ['a duplicate name', '```sql name=a\nselect 1\n```\n\n```sql name=A\nselect 2\n```\n', { line: 5, column: 8, message: expect.stringContaining('line 1') }],
    ['a name that is not an identifier', '```cohort name=1st-cohort\n{}\n```\n', { line: 1, column: 11 }],
    ['an unclosed quoted attribute', '```sql title="open\n```\n', { line: 1, column: 8 }],
  ];
  it.each(refused)('refuses %s with line and column', (_label, text, expected) => {
    let thrown: unknown;
    try { parseNotebook(text); } catch (error) { thrown = error; }
    expect(thrown).toMatchObject({ code: 'BAD_REQUEST', hint: expect.any(String), ...expected });
  });
});
