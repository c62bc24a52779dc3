/** The seven files of a FAERS quarterly ASCII extract, by the prefix of their names. */
export const FAERS_TABLES = ['DEMO', 'DRUG', 'REAC', 'OUTC', 'RPSR', 'THER', 'INDI'] as const;
export type FaersTable = (typeof FAERS_TABLES)[number];

/** Every quarter needs these; the others may be missing (then their canonical tables get no rows from it). */
export const REQUIRED_FAERS_TABLES: readonly FaersTable[] = ['DEMO', 'DRUG', 'REAC'];

export type FaersFileRole =
  | { role: 'quarter-file'; table: FaersTable; quarter: string }
  | { role: 'deleted-cases' };

// DEMO24Q1.txt, drug12q4.TXT, and FDA's re-issued DEMO18Q1_new.txt.
const QUARTER_FILE = /^(DEMO|DRUG|REAC|OUTC|RPSR|THER|INDI)(\d{2})Q([1-4])(?:_new)?\.txt$/i;
const DELETED_FILE = /^DELE.*\.txt$/i;

/**
 * What a file inside a FAERS folder or zip is, from its path (`/`-separated, relative): a quarterly table
 * file, a list of deleted case ids (any `.txt` under a `Deleted/` folder, or named `DELE….txt`), or
 * nothing we read (README, ASC_NTS, PDFs…).
 */
export function classifyFaersPath(relativePath: string): FaersFileRole | null {
  const parts = relativePath.split('/');
  const fileName = parts.at(-1) ?? '';
  const quarterFile = QUARTER_FILE.exec(fileName);
  if (quarterFile) {
    const [, table, yy, q] = quarterFile;
    return { role: 'quarter-file', table: table!.toUpperCase() as FaersTable, quarter: `20${yy}Q${q}` };
  }
  const inDeletedFolder = parts.slice(0, -1).some((folder) => folder.toLowerCase() === 'deleted');
  if (/\.txt$/i.test(fileName) && (inDeletedFolder || DELETED_FILE.test(fileName))) return { role: 'deleted-cases' };
  return null;
}

/** True when a list of paths holds at least one DEMO, DRUG or REAC quarter file: enough to call it FAERS. */
export function looksLikeFaers(relativePaths: Iterable<string>): boolean {
  for (const path of relativePaths) {
    const role = classifyFaersPath(path);
    if (role?.role === 'quarter-file' && REQUIRED_FAERS_TABLES.includes(role.table)) return true;
  }
  return false;
}
