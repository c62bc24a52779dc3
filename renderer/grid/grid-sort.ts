/** Header clicks to sort keys: ascending → descending → unsorted; shift-click adds a column to the keys. */
export interface SortKey {
  column: string;
  descending: boolean;
}

export function nextSort(current: readonly SortKey[], column: string, additive: boolean): SortKey[] {
  const existing = current.find((key) => key.column === column);
  const next: SortKey | null = !existing ? { column, descending: false } : existing.descending ? null : { column, descending: true };
  if (!additive) return next ? [next] : [];
  if (!existing) return [...current, next as SortKey];
  return current.flatMap((key) => (key.column !== column ? [key] : next ? [next] : []));
}
