import { describe, expect, it } from 'vitest';
import { fieldStart } from './read-errors.js';

describe('fieldStart', () => {
  it('is the character where a field starts, delimiters inside quotes not counting', () => {
    expect(fieldStart('1,2019-04-02,K92.2', ',', 0)).toBe(1);
    expect(fieldStart('1,2019-04-02,K92.2', ',', 2)).toBe(14);
    expect(fieldStart('"a, b",x', ',', 1)).toBe(8);
    expect(fieldStart('é\tx', '\t', 1)).toBe(3);
  });
});
