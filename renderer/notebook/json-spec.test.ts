import { describe, expect, it } from 'vitest';
import { parseJsonSpec } from './json-spec.js';

describe('parseJsonSpec', () => {
  const error = (text: string) => { try { parseJsonSpec(text, 'cohort'); } catch (e) { return e; } return null; };
  it('points at the line and column where the JSON breaks', () => {
    expect(error('{\n  "a": 1,\n  "b": x\n}')).toMatchObject({ code: 'BAD_REQUEST', line: 3, column: 8 });
    expect(error('{\n  "a": 1,\n}')).toMatchObject({ line: 3, column: 1 });
    expect(error('{ "a": [1, 2')).toMatchObject({ line: 1, column: 13 });
    expect(error('  ')).toMatchObject({ message: 'the cohort cell is empty' });
    expect(parseJsonSpec('{ "a": "x}" }', 'cohort')).toEqual({ a: 'x}' });
  });
});
