import { describe, expect, it } from 'vitest';
import type { Progress } from '../workers/engine/api.js';
import { formatElapsed, ProgressBar, progressLine } from './progress-bar.js';

const reading = (fraction: number | null): Progress => ({ taskId: 't', phase: 'reading', fraction, message: 'reading caers.csv' });

describe('progressLine', () => {
  it('shows what happens, the percentage, a bar and the time so far', () => {
    expect(progressLine(reading(0.5), 3200, 80)).toBe('reading caers.csv  50% [############------------] 3.2s');
  });

  it('slides a block along the bar when no fraction is known', () => {
    const line = progressLine(reading(null), 450, 80);
    expect(line).toMatch(/^reading caers\.csv +\[ *### *\] 0\.5s$/);
  });

  it('fits a narrow terminal by cutting the message', () => {
    expect(progressLine(reading(1), 0, 50).length).toBeLessThanOrEqual(50);
  });

  it('formats minutes', () => {
    expect(formatElapsed(65_000)).toBe('1m05s');
  });
});

describe('ProgressBar', () => {
  it('redraws at most every 100 ms and clears its line at the end', () => {
    let now = 0;
    const written: string[] = [];
    const bar = new ProgressBar((t) => written.push(t), () => 80, () => now);
    bar.update(reading(0.1));
    now = 50;
    bar.update(reading(0.2));
    now = 120;
    bar.update(reading(0.3));
    expect(written).toHaveLength(2);
    bar.clear();
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });

  it('writes nothing on clear when it never drew', () => {
    const written: string[] = [];
    new ProgressBar((t) => written.push(t), () => 80).clear();
    expect(written).toEqual([]);
  });
});
