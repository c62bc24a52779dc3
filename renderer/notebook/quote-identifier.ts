/** A SQL identifier in double quotes, inner quotes doubled: the one way names reach the SQL we build. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
