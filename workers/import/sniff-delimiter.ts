/** Delimiters we recognise, most common first: comma, tab, semicolon, pipe, and FAERS's dollar sign. */
export const DELIMITER_CANDIDATES = [',', '\t', ';', '|', '$'] as const;
const LINES_TO_READ = 50;

/** Fields on one line for a delimiter, not counting delimiters inside double quotes. */
export function countFields(line: string, delimiter: string): number {
  let fields = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) fields += 1;
  }
  return fields;
}

/**
 * Picks the delimiter from the first lines of a file: the candidate that splits the header into the most
 * fields while giving most later lines the same number. DuckDB's own sniffer can settle on a single
 * column when a few rows are ragged; deciding here and reading strictly makes DuckDB name the bad line.
 */
export function sniffDelimiter(sample: string, fileName: string): string {
  const lines = sample.split(/\r?\n/).filter((l) => l.length > 0).slice(0, LINES_TO_READ);
  const header = lines[0];
  if (header === undefined) return ',';
  const preferred = /\.(tsv|tab)(\.gz)?$/i.test(fileName) ? '\t' : /\.psv(\.gz)?$/i.test(fileName) ? '|' : null;
  let best = { delimiter: preferred ?? ',', score: 0 };
  for (const delimiter of DELIMITER_CANDIDATES) {
    const headerFields = countFields(header, delimiter);
    if (headerFields < 2) continue;
    const rest = lines.slice(1);
    const agreeing = rest.filter((l) => countFields(l, delimiter) === headerFields).length;
    const agreement = rest.length === 0 ? 1 : agreeing / rest.length;
    if (agreement < 0.5) continue;
    const score = headerFields * agreement + (delimiter === preferred ? 0.5 : 0);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
