import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.js';

describe('PageCache', () => {
  it('drops the least recently used page beyond its capacity', () => {
    const cache = new PageCache<string>(3);
    cache.set(0, 'a');
    cache.set(1, 'b');
    cache.set(2, 'c');
    expect(cache.get(0)).toBe('a'); // 0 is now the most recent, 1 the least
    cache.set(3, 'd');
    expect(cache.keys()).toEqual([2, 0, 3]);
    expect(cache.has(1)).toBe(false);
    cache.clear();
    expect(cache.keys()).toEqual([]);
  });
});
