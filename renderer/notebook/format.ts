/**
 * The notebook file format (docs/notebooks.md): Markdown with optional YAML front matter, where fenced blocks
 * whose info string starts with a cell kind (`sql`, `plot`, `cohort`, …) are cells and everything else, fenced
 * blocks of other languages included, belongs to the Markdown cells between them.
 *
 * `serializeNotebook(parseNotebook(text)) === text` for every text parse accepts: each fenced cell keeps the exact
 * fence lines and line endings it was written with (`Cell.layout`), Markdown cells keep their raw text, and the
 * front matter is kept as written unless `meta` changed.
 */
import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import { ANALYSIS_KINDS, type Cell, type CellKind, type CellLayout, type Notebook } from './notebook.js';
import { badNotebook } from './notebook-error.js';
import { parseInfoString } from './info-string.js';

const CODE_KINDS: ReadonlySet<string> = new Set<CellKind>(['sql', 'plot', ...ANALYSIS_KINDS]);
const OPENING_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

interface Line { text: string; ending: string }

let nextCellNumber = 0;
/** A new id, unique in this session. */
export function newCellId(): string {
  nextCellNumber += 1;
  return `cell-${nextCellNumber}`;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < text.length && (match = pattern.exec(text)) !== null) {
    lines.push({ text: match[1]!, ending: match[2]! });
  }
  return lines;
}

function commonLineEnding(lines: Line[]): string {
  const counts = new Map<string, number>();
  for (const line of lines) if (line.ending) counts.set(line.ending, (counts.get(line.ending) ?? 0) + 1);
  let best = '\n';
  let most = 0;
  for (const [ending, count] of counts) if (count > most) { best = ending; most = count; }
  return best;
}

function isClosingFence(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1]![0] === fence[0] && match[1]!.length >= fence.length;
}

/** Where the front matter ends (the line index after its closing `---`), or 0 when there is none. */
function frontMatterEnd(lines: Line[]): number {
  if (lines[0]?.text.trimEnd() !== '---') return 0;
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i]!.text.trimEnd();
    if (text === '---' || text === '...') return i + 1;
  }
  throw badNotebook('the front matter opened on line 1 is never closed', 1, 1, 'end it with a line holding only ---');
}

function parseFrontMatter(lines: Line[], end: number): Record<string, unknown> {
  if (end === 0) return {};
  const yamlText = lines.slice(1, end - 1).map((l) => l.text + l.ending).join('');
  let value: unknown;
  try {
    value = parseYaml(yamlText);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const at = error.linePos?.[0];
    const firstLine = error.message.split('\n')[0] ?? error.message;
    // YAML may notice a missing bracket only at the end of its text: point at the last front matter line then.
    const yamlLines = Math.max(1, end - 2);
    const line = Math.min(at?.line ?? 1, yamlLines);
    throw badNotebook(`the front matter is not valid YAML: ${firstLine}`, line + 1, line === at?.line ? at.col : 1,
      'write it as key: value lines, e.g. title: My notebook');
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badNotebook('the front matter must be a set of key: value lines', 2, 1, 'e.g. title: My notebook');
  }
  return value as Record<string, unknown>;
}

/** Parses notebook text; throws a NotebookError (BAD_REQUEST, line, column) on bad input. */
export function parseNotebook(text: string): Notebook {
  const lines = splitLines(text);
  const bodyStart = frontMatterEnd(lines);
  const meta = parseFrontMatter(lines, bodyStart);
  const frontMatter = lines.slice(0, bodyStart).map((l) => l.text + l.ending).join('');
  const cells: Cell[] = [];
  const names = new Map<string, number>();
  let markdown = '';
  const flushMarkdown = (): void => {
    if (markdown !== '') cells.push({ id: newCellId(), kind: 'markdown', attrs: {}, source: markdown });
    markdown = '';
  };
  let index = bodyStart;
  while (index < lines.length) {
    const line = lines[index]!;
    const opening = OPENING_FENCE.exec(line.text);
    if (!opening || (opening[2]![0] === '`' && opening[3]!.includes('`'))) {
      markdown += line.text + line.ending;
      index += 1;
      continue;
    }
    const [, indent, fence, info] = opening as unknown as [string, string, string, string];
    let close = index + 1;
    while (close < lines.length && !isClosingFence(lines[close]!.text, fence)) close += 1;
    if (close >= lines.length) {
      throw badNotebook(`the fenced block opened on line ${index + 1} with ${fence} is never closed`, index + 1, indent.length + 1,
        `end it with a line holding only ${fence}`);
    }
    const body = lines.slice(index + 1, close);
    const kind = info.trim().split(/\s+/)[0] ?? '';
    if (!CODE_KINDS.has(kind)) {
      for (const l of lines.slice(index, close + 1)) markdown += l.text + l.ending;
      index = close + 1;
      continue;
    }
    flushMarkdown();
    const attrs = parseInfoString(info, index + 1, indent.length + fence.length + 1);
    const name = attrs.name;
    if (name !== undefined) {
      const column = indent.length + fence.length + info.indexOf('name=') + 1;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        throw badNotebook(`the cell name ${JSON.stringify(name)} is not an identifier`, index + 1, column,
          'use letters, digits and _ , starting with a letter or _, e.g. name=new_users');
      }
      const earlier = names.get(name.toLowerCase());
      if (earlier !== undefined) {
        throw badNotebook(`the name ${name} is already used by the cell on line ${earlier}`, index + 1, column, 'give each named cell its own name');
      }
      names.set(name.toLowerCase(), index + 1);
    }
    const source = body.map((l, i) => l.text + (i < body.length - 1 ? l.ending : '')).join('');
    const layout: CellLayout = {
      open: line.text, openKind: kind as CellKind, openAttrs: { ...attrs }, close: lines[close]!.text,
      openEnding: line.ending, bodyEnding: body.at(-1)?.ending ?? '', closeEnding: lines[close]!.ending, hasBody: body.length > 0,
    };
    cells.push({ id: newCellId(), kind: kind as CellKind, ...(name !== undefined ? { name } : {}), attrs, source, layout });
    index = close + 1;
  }
  flushMarkdown();
  return { meta, cells, layout: { frontMatter, parsedMeta: JSON.stringify(meta), lineEnding: commonLineEnding(lines) } };
}

function sameAttrs(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key, i) => Object.keys(b)[i] === key && b[key] === a[key]);
}

/** A fence longer than any fence-like run at the start of a body line, so the body cannot close it early. */
function fenceFor(source: string, character: '`' | '~'): string {
  let length = 3;
  for (const match of source.matchAll(new RegExp(`^ {0,3}(\\${character}{3,})`, 'gm'))) length = Math.max(length, match[1]!.length + 1);
  return character.repeat(length);
}

function attributeText(key: string, value: string): string {
  return /^[^\s"]+$/.test(value) ? `${key}=${value}` : `${key}="${value.replace(/"/g, "'")}"`;
}

function fencedCellText(cell: Cell, ending: string): string {
  const layout = cell.layout;
  const attrs = { ...cell.attrs };
  if (cell.name === undefined) delete attrs.name;
  else attrs.name = cell.name;
  const writtenFence = layout ? OPENING_FENCE.exec(layout.open)?.[2] : undefined;
  // A body edited to hold a fence as long as the written one would close the cell early: write a longer fence.
  const keepFence = layout !== undefined && writtenFence !== undefined
    && fenceFor(cell.source, writtenFence[0] as '`' | '~').length <= writtenFence.length;
  const fence = keepFence ? writtenFence! : fenceFor(cell.source, '`');
  const open = keepFence && layout.openKind === cell.kind && sameAttrs(layout.openAttrs, attrs)
    ? layout.open
    : [fence + cell.kind, ...Object.entries(attrs).map(([k, v]) => attributeText(k, v))].join(' ');
  const withBody = cell.source !== '' || layout?.hasBody === true;
  const body = withBody ? cell.source + (layout?.hasBody ? layout.bodyEnding : ending) : '';
  const close = keepFence ? layout.close : fence;
  return open + (layout?.openEnding || ending) + body + close + (layout ? layout.closeEnding : ending);
}

/** Writes a notebook as text; a parsed notebook whose cells were not changed comes out byte for byte as it was read. */
export function serializeNotebook(notebook: Notebook): string {
  const ending = notebook.layout?.lineEnding ?? '\n';
  let text = '';
  if (notebook.layout && notebook.layout.parsedMeta === JSON.stringify(notebook.meta)) text = notebook.layout.frontMatter;
  else if (Object.keys(notebook.meta).length > 0) {
    text = `---${ending}${stringifyYaml(notebook.meta).replace(/\n/g, ending)}---${ending}`;
  }
  for (const cell of notebook.cells) {
    if (text !== '' && !/[\r\n]$/.test(text)) text += ending;
    text += cell.kind === 'markdown' ? cell.source : fencedCellText(cell, ending);
  }
  return text;
}
