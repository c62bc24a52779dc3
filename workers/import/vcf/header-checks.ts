/**
 * Checks of the header lines against the VCF specification (4.1–4.5) that do not stop an import: each
 * finding is a warning naming the line. bcftools, the reference tool, reads such files too
 * (shared/reference/vcf-notes.md §11); the warnings say what a stricter tool would refuse.
 */

/** Reserved INFO keys and the Number and Type the specification gives them (VCF 4.3 §1.6.1, table 1). */
const RESERVED_INFO: Record<string, [string, string]> = {
  AA: ['1', 'String'], AC: ['A', 'Integer'], AD: ['R', 'Integer'], ADF: ['R', 'Integer'], ADR: ['R', 'Integer'], AF: ['A', 'Float'],
  AN: ['1', 'Integer'], BQ: ['1', 'Float'], CIGAR: ['A', 'String'], DB: ['0', 'Flag'], DP: ['1', 'Integer'], END: ['1', 'Integer'],
  H2: ['0', 'Flag'], H3: ['0', 'Flag'], MQ: ['1', ''], MQ0: ['1', 'Integer'], NS: ['1', 'Integer'], SB: ['4', 'Integer'],
  SOMATIC: ['0', 'Flag'], VALIDATED: ['0', 'Flag'], '1000G': ['0', 'Flag'],
};

/** Reserved FORMAT keys (VCF 4.3 §1.6.2, table 2; GLE from 4.1/4.2). */
const RESERVED_FORMAT: Record<string, [string, string]> = {
  AD: ['R', 'Integer'], ADF: ['R', 'Integer'], ADR: ['R', 'Integer'], DP: ['1', 'Integer'], EC: ['A', 'Integer'], FT: ['1', 'String'],
  GL: ['G', 'Float'], GLE: ['G', 'String'], GP: ['G', 'Float'], GQ: ['1', 'Integer'], GT: ['1', 'String'], HQ: ['2', 'Integer'],
  MQ: ['1', 'Integer'], PL: ['G', 'Integer'], PP: ['G', 'Integer'], PQ: ['1', 'Integer'], PS: ['1', 'Integer'],
};

const NUMBER = /^(\d+|[ARG.])$/;
const TYPES = ['Integer', 'Float', 'Flag', 'String', 'Character'];
const RESERVED_ALT_PREFIXES = ['DEL', 'INS', 'DUP', 'INV', 'CNV'];
/** Contig names (VCF 4.3 §1.4.7), without `*` (the conformance suite refuses `1.*`). */
const CONTIG_ID = /^[0-9A-Za-z!#$%&+./:;?@^_|~-][0-9A-Za-z!#$%&+./:;=?@^_|~-]*$/;
const PLAIN_ID = /^[^\s,<>*]+$/;

/** One structured header line's fields in order, and whether its quoting was sound. */
interface Structured {
  keys: string[];
  values: Map<string, string>;
  quoted: Set<string>;
  problem: string | null;
}

/** Reads `<ID=x,Description="…">` strictly: every item key=value, quotes closed and followed by `,` or the end. */
function readStructured(body: string): Structured {
  const keys: string[] = [];
  const values = new Map<string, string>();
  const quoted = new Set<string>();
  let i = 0;
  while (i < body.length) {
    const eq = body.indexOf('=', i);
    const comma = body.indexOf(',', i);
    if (eq < 0 || (comma >= 0 && comma < eq)) return { keys, values, quoted, problem: `${JSON.stringify(body.slice(i, comma < 0 ? undefined : comma))} is not key=value` };
    const key = body.slice(i, eq);
    let j = eq + 1;
    let value = '';
    if (body[j] === '"') {
      j++;
      while (j < body.length && body[j] !== '"') {
        if (body[j] === '\\') j++;
        value += body[j] ?? '';
        j++;
      }
      if (j >= body.length) return { keys, values, quoted, problem: `the quoted value of ${key} is not closed` };
      j++;
      if (j < body.length && body[j] !== ',') return { keys, values, quoted, problem: `the value of ${key} has a quote inside it that is not escaped (\\")` };
      quoted.add(key);
    } else {
      const end = body.indexOf(',', j);
      value = body.slice(j, end < 0 ? body.length : end);
      j = end < 0 ? body.length : end;
      if (value.includes('"')) return { keys, values, quoted, problem: `the value of ${key} holds a quote but is not quoted` };
    }
    keys.push(key);
    values.set(key, value);
    i = j + 1;
  }
  return { keys, values, quoted, problem: null };
}

function startsWith(keys: string[], expected: string[]): boolean {
  return expected.every((k, i) => keys[i] === k);
}

function checkField(section: 'INFO' | 'FORMAT', line: Structured, problems: string[]): void {
  const id = line.values.get('ID') ?? '';
  if (!startsWith(line.keys, ['ID', 'Number', 'Type', 'Description'])) problems.push(`${section} ${id}: the fields must start ID, Number, Type, Description in that order`);
  if (line.values.has('Description') && !line.quoted.has('Description')) problems.push(`${section} ${id}: Description must be in double quotes`);
  const number = line.values.get('Number') ?? '';
  const type = line.values.get('Type') ?? '';
  const reserved = (section === 'INFO' ? RESERVED_INFO : RESERVED_FORMAT)[id];
  if (reserved && NUMBER.test(number) && number !== reserved[0]) problems.push(`${section} ${id} is reserved with Number=${reserved[0]}, declared Number=${number}`);
  if (reserved && reserved[1] && TYPES.includes(type) && type !== reserved[1]) problems.push(`${section} ${id} is reserved with Type=${reserved[1]}, declared Type=${type}`);
}

function isUrl(text: string): boolean {
  try {
    const url = new URL(text);
    if (url.protocol === 'file:') return true;
    return /^(https?|ftp):$/.test(url.protocol) && /[a-z]/i.test(url.hostname);
  } catch {
    return false;
  }
}

function checkAlt(line: Structured, problems: string[]): void {
  const id = line.values.get('ID') ?? '';
  if (!startsWith(line.keys, ['ID', 'Description'])) problems.push(`ALT ${id}: the fields must start ID, Description in that order`);
  if (line.values.has('Description') && !line.quoted.has('Description')) problems.push(`ALT ${id}: Description must be in double quotes`);
  if (/[\s,<>]/.test(id)) problems.push(`ALT ID ${JSON.stringify(id)} holds whitespace, a comma or an angle bracket`);
  const prefix = RESERVED_ALT_PREFIXES.find((p) => id.startsWith(p));
  if (prefix && id.length > prefix.length && id[prefix.length] !== ':') problems.push(`ALT ID ${id} starts with ${prefix} but is not ${prefix} or ${prefix}:…`);
  if (!prefix && id.includes(':')) problems.push(`ALT ID ${id} has subtypes (:) but does not start with one of ${RESERVED_ALT_PREFIXES.join(', ')}`);
  const number = line.values.get('Number');
  if (number !== undefined && !NUMBER.test(number)) problems.push(`ALT ${id}: Number=${number} is not a VCF Number`);
  const type = line.values.get('Type');
  if (type !== undefined && !TYPES.includes(type)) problems.push(`ALT ${id}: Type=${type} is not a VCF Type`);
}

function checkMeta(line: Structured, problems: string[]): void {
  const id = line.values.get('ID') ?? '';
  if (line.keys[0] !== 'ID') problems.push('META: ID must come first');
  const number = line.values.get('Number');
  if (number !== undefined && !NUMBER.test(number)) problems.push(`META ${id}: Number=${number} is not a VCF Number`);
  const type = line.values.get('Type');
  if (type !== undefined && !TYPES.includes(type)) problems.push(`META ${id}: Type=${type} is not a VCF Type`);
  const values = line.values.get('Values');
  if (values !== undefined && !/^\[.*\]$/.test(values)) problems.push(`META ${id}: Values must be in square brackets`);
}

function checkSample(line: Structured, problems: string[]): void {
  const id = line.values.get('ID');
  if (!id) problems.push('SAMPLE without an ID');
  else if (!PLAIN_ID.test(id) || line.keys.some((k) => k.includes(' '))) problems.push(`SAMPLE ID ${JSON.stringify(id)} holds whitespace, a comma or another character IDs may not hold`);
  for (const key of line.quoted) if (key !== 'Description') problems.push(`SAMPLE ${id ?? ''}: ${key} is quoted; only Description may be`);
  const genomes = line.values.get('Genomes');
  if (line.values.has('Mixture') && genomes === undefined) problems.push(`SAMPLE ${id ?? ''}: Mixture without Genomes`);
  if (genomes !== undefined && genomes.split(';').some((g) => !/^[A-Za-z0-9_.-]+$/.test(g))) problems.push(`SAMPLE ${id ?? ''}: Genomes ${JSON.stringify(genomes)} holds whitespace or punctuation genome IDs may not hold`);
}

function checkPedigree(line: Structured, problems: string[]): void {
  if (!line.values.has('ID') && !line.keys.some((k) => /^Name_\d+$/.test(k))) problems.push('PEDIGREE without an ID');
  for (const [key, value] of line.values) {
    if (key !== 'ID' && /[\s:]/.test(value)) problems.push(`PEDIGREE ${key}=${JSON.stringify(value)} holds whitespace or a colon`);
  }
}

/** Header keys whose `<…>` value the specification defines as key=value fields. */
const STRUCTURED_KEYS = new Set(['INFO', 'FORMAT', 'FILTER', 'ALT', 'contig', 'SAMPLE', 'PEDIGREE', 'META']);

function checkStructured(key: string, body: string, problems: string[]): void {
  if (!STRUCTURED_KEYS.has(key)) return;
  const line = readStructured(body);
  if (line.problem) {
    problems.push(`${key}: ${line.problem}`);
    return;
  }
  if (key === 'INFO' || key === 'FORMAT') checkField(key, line, problems);
  else if (key === 'ALT') checkAlt(line, problems);
  else if (key === 'META') checkMeta(line, problems);
  else if (key === 'SAMPLE') checkSample(line, problems);
  else if (key === 'PEDIGREE') checkPedigree(line, problems);
  else if (key === 'contig') {
    const id = line.values.get('ID');
    if (!id) problems.push('contig without an ID');
    else if (!CONTIG_ID.test(id)) problems.push(`contig ID ${JSON.stringify(id)} holds a character contig names may not hold (whitespace, comma, …)`);
    const url = line.values.get('URL');
    if (url !== undefined && !isUrl(url)) problems.push(`contig ${id ?? ''}: URL ${JSON.stringify(url)} is not a valid URL`);
  }
}

/** Warnings about the `##` lines and the `#CHROM` line, each naming its line. */
export function headerLineWarnings(lines: readonly string[]): string[] {
  const warnings: string[] = [];
  lines.forEach((line, index) => {
    if (index === 0 && line.startsWith('##fileformat=')) return;
    const at = `line ${index + 1}`;
    if (line.startsWith('#CHROM')) {
      const columns = line.split('\t');
      if (columns.length === 9) warnings.push(`${at}: the #CHROM line has a FORMAT column but no sample columns`);
      return;
    }
    const eq = line.indexOf('=');
    if (eq < 0) {
      warnings.push(`${at}: header line ${JSON.stringify(line.slice(0, 40))} is not ##key=value; kept in vcf_header`);
      return;
    }
    const key = line.slice(2, eq);
    const value = line.slice(eq + 1);
    const problems: string[] = [];
    if (value === '' || value === '<>') problems.push(`${key} has an empty value`);
    else if (key === 'assembly' || key === 'pedigreeDB') {
      const url = value.startsWith('<') && value.endsWith('>') ? value.slice(1, -1) : value;
      if (!isUrl(url)) problems.push(`${key} ${JSON.stringify(url)} is not a valid URL`);
    } else if (value.startsWith('<') && value.endsWith('>')) checkStructured(key, value.slice(1, -1), problems);
    else if (value.startsWith('<')) problems.push(`${key}: a value starting with < must end with >`);
    for (const problem of problems) warnings.push(`${at}: ${problem}`);
  });
  return warnings;
}
