/**
 * Where each value of a JSON text sits, by JSON path (`marks[1].mark`, `scales.x.type`), so a spec error can
 * point at the line and column of the offending key in the cell. Also turns a JSON.parse failure into a
 * line and column. Pure text scanning; run only on text JSON.parse already accepted (or to locate a failure).
 */

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
}

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') { line++; lineStart = i + 1; }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Joins a path and a key the way messages show it: `marks[1]` + `mark` → `marks[1].mark`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Offsets of every member and element of valid JSON text: for an object member, the offset of its key (what a
 * reader looks for); for an array element, the offset of the element. The root is at path ''.
 */
export function locateJsonPaths(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let i = 0;
  const skipSpace = (): void => { while (i < text.length && /\s/.test(text[i]!)) i++; };
  const skipString = (): void => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const readValue = (path: string): void => {
    skipSpace();
    const char = text[i];
    if (char === '{') {
      i++;
      skipSpace();
      while (i < text.length && text[i] !== '}') {
        const keyStart = i;
        skipString();
        const key = JSON.parse(text.slice(keyStart, i)) as string;
        const memberPath = childPath(path, key);
        offsets.set(memberPath, keyStart);
        skipSpace();
        i++; // colon
        readValue(memberPath);
        skipSpace();
        if (text[i] === ',') { i++; skipSpace(); }
      }
      i++;
    } else if (char === '[') {
      i++;
      skipSpace();
      let index = 0;
      while (i < text.length && text[i] !== ']') {
        skipSpace();
        const elementPath = childPath(path, index++);
        offsets.set(elementPath, i);
        readValue(elementPath);
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (char === '"') {
      skipString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    }
  };
  skipSpace();
  offsets.set('', i);
  readValue('');
  return offsets;
}

/**
 * Where JSON.parse stopped, from its message: V8 says `at position N` and newer versions `(line L column C)`.
 * Null when the message says neither (e.g. another engine).
 */
export function syntaxErrorPosition(text: string, message: string): TextPosition | null {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (position) return positionAt(text, Number(position[1]));
  if (/end of JSON input/i.test(message)) return positionAt(text, text.length);
  return null;
}
