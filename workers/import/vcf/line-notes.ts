/** One kind of repaired problem: how often it happened, and the first line (index in its batch) and example. */
export interface LineNote {
  kind: string;
  count: number;
  lineIndex: number;
  detail: string;
}

/**
 * Problems the parser repaired instead of refusing the file (a bad number read as NULL, an undeclared key),
 * counted per kind with the first place each was seen; they become the import's warnings.
 */
export class LineNotes {
  private readonly byKind = new Map<string, LineNote>();

  add(kind: string, lineIndex: number, detail = '', times = 1): void {
    const note = this.byKind.get(kind);
    if (note) note.count += times;
    else this.byKind.set(kind, { kind, count: times, lineIndex, detail });
  }

  list(): LineNote[] {
    return [...this.byKind.values()];
  }
}
