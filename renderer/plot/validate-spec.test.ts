import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.js';
import { parsePlotSpec } from './plot-query.js';
import type { PlotSpecError } from './plot-error.js';

function errorOf(text: string): PlotSpecError {
  try {
    parsePlotSpec(text);
  } catch (error) {
    return error as PlotSpecError;
  }
  throw new Error(`accepted: ${text}`);
}

afterEach(() => setLocale('en'));

describe('parsePlotSpec', () => {
  it('accepts one inline mark and a list of marks with scales', () => {
    expect(parsePlotSpec('{ "mark": "dot", "x": "prr", "y": "n", "fill": "sex", "tip": true, "brush": "xy" }').mark).toBe('dot');
    const spec = parsePlotSpec(`{ "marks": [ { "mark": "line", "x": "time", "y": "surv", "stroke": "label", "curve": "step-after" },
      { "mark": "ruleY", "y": 0 } ], "scales": { "y": { "domain": [0, 1], "label": "Survival" }, "color": { "legend": true } } }`);
    expect(spec.marks).toHaveLength(2);
  });

  it('names a wrong mark by its path, with the line and column of the value', () => {
    const text = '{\n  "marks": [\n    { "mark": "dot", "x": "a" },\n    { "mark": "bars", "x": "a" }\n  ]\n}';
    const error = errorOf(text);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^marks\[1\]\.mark: "bars" is not a mark; use one of barX, barY, line/);
    expect(error.hint).toMatch(/docs\/plots\.md/);
    expect([error.line, error.column]).toEqual([4, 7]);
  });

  it('gives the line and column of a JSON syntax error', () => {
    const error = errorOf('{\n  "mark": "dot",\n  "x": "a",\n}');
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.line).toBe(4);
    expect(error.column).toBe(1);
  });

  it('refuses unknown keys, listing the known ones', () => {
    const error = errorOf('{ "mark": "dot", "x": "a", "colour": "b" }');
    expect(error.message).toBe('colour: "colour" is not an option here');
    expect(error.hint).toMatch(/^Use one of: marks, title/);
    expect([error.line, error.column]).toEqual([1, 28]);
  });

  it('checks values: channels, enums, numbers, bins, brush with zoom or facets', () => {
    expect(errorOf('{ "mark": "dot", "x": true }').message).toBe('x: expected a column name or a number, got true');
    expect(errorOf('{ "mark": "line", "x": "a", "curve": "smooth" }').message).toMatch(/^curve: "smooth" is not allowed; use one of linear, step/);
    expect(errorOf('{ "mark": "dot", "x": "a", "opacity": 2 }').message).toBe('opacity: expected a number from 0 to 1, got 2');
    expect(errorOf('{ "mark": "dot", "x": "a", "maxRows": 0 }').message).toBe('maxRows: expected a whole number from 1 to 100000, got 0');
    expect(errorOf('{ "mark": "dot", "x": "a", "bin": { "x": 10 } }').message).toMatch(/^bin: a dot mark cannot be binned/);
    expect(errorOf('{ "mark": "barY", "x": "a", "bin": { "y": 10 } }').message).toMatch(/^bin.y: a barY mark bins over x only/);
    expect(errorOf('{ "mark": "barY", "x": "a", "bin": { "x": 10, "reduce": "mean" } }').message).toMatch(/^bin.reduce: reduce "mean" needs "of"/);
    expect(errorOf('{ "mark": "dot", "x": "a", "brush": "x", "zoom": true }').message).toMatch(/choose one/);
    expect(errorOf('{ "mark": "dot", "x": "a", "fx": "b", "brush": "x" }').message).toMatch(/without facets/);
    expect(errorOf('{ "mark": "text", "x": "a" }').message).toMatch(/^mark: a text mark needs "text"/);
    expect(errorOf('{ "mark": "dot", "marks": [] }').message).toMatch(/both given/);
    expect(errorOf('{ "title": "t" }').message).toMatch(/draws nothing/);
    expect(errorOf('[1]').message).toMatch(/^spec: expected a JSON object/);
    expect(errorOf('{ "mark": "dot", "x": "a", "scales": { "x": { "type": "logarithmic" } } }').message).toMatch(/^scales\.x\.type: "logarithmic"/);
  });

  it('refuses a plot that bins some marks and draws rows with others', () => {
    const error = errorOf('{ "marks": [ { "mark": "barY", "x": "a", "bin": { "x": 10 } }, { "mark": "dot", "x": "a", "y": "b" }, { "mark": "ruleY", "y": 0 } ] }');
    expect(error.message).toMatch(/^marks\[1\]: this mark draws data rows while marks\[0\] bins them/);
  });

  it('speaks Chinese when the locale is zh-CN', () => {
    setLocale('zh-CN');
    expect(errorOf('{ "mark": "bars" }').message).toMatch(/^mark：“bars”不是图形标记/);
  });
});
