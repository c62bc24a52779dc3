import { headerLineWarnings } from './header-checks.js';
import { vcfFormatError } from './vcf-errors.js';

export type FieldType = 'Integer' | 'Float' | 'Flag' | 'String' | 'Character';

/** An `##INFO` or `##FORMAT` declaration. `number` is as written: `1`, `A`, `R`, `G`, `.`, `0`, `2`… */
export interface FieldDeclaration {
  id: string;
  number: string;
  type: FieldType;
  description: string;
}

export interface Contig {
  id: string;
  length: number | null;
}

/** What the header lines say, checked and with what had to be repaired listed in `warnings`. */
export interface VcfHeader {
  /** `4.2` from `##fileformat=VCFv4.2`; null when the first line does not declare it. */
  version: string | null;
  /** Every header line as written (the `##` lines and `#CHROM`), in file order. */
  lines: string[];
  info: Map<string, FieldDeclaration>;
  format: Map<string, FieldDeclaration>;
  contigs: Contig[];
  /** Sample names in column order, duplicates renamed (`NA1`, `NA1_2`). */
  samples: string[];
  warnings: string[];
}

const FIXED_COLUMNS = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'];
const FIELD_TYPES: readonly FieldType[] = ['Integer', 'Float', 'Flag', 'String', 'Character'];
const NUMBER_PATTERN = /^(\d+|[ARG.])$/;

/**
 * Reads `key=value` pairs of a structured header line body (`ID=DP,Number=1,Description="a, b"`);
 * quoted values may hold commas and `\"`.
 */
export function parseStructuredFields(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const eq = body.indexOf('=', i);
    if (eq < 0) break;
    const key = body.slice(i, eq).trim();
    let value = '';
    let j = eq + 1;
    if (body[j] === '"') {
      j += 1;
      while (j < body.length && body[j] !== '"') {
        if (body[j] === '\\' && j + 1 < body.length) j += 1;
        value += body[j];
        j += 1;
      }
      j += 1;
      while (j < body.length && body[j] !== ',') j += 1;
    } else {
      const comma = body.indexOf(',', j);
      const end = comma < 0 ? body.length : comma;
      value = body.slice(j, end);
      j = end;
    }
    if (key !== '' && !fields.has(key)) fields.set(key, value);
    i = j + 1;
  }
  return fields;
}

function structuredBody(line: string): string | null {
  const open = line.indexOf('=<');
  if (open < 0 || !line.endsWith('>')) return null;
  return line.slice(open + 2, -1);
}

function fieldDeclaration(line: string, lineNo: number, warnings: string[]): FieldDeclaration | null {
  const section = line.startsWith('##INFO') ? 'INFO' : 'FORMAT';
  const body = structuredBody(line);
  const fields = body === null ? new Map<string, string>() : parseStructuredFields(body);
  const id = fields.get('ID');
  if (!id) {
    warnings.push(`line ${lineNo}: a ##${section} line without an ID was ignored`);
    return null;
  }
  let number = fields.get('Number') ?? '.';
  if (!NUMBER_PATTERN.test(number)) {
    warnings.push(`line ${lineNo}: ##${section} ${id} has Number=${number}, read as Number=.`);
    number = '.';
  }
  let type = fields.get('Type') as FieldType | undefined;
  if (!type || !FIELD_TYPES.includes(type)) {
    warnings.push(`line ${lineNo}: ##${section} ${id} has ${type ? `Type=${type}` : 'no Type'}, read as String`);
    type = 'String';
  }
  if (type === 'Flag' && number !== '0') number = '0';
  return { id, number, type, description: fields.get('Description') ?? '' };
}

function contigOf(line: string): Contig | null {
  const body = structuredBody(line);
  if (body === null) return null;
  const fields = parseStructuredFields(body);
  const id = fields.get('ID');
  if (!id) return null;
  const length = Number(fields.get('length'));
  return { id, length: Number.isFinite(length) && fields.has('length') ? length : null };
}

/** Renames repeated sample names (`A`, `A` → `A`, `A_2`), saying so. */
function uniqueSampleNames(names: string[], warnings: string[]): string[] {
  const seen = new Set<string>();
  const renamed: string[] = [];
  const result = names.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let n = 2;
    while (seen.has(`${name}_${n}`)) n += 1;
    const unique = `${name}_${n}`;
    seen.add(unique);
    renamed.push(`${name} → ${unique}`);
    return unique;
  });
  if (renamed.length > 0) {
    warnings.push(`${renamed.length} repeated sample name${renamed.length === 1 ? ' was' : 's were'} renamed: ${renamed.slice(0, 5).join(', ')}${renamed.length > 5 ? ', …' : ''}`);
  }
  return result;
}

function parseColumnLine(line: string, lineNo: number, fileName: string): string[] {
  const columns = line.split('\t');
  for (let i = 0; i < FIXED_COLUMNS.length; i++) {
    if (columns[i] !== FIXED_COLUMNS[i]) {
      const found = columns.length <= i ? 'ends there' : `has ${JSON.stringify(columns[i]!.slice(0, 40))}`;
      throw vcfFormatError(fileName, lineNo, `the #CHROM line must name the columns ${FIXED_COLUMNS.join(', ')} separated by tabs; column ${i + 1} ${found}`,
        'check that the columns are separated by tabs, not spaces');
    }
  }
  if (columns.length > 8 && columns[8] !== 'FORMAT') {
    throw vcfFormatError(fileName, lineNo, `column 9 of the #CHROM line must be FORMAT, not ${JSON.stringify(columns[8]!.slice(0, 40))}`, 'the sample columns follow a FORMAT column');
  }
  return columns.slice(9);
}

/** Parses the header lines (all `##` lines, then `#CHROM`), numbered from 1. */
export function parseVcfHeader(lines: string[], fileName: string): VcfHeader {
  const warnings: string[] = [];
  const info = new Map<string, FieldDeclaration>();
  const format = new Map<string, FieldDeclaration>();
  const contigs: Contig[] = [];
  const first = /^##fileformat=VCFv(\d+\.\d+)\s*$/.exec(lines[0] ?? '');
  if (!first) {
    if (!(lines[0] ?? '').startsWith('##fileformat=')) warnings.push('line 1 does not declare the VCF version (##fileformat=VCFv4.x); read as VCF 4.2');
    else warnings.push(`line 1 declares ${lines[0]!.slice(13)}, not a VCF 4.x version; read as VCF 4.2`);
  }
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    if (line.startsWith('##INFO=') || line.startsWith('##FORMAT=')) {
      const declaration = fieldDeclaration(line, i + 1, warnings);
      if (!declaration) continue;
      const target = line.startsWith('##INFO=') ? info : format;
      if (target.has(declaration.id)) warnings.push(`line ${i + 1}: ${declaration.id} is declared twice; the first declaration is used`);
      else target.set(declaration.id, declaration);
    } else if (line.startsWith('##contig=')) {
      const contig = contigOf(line);
      if (contig) contigs.push(contig);
    }
  }
  const samples = parseColumnLine(lines[lines.length - 1]!, lines.length, fileName);
  warnings.push(...headerLineWarnings(lines));
  return { version: first ? first[1]! : null, lines, info, format, contigs, samples: uniqueSampleNames(samples, warnings), warnings };
}

/** True when the version has percent-encoded text values (VCF 4.3 and later). */
export function usesPercentEncoding(version: string | null): boolean {
  if (version === null) return false;
  const [major, minor] = version.split('.').map(Number);
  return major! > 4 || (major === 4 && minor! >= 3);
}
