import { describe, expect, it } from 'vitest';
import { computeWindow, MAX_SPACER_PX, pagesCovering, spacerHeight } from './grid-window.js';

const base = { rowHeight: 24, viewportHeight: 360, bufferRows: 8 };

describe('computeWindow', () => {
  it('one row per 24 px while the spacer is below the cap', () => {
    // 10,000 rows × 24 px = 240,000 px: scrollTop 1234 × 24 puts row 1234 on the top edge.
    const window = computeWindow({ ...base, totalRows: 10_000, scrollTop: 1234 * 24 });
    expect(window.firstVisible).toBe(1234);
    // 360 / 24 = 15 rows fit, one more for the partly shown row at the bottom.
    expect(window.endVisible).toBe(1234 + 16);
    expect(window.first).toBe(1234 - 8);
    expect(window.count).toBe(16 + 16);
    expect(window.top).toBe((1234 - 8) * 24);
  });

  it('maps the scroll position proportionally past the cap and reaches the last row', () => {
    const totalRows = 1_000_000;
    expect(spacerHeight(totalRows, 24)).toBe(MAX_SPACER_PX);
    const maxScroll = MAX_SPACER_PX - 360;
    const middle = computeWindow({ ...base, totalRows, scrollTop: maxScroll / 2 });
    // Half way: row 0.5 × (1,000,000 − 360/24) = 499,992.5 is on the top edge.
    expect(middle.firstVisible).toBe(499_992);
    expect(middle.top).toBeCloseTo(maxScroll / 2 - (499_992.5 - 499_984) * 24, 6);
    const end = computeWindow({ ...base, totalRows, scrollTop: maxScroll });
    expect(end.endVisible).toBe(totalRows);
    expect(end.first + end.count).toBe(totalRows);
    // The last row's bottom edge is the spacer's bottom edge: nothing is cut off or left blank.
    expect(end.top + end.count * 24).toBeCloseTo(MAX_SPACER_PX, 6);
  });

  it('clamps scroll positions outside the spacer and handles tiny and empty results', () => {
    expect(computeWindow({ ...base, totalRows: 3, scrollTop: 500 })).toMatchObject({ first: 0, count: 3, firstVisible: 0, endVisible: 3, top: 0 });
    expect(computeWindow({ ...base, totalRows: 100, scrollTop: -40 }).firstVisible).toBe(0);
    expect(computeWindow({ ...base, totalRows: 0, scrollTop: 0 }).count).toBe(0);
  });

  it('never puts more than the visible rows and two buffers in the DOM', () => {
    for (const scrollTop of [0, 1, 5_000, 123_456, MAX_SPACER_PX]) {
      expect(computeWindow({ ...base, totalRows: 1_000_000, scrollTop }).count).toBeLessThanOrEqual(16 + 2 * 8);
    }
  });
});

describe('pagesCovering', () => {
  it('lists the pages holding a range of rows', () => {
    expect(pagesCovering(499_984, 32, 500)).toEqual([999, 1000]);
    expect(pagesCovering(0, 24, 500)).toEqual([0]);
    expect(pagesCovering(10, 0, 500)).toEqual([]);
  });
});
