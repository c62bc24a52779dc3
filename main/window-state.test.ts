import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, parseWindowState, restoreWindowState } from './window-state.js';

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('the remembered window state', () => {
  it('comes back where it was when that place is on a display', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: true };
    expect(restoreWindowState(saved, [laptop, monitorRight])).toEqual(saved);
  });

  it('opens centred on the primary display when the monitor it was on is gone', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: false };
    const restored = restoreWindowState(saved, [laptop]);
    // 1280×860 fits 1440×875; centred: x = (1440 − 1280) / 2 = 80, y = 25 + (875 − 860) / 2 = 32.5 → 33 (rounded).
    expect(restored).toEqual({ bounds: { x: 80, y: 33, ...DEFAULT_SIZE }, maximized: false });
  });

  it('is shrunk and pulled inside a display it overhangs', () => {
    const saved = { bounds: { x: 1000, y: 500, width: 1600, height: 1000 }, maximized: false };
    // Title bar 1000..2600 × 500..540 overlaps the laptop by 440 px: shrunk to 1440×875, moved to its origin.
    expect(restoreWindowState(saved, [laptop]).bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('treats a missing or damaged file as no saved state', () => {
    expect(parseWindowState(undefined)).toBeNull();
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: 'wide', height: 10 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: 0, height: 10 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: 'yes' })).toEqual({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: false });
    expect(restoreWindowState(null, [laptop]).bounds).toEqual({ x: 80, y: 33, ...DEFAULT_SIZE });
  });
});
