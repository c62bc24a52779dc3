/** The marks of a spec as a list: the `marks` array, or the one mark written inline at the top level. */
import type { MarkSpec, PlotSpec } from './plot-spec.js';
import { MARK_KEYS } from './spec-vocabulary.js';

export function marksOf(spec: PlotSpec): MarkSpec[] {
  if (spec.marks) return spec.marks;
  const mark: Record<string, unknown> = {};
  for (const key of MARK_KEYS) if (spec[key as keyof PlotSpec] !== undefined) mark[key] = spec[key as keyof PlotSpec];
  return [mark as unknown as MarkSpec];
}
