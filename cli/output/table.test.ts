import { describe, expect, it } from 'vitest';
import { displayWidth } from './display-width.js';
import { renderTable } from './table.js';
import { tabularFromNamedRows } from './tabular.js';

describe('renderTable', () => {
  it('aligns text left and numbers right under a rule', () => {
    const table = renderTable(tabularFromNamedRows(['name', 'rows#'], [['caers', 20156], ['x', 5]]));
    expect(table).toBe(
      'name    rows\n' +
      '-----  -----\n' +
      'caers  20156\n' +
      'x          5\n',
    );
  });

  it('shows NULL as NULL', () => {
    expect(renderTable(tabularFromNamedRows(['a'], [[null]]))).toBe('a\n----\nNULL\n');
  });

  it('lines up wide (CJK) characters by terminal columns, not string length', () => {
    const lines = renderTable(tabularFromNamedRows(['drug', 'n#'], [['阿司匹林', 1], ['aspirin', 22]])).split('\n');
    // 阿司匹林 takes 8 columns, so the numbers end at the same column on both lines.
    expect(lines[2]).toBe('阿司匹林   1');
    expect(lines[3]).toBe('aspirin   22');
    expect(displayWidth(lines[2]!)).toBe(displayWidth(lines[3]!));
  });

  it('counts a combining accent as no width', () => {
    const lines = renderTable(tabularFromNamedRows(['name', 'n#'], [['Jose\u0301', 1], ['Maria', 2]])).split('\n');
    expect(lines[2]).toBe('Jose\u0301   1');
    expect(lines[3]).toBe('Maria  2');
  });

  it('escapes line breaks and tabs so a row stays on one line', () => {
    expect(renderTable(tabularFromNamedRows(['t'], [['a\nb\tc']]))).toBe('t\n-------\na\\nb\\tc\n');
  });

  it('cuts long cells with an ellipsis', () => {
    const table = renderTable(tabularFromNamedRows(['t'], [['x'.repeat(100)]]), { maxCellWidth: 10 });
    expect(table.split('\n')[2]).toBe('xxxxxxxxx…');
  });

  it('prints the header and rule for an empty result', () => {
    expect(renderTable(tabularFromNamedRows(['a', 'b#'], []))).toBe('a  b\n-  -\n');
  });
});
