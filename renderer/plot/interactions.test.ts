import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { toDataRange } from './interactions.js';

// Pixel → data conversion of a brush through Plot's own scale objects (the drag itself is a browser test).
type Scale = Parameters<typeof toDataRange>[0];

describe('toDataRange', () => {
  it('inverts linear scales, low value first', () => {
    const x = Plot.scale({ x: { domain: [0, 100], range: [40, 540] } }) as unknown as Scale;
    expect(toDataRange(x, 290, 140)).toEqual([20, 50]);
  });

  it('gives ISO dates for time scales', () => {
    const x = Plot.scale({ x: { type: 'utc', domain: [new Date('2020-01-01T00:00:00Z'), new Date('2020-01-11T00:00:00Z')], range: [0, 100] } }) as unknown as Scale;
    expect(toDataRange(x, 10, 50)).toEqual(['2020-01-02T00:00:00.000Z', '2020-01-06T00:00:00.000Z']);
  });

  it('gives the first and last category whose band centre is covered', () => {
    const x = Plot.scale({ x: { type: 'band', domain: ['a', 'b', 'c', 'd'], range: [0, 400] } }) as unknown as Scale;
    // Bands of 100 px without padding: centres at 50, 150, 250, 350.
    expect(toDataRange(x, 120, 260)).toEqual(['b', 'c']);
    expect(toDataRange(x, 60, 140)).toBeNull();
  });
});
