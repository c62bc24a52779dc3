/**
 * The identifiers of a SQL text outside strings and comments: what a SQL cell may be naming when it mentions an
 * earlier cell. A lexer, not a parser: it knows DuckDB's quoting ('…', E'…', $tag$…$tag$, "…") and comments.
 */

export interface SqlIdentifier {
  /** As written, without quotes. */
  text: string;
  /** 0-based offset in the SQL. */
  index: number;
  quoted: boolean;
  /** After a `.`: a column or a table of a schema (`gibleed.person`), never a cell. */
  qualified: boolean;
}

function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) { i += 2; continue; }
      return i + 1;
    }
    i += 1;
  }
  return sql.length;
}

export function sqlIdentifiers(sql: string): SqlIdentifier[] {
  const found: SqlIdentifier[] = [];
  let i = 0;
  let previousSignificant = '';
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === "'") {
      i = skipQuoted(sql, i, "'");
      previousSignificant = "'";
    } else if (c === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      i = end < 0 ? sql.length : end + tag.length;
      previousSignificant = '$';
    } else if (c === '"') {
      const end = skipQuoted(sql, i, '"');
      found.push({ text: sql.slice(i + 1, end - 1).replace(/""/g, '"'), index: i, quoted: true, qualified: previousSignificant === '.' });
      i = end;
      previousSignificant = '"';
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const match = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(sql.slice(i, i + 256))!;
      // E'…' is an escaped string literal, not the identifier E.
      if ((match[0] === 'E' || match[0] === 'e') && sql[i + 1] === "'") { i = skipQuoted(sql, i + 1, "'"); continue; }
      found.push({ text: match[0], index: i, quoted: false, qualified: previousSignificant === '.' });
      i += match[0].length;
      previousSignificant = 'a';
    } else {
      if (!/\s/.test(c)) previousSignificant = c;
      i += 1;
    }
  }
  return found;
}

/** 1-based line and column of a 0-based offset. */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
