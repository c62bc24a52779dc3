import type { FieldDeclaration, FieldType } from './vcf-header.js';

/** How one INFO key becomes a column of `variant` (docs/vcf.md). */
export interface InfoColumn {
  key: string;
  /** `info_` + the key folded to a plain identifier (`AF.EUR` → `info_af_eur`). */
  column: string;
  type: FieldType;
  /** As declared: `1`, `A`, `R`, `G`, `.`, `0` or a count. */
  number: string;
  /** A list per row (Number=R, G, `.` or more than one value) rather than one value. */
  list: boolean;
  sqlType: string;
}

const BASE_SQL_TYPE: Record<FieldType, string> = {
  Integer: 'INTEGER', Float: 'DOUBLE', Flag: 'BOOLEAN', String: 'VARCHAR', Character: 'VARCHAR',
};

/** A value per ALT row: Number=1 and Number=A are single values, Flag a BOOLEAN, the rest lists. */
function isList(declaration: FieldDeclaration): boolean {
  if (declaration.type === 'Flag') return false;
  return declaration.number !== '1' && declaration.number !== 'A';
}

/** `info_` + a lower-case identifier; a key folding onto a taken name gets `_2`, `_3`. */
export function infoColumnName(key: string, taken: Set<string>): string {
  const folded = key.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
  let name = `info_${folded}`;
  for (let n = 2; taken.has(name); n++) name = `info_${folded}_${n}`;
  taken.add(name);
  return name;
}

/** Columns for the declared INFO keys, in header order, avoiding the fixed columns of `variant`. */
export function planInfoColumns(declarations: Iterable<FieldDeclaration>, fixedColumns: readonly string[]): InfoColumn[] {
  const taken = new Set(fixedColumns);
  return [...declarations].map((declaration) => {
    const list = isList(declaration);
    const base = BASE_SQL_TYPE[declaration.type];
    return {
      key: declaration.id, column: infoColumnName(declaration.id, taken), type: declaration.type, number: declaration.number,
      list, sqlType: list ? `${base}[]` : base,
    };
  });
}
