/**
 * Case/control status per VCF sample from a phenotype file (docs/vcf.md): tab- or comma-separated, an
 * optional header line, sample id then status. Status is `case`/`control`, `1`/`0`, or PLINK's `2`/`1`
 * (a file holding any `2` is read in PLINK's coding, where `0` is unknown too); `-9`, `NA` and empty are
 * unknown.
 */
import { readFile } from 'node:fs/promises';
import { PmwError } from '../../engine/errors.js';
import { CASE, CONTROL } from './count-calls.js';
import type { SamplePhenotype } from './phenotype.js';

type Status = typeof CASE | typeof CONTROL | 0;

const UNKNOWN = new Set(['-9', 'na', '']);
const WORDS: Record<string, Status> = { case: CASE, control: CONTROL };

interface Line {
  number: number;
  sample: string;
  value: string;
}

export async function readPhenotypeFile(path: string, samples: string[]): Promise<SamplePhenotype> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new PmwError({
      code: error.code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'BAD_REQUEST',
      message: `cannot read the phenotype file ${path}: ${error.message}`,
      file: path,
    });
  });
  const lines = parseLines(text, path);
  const plinkCoding = lines.some((l) => l.value === '2');
  const statusOf = (line: Line): Status => {
    if (line.value in WORDS) return WORDS[line.value]!;
    if (UNKNOWN.has(line.value)) return 0;
    if (plinkCoding) return line.value === '2' ? CASE : line.value === '1' ? CONTROL : 0;
    return line.value === '1' ? CASE : CONTROL;
  };
  return assign(lines, statusOf, samples, path, plinkCoding);
}

function parseLines(text: string, path: string): Line[] {
  const lines: Line[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    if (line.trim() === '') continue;
    const fields = line.split(line.includes('\t') ? '\t' : ',').map((f) => f.trim());
    if (fields.length !== 2) {
      throw new PmwError({
        code: 'FILE_FORMAT', file: path, line: i + 1,
        message: `line ${i + 1} of ${path} has ${fields.length} field${fields.length === 1 ? '' : 's'}; a phenotype file has two: sample id and status`,
        hint: 'write one sample a line as "sample<TAB>status" (case/control, 1/0 or PLINK 2/1; -9 or NA when unknown)',
      });
    }
    const value = fields[1]!.toLowerCase();
    if (!isStatus(value)) {
      if (lines.length === 0 && i === firstLineIndex(raw)) continue; // a header
      throw new PmwError({
        code: 'FILE_FORMAT', file: path, line: i + 1,
        message: `line ${i + 1} of ${path}: "${fields[1]}" is not a case/control status`,
        hint: 'use case/control, 1/0, or PLINK\'s 2/1; -9, NA or an empty field mean unknown',
      });
    }
    lines.push({ number: i + 1, sample: fields[0]!, value });
  }
  return lines;
}

function isStatus(value: string): boolean {
  return value in WORDS || UNKNOWN.has(value) || value === '0' || value === '1' || value === '2';
}

function firstLineIndex(raw: string[]): number {
  return raw.findIndex((l) => l.trim() !== '');
}

function assign(lines: Line[], statusOf: (l: Line) => Status, samples: string[], path: string, plinkCoding: boolean): SamplePhenotype {
  const bySample = new Map<string, { status: Status; line: number }>();
  for (const line of lines) {
    const status = statusOf(line);
    const earlier = bySample.get(line.sample);
    if (earlier && earlier.status !== status) {
      throw new PmwError({
        code: 'FILE_FORMAT', file: path, line: line.number,
        message: `line ${line.number} of ${path} gives ${line.sample} another status than line ${earlier.line}`,
        hint: 'give each sample one status',
      });
    }
    bySample.set(line.sample, { status, line: line.number });
  }
  const status = new Uint8Array(samples.length);
  const inVcf = new Set<string>();
  samples.forEach((sample, i) => {
    status[i] = bySample.get(sample)?.status ?? 0;
    inVcf.add(sample);
  });
  const warnings: string[] = [];
  if (plinkCoding) warnings.push(`${path} is read in PLINK's coding (2 = case, 1 = control, 0 and -9 unknown) because it holds a 2`);
  const strangers = [...bySample.keys()].filter((s) => !inVcf.has(s));
  if (strangers.length) {
    warnings.push(`${strangers.length.toLocaleString('en-US')} sample${strangers.length === 1 ? '' : 's'} of ${path} ${strangers.length === 1 ? 'is' : 'are'} not in the VCF (${strangers.slice(0, 3).join(', ')}${strangers.length > 3 ? ', …' : ''})`);
  }
  return summarizePhenotype(status, warnings);
}

/** Counts and the standard warning of samples left out, for a status array however it was made. */
export function summarizePhenotype(status: Uint8Array, warnings: string[]): SamplePhenotype {
  let cases = 0;
  let controls = 0;
  for (const s of status) {
    if (s === CASE) cases++;
    else if (s === CONTROL) controls++;
  }
  const withoutPhenotype = status.length - cases - controls;
  if (withoutPhenotype > 0) {
    warnings.push(`${withoutPhenotype.toLocaleString('en-US')} of ${status.length.toLocaleString('en-US')} samples have no case/control status and are left out`);
  }
  return { status, cases, controls, withoutPhenotype, warnings };
}
