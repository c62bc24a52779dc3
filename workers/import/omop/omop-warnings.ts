import type { CdmTableRead } from './cdm-table-sql.js';
import { KNOWN_VERSIONS, type CdmVersion } from './cdm-version.js';

const LISTED = 10;

function listed(names: string[]): string {
  return names.length > LISTED ? `${names.slice(0, LISTED).join(', ')}, … (${names.length - LISTED} more)` : names.join(', ');
}

/** Files in the folder that are not CDM tables: never read, so a stray file can neither break nor join the dataset. */
export function skippedFilesWarning(skipped: string[]): string | null {
  if (skipped.length === 0) return null;
  return `${skipped.length} file${skipped.length === 1 ? ' is' : 's are'} not OMOP CDM tables and ${skipped.length === 1 ? 'was' : 'were'} not read: ${listed(skipped)} (skippedFiles)`;
}

/** Columns a CDM file has beyond the CDM's own: kept, as text, after the CDM columns. */
export function extraColumnsWarning(reads: CdmTableRead[]): string | null {
  const extras = reads.filter((r) => r.extras.length > 0).map((r) => `${r.table.name} (${r.extras.map((e) => e.as).join(', ')})`);
  if (extras.length === 0) return null;
  return `columns that are not OMOP CDM columns were kept after the CDM columns${reads.some((r) => r.scanned.source.format === 'csv' && r.extras.length > 0) ? ' (as text when read from CSV)' : ''}: ${listed(extras)}`;
}

export function versionWarning(version: CdmVersion): string | null {
  if (version.version === null) {
    return 'the CDM version could not be told (no cdm_source.cdm_version, and no column that differs between 5.3 and 5.4): the tables have the 5.4 shape (cdmVersion 0)';
  }
  if (!KNOWN_VERSIONS.includes(version.version)) {
    return `cdm_source says CDM ${version.evidence}; pmw knows 5.3 and 5.4, and read the tables into the 5.4 shape (columns it does not know kept after the CDM columns)`;
  }
  return null;
}
