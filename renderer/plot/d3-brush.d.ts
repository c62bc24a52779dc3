/**
 * The part of d3 (shipped with Observable Plot) that interactions.ts uses: brushes and selections. d3 has no
 * bundled types and @types/d3 pulls in thirty packages for these few calls.
 */
declare module 'd3' {
  export interface BrushEvent {
    type: 'start' | 'brush' | 'end';
    /** [x0, x1] for brushX/brushY, [[x0, y0], [x1, y1]] for brush; null when cleared. */
    selection: [number, number] | [[number, number], [number, number]] | null;
    sourceEvent: Event | null;
  }
  export interface BrushBehavior {
    (group: Selection): void;
    extent(extent: [[number, number], [number, number]]): BrushBehavior;
    on(type: string, listener: ((event: BrushEvent) => void) | null): BrushBehavior;
    clear(group: Selection): void;
    move(group: Selection, selection: null): void;
  }
  export interface Selection {
    append(name: string): Selection;
    attr(name: string, value: string | number): Selection;
    call(behavior: BrushBehavior): Selection;
    call(fn: (selection: Selection, ...args: unknown[]) => void, ...args: unknown[]): Selection;
    remove(): Selection;
    node(): Element | null;
  }
  export function brush(): BrushBehavior;
  export function brushX(): BrushBehavior;
  export function brushY(): BrushBehavior;
  export function select(node: Element): Selection;
}
