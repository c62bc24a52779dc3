/**
 * Which rows of a virtually scrolled grid are in the DOM for a scroll position. Pure arithmetic, no DOM.
 *
 * The rows sit in one absolutely positioned window inside a tall spacer. Browsers cap an element's height
 * (about 17.9 million px in Firefox, 33.5 million in Chrome), so past `MAX_SPACER_PX` the spacer stops
 * growing and the scroll position maps to a row proportionally instead of one row per `rowHeight` pixels.
 */

export const MAX_SPACER_PX = 8_000_000;

export interface WindowInput {
  totalRows: number;
  rowHeight: number;
  viewportHeight: number;
  scrollTop: number;
  /** Rows kept above and below the visible ones, so a small scroll shows rows already built. */
  bufferRows: number;
}

export interface RowWindow {
  /** First row in the DOM (buffer included) and how many rows follow it. */
  first: number;
  count: number;
  /** Offset in px of the first row inside the spacer. */
  top: number;
  /** First and last (exclusive) row the user actually sees. */
  firstVisible: number;
  endVisible: number;
}

export function spacerHeight(totalRows: number, rowHeight: number): number {
  return Math.min(totalRows * rowHeight, MAX_SPACER_PX);
}

/** The row (fractional) at the top edge of the viewport. */
function rowAtTop(input: WindowInput, spacer: number): number {
  const { totalRows, rowHeight, viewportHeight } = input;
  const maxScroll = Math.max(0, spacer - viewportHeight);
  const scrollTop = Math.min(Math.max(0, input.scrollTop), maxScroll);
  if (totalRows * rowHeight <= MAX_SPACER_PX) return scrollTop / rowHeight;
  const lastTopRow = Math.max(0, totalRows - viewportHeight / rowHeight);
  return maxScroll === 0 ? 0 : (scrollTop / maxScroll) * lastTopRow;
}

export function computeWindow(input: WindowInput): RowWindow {
  const { totalRows, rowHeight, viewportHeight, bufferRows } = input;
  if (totalRows <= 0) return { first: 0, count: 0, top: 0, firstVisible: 0, endVisible: 0 };
  const spacer = spacerHeight(totalRows, rowHeight);
  const topRow = rowAtTop(input, spacer);
  const firstVisible = Math.min(Math.floor(topRow), totalRows - 1);
  const visibleRows = Math.ceil(viewportHeight / rowHeight) + 1;
  const endVisible = Math.min(totalRows, firstVisible + visibleRows);
  const first = Math.max(0, firstVisible - bufferRows);
  const end = Math.min(totalRows, endVisible + bufferRows);
  const scrollTop = Math.min(Math.max(0, input.scrollTop), Math.max(0, spacer - viewportHeight));
  // The window is placed so that row `topRow` lands exactly on the viewport's top edge.
  const top = scrollTop - (topRow - first) * rowHeight;
  return { first, count: end - first, top, firstVisible, endVisible };
}

/** Indexes of the pages of `pageSize` rows that hold rows [first, first + count). */
export function pagesCovering(first: number, count: number, pageSize: number): number[] {
  if (count <= 0) return [];
  const pages: number[] = [];
  for (let page = Math.floor(first / pageSize); page <= Math.floor((first + count - 1) / pageSize); page++) pages.push(page);
  return pages;
}
