/**
 * The declarative plot spec of a ```` ```plot data=NAME ```` cell (docs/notebooks.md) — the contract between the
 * notebook runtime, the plot renderer (render-plot.ts, Observable Plot) and the view. JSON in the notebook file.
 *
 *   { "mark": "dot", "x": "prr", "y": "n", "fill": "sex", "fx": "region", "tip": true, "brush": "xy" }
 *   { "marks": [ { "mark": "line", "x": "time", "y": "surv", "stroke": "label", "curve": "step-after" },
 *                { "mark": "ruleY", "y": 0 } ], "scales": { "y": { "domain": [0, 1], "label": "Survival" } } }
 */

export type MarkType = 'barX' | 'barY' | 'line' | 'dot' | 'area' | 'areaY' | 'rect' | 'cell' | 'ruleX' | 'ruleY' | 'text' | 'lineY' | 'tickX' | 'tickY';

/** A channel is a column name of the plot's data, or a constant (number, or a CSS colour string starting with `#`). */
export type Channel = string | number;

export interface MarkSpec {
  mark: MarkType;
  x?: Channel; y?: Channel; x1?: Channel; x2?: Channel; y1?: Channel; y2?: Channel;
  fill?: Channel; stroke?: Channel; r?: Channel; text?: Channel; fx?: string; fy?: string;
  opacity?: number; strokeWidth?: number; curve?: 'linear' | 'step' | 'step-after' | 'step-before' | 'monotone-x';
  /** Observable Plot's pointer tooltip; default true for the first mark. */
  tip?: boolean;
  /** Engine-side aggregation for large data: bins per axis (histograms, heatmaps), done in SQL. */
  bin?: { x?: number; y?: number; reduce?: 'count' | 'sum' | 'mean'; of?: string };
  /** Rows drawn at most; more are sampled in the engine (reservoir, fixed seed) and the note says so. Default 20,000. */
  maxRows?: number;
}

export interface ScaleSpec {
  label?: string;
  type?: 'linear' | 'log' | 'sqrt' | 'symlog' | 'time' | 'utc' | 'band' | 'point' | 'ordinal';
  domain?: (number | string)[];
  reverse?: boolean;
  grid?: boolean;
  /** Named colour scheme for the color scale, e.g. `tableau10`, `viridis`. */
  scheme?: string;
}

/** Either one mark inline (`mark` + channels at the top level) or a list of `marks`. */
export interface PlotSpec extends Partial<MarkSpec> {
  marks?: MarkSpec[];
  title?: string;
  caption?: string;
  width?: number;
  height?: number;
  /** Scale options by scale name: `x`, `y`, `color` (`legend`), `r`, `fx`, `fy`. */
  scales?: { x?: ScaleSpec; y?: ScaleSpec; color?: ScaleSpec & { legend?: boolean }; r?: ScaleSpec; fx?: ScaleSpec; fy?: ScaleSpec };
  /**
   * A brush over the plot (x, y or both). A plot cell with a `name=` and a brush is itself a relation: its data
   * rows inside the brush (all rows when nothing is brushed), so later cells re-run as the brush moves.
   */
  brush?: 'x' | 'y' | 'xy';
  /** Drag to zoom (and double-click to reset) instead of brushing. */
  zoom?: boolean;
}

/** Where a brush is: ranges in data units on the brushed axes (numbers, or ISO dates for temporal axes). */
export interface BrushSelection {
  x?: [number | string, number | string];
  y?: [number | string, number | string];
}
