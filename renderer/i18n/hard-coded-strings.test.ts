/**
 * Every user-visible string of the UI goes through `t()`. This scans the renderer's sources for the usual
 * ways a sentence slips past it: a text literal assigned to textContent/title/placeholder, set as such an
 * attribute, given to createTextNode or alert, or passed as the `text`/`title` of an element helper or as a
 * lone string child. Literals without letters (▲, —, ↻) are symbols and allowed. A line that really shows
 * data may say so with a trailing `// i18n-exempt: <why>`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RENDERER = fileURLToPath(new URL('..', import.meta.url));

const LITERAL = String.raw`(['"\x60])((?:\\.|(?!\1).)*)\1`;
const PATTERNS: RegExp[] = [
  new RegExp(String.raw`\.(?:textContent|innerText|innerHTML|outerHTML|title|placeholder|alt|ariaLabel)\s*[+]?=\s*` + LITERAL),
  new RegExp(String.raw`setAttribute\(\s*['"](?:title|placeholder|aria-label|alt|aria-description)['"]\s*,\s*` + LITERAL),
  new RegExp(String.raw`(?:createTextNode|alert|confirm|prompt|insertAdjacentText)\(\s*` + LITERAL),
  new RegExp(String.raw`[{,]\s*(?:text|title|placeholder)\s*:\s*` + LITERAL),
  new RegExp(String.raw`,\s*\[\s*` + LITERAL + String.raw`\s*\]\s*\)`),
];
/** For the lone-child pattern: a sentence or a capitalised word, not a key like `['entry']`. */
const LONE_CHILD = PATTERNS.length - 1;
const SENTENCE_LIKE = /\s\S|^[A-Z]|[\u3400-\u9fff]/;

/** Build scripts run under Node, not in the UI. */
const NOT_UI = new Set(['build.ts']);

/** Letters of any script: a literal made only of symbols, digits and spaces is not a sentence. */
const HAS_WORDS = /[A-Za-z]{2,}|[\u3400-\u9fff]/;

export function findHardCodedStrings(source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, index) => {
    if (line.includes('i18n-exempt:') || /^\s*(\/\/|\*|\/\*)/.test(line)) return;
    PATTERNS.forEach((pattern, which) => {
      const match = pattern.exec(line);
      // Template literals: only their fixed text counts, not the `${expressions}`.
      const literal = match?.[2]?.replace(/\$\{[^}]*\}/g, '');
      if (literal === undefined || !HAS_WORDS.test(literal)) return;
      if (which === LONE_CHILD && !SENTENCE_LIKE.test(literal)) return;
      found.push(`${index + 1}: ${line.trim()}`);
    });
  });
  return found;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' || entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(test|node)\.ts$/.test(entry.name) && !NOT_UI.has(relative(RENDERER, path)) ? [path] : [];
  });
}

describe('no hard-coded user-visible strings in renderer/', () => {
  it('the detector catches the patterns it is for and passes translated or symbolic text', () => {
    expect(findHardCodedStrings(`cell.textContent = 'Loading rows';`)).toHaveLength(1);
    expect(findHardCodedStrings('status.textContent = `Showing ${n} rows`;')).toHaveLength(1);
    expect(findHardCodedStrings(`button.setAttribute('aria-label', "Close");`)).toHaveLength(1);
    expect(findHardCodedStrings(`el('button', { text: 'Run all' })`)).toHaveLength(1);
    expect(findHardCodedStrings(`el('h2', {}, ['Datasets'])`)).toHaveLength(1);
    expect(findHardCodedStrings(`el('p', {}, ['数据集'])`)).toHaveLength(1);
    expect(findHardCodedStrings(`cell.textContent = t('app.grid.null');`)).toEqual([]);
    expect(findHardCodedStrings(`const entry = objectAt(spec, ['entry']);`)).toEqual([]);
    expect(findHardCodedStrings(`indicator.textContent = '▲';`)).toEqual([]);
    expect(findHardCodedStrings(`el('span', { text: dataset.name })`)).toEqual([]);
    expect(findHardCodedStrings(`el('dd', { text: 'NA' }) // i18n-exempt: a data value`)).toEqual([]);
  });

  it('holds for every source file', () => {
    const offences = sourceFiles(RENDERER).flatMap((file) =>
      findHardCodedStrings(readFileSync(file, 'utf8')).map((line) => `${relative(RENDERER, file)}:${line}`));
    expect(offences).toEqual([]);
  });
});
