/**
 * The window's size and position, remembered between runs and put back only where the user can see it: a
 * window saved on a monitor that is gone, or larger than the current screen, is moved and shrunk onto a
 * display's work area rather than opening out of reach.
 */
export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type WindowBounds = Rectangle;

export interface WindowState {
  bounds: WindowBounds;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 };
/** At least this much of the title bar must lie on a display for a saved position to count as visible. */
const MIN_VISIBLE = 100;

function isRectangle(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((key) => typeof r[key] === 'number' && Number.isFinite(r[key]));
}

/** A saved state read back from JSON, or null when it is not one. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as Record<string, unknown>;
  if (!isRectangle(bounds) || bounds.width <= 0 || bounds.height <= 0) return null;
  return { bounds, maximized: maximized === true };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function centredIn(area: Rectangle, width: number, height: number): WindowBounds {
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/**
 * Where the window opens: the saved bounds when their top strip lies on one of `workAreas` (shrunk to fit that
 * area), else the default size centred on the first (primary) work area.
 */
export function restoreWindowState(saved: WindowState | null, workAreas: Rectangle[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const fallback = (): WindowState => ({
    bounds: centredIn(primary, Math.min(DEFAULT_SIZE.width, primary.width), Math.min(DEFAULT_SIZE.height, primary.height)),
    maximized: saved?.maximized ?? false,
  });
  if (!saved) return fallback();
  const titleBar = { ...saved.bounds, height: Math.min(saved.bounds.height, 40) };
  const home = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(MIN_VISIBLE, saved.bounds.width) && o.height > 0;
  });
  if (!home) return fallback();
  const width = Math.min(saved.bounds.width, home.width);
  const height = Math.min(saved.bounds.height, home.height);
  // Pulled inside the work area on every side once it fits there.
  const x = Math.min(Math.max(saved.bounds.x, home.x), home.x + home.width - width);
  const y = Math.min(Math.max(saved.bounds.y, home.y), home.y + home.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}
