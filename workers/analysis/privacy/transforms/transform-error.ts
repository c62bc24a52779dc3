import { PmwError } from '../../../engine/errors.js';

/** Where a refused transform sits in the request, for messages: "transform 2 (hash) on caers, column name". */
export interface TransformPlace {
  /** 1-based position in the list. */
  position: number;
  kind: string;
  table?: string;
  column?: string;
}

export function describePlace(place: TransformPlace): string {
  const on = place.table === undefined ? '' : ` on ${place.table}`;
  const column = place.column === undefined ? '' : `, column ${place.column}`;
  return `transform ${place.position} (${place.kind})${on}${column}`;
}

/** A BAD_REQUEST naming the transform, its table and column; thrown before anything is changed. */
export function transformRefused(place: TransformPlace, problem: string, hint: string): PmwError {
  return new PmwError({ code: 'BAD_REQUEST', message: `${describePlace(place)}: ${problem}`, hint: `${hint}; nothing was changed` });
}
