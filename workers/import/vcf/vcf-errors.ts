import { basename } from 'node:path';
import { PmwError } from '../../engine/errors.js';

/** `line 12 of x.vcf: …` — a problem in the file's content, with where it is and what to do. */
export function vcfFormatError(path: string, line: number | null, message: string, hint: string): PmwError {
  const where = line === null ? basename(path) : `line ${line.toLocaleString('en-US')} of ${basename(path)}`;
  return new PmwError({ code: 'FILE_FORMAT', message: `${where}: ${message}`, hint, file: path, ...(line === null ? {} : { line }) });
}

/** A problem found while parsing a data line, before its absolute line number is known. */
export interface LineProblem {
  /** 0-based index of the line among the lines handed to the parser. */
  lineIndex: number;
  message: string;
  hint: string;
}

/** Thrown by the line parser; turned into a PmwError once the line's number in the file is known. */
export class VcfLineError extends Error {
  constructor(readonly problem: Omit<LineProblem, 'lineIndex'>) {
    super(problem.message);
  }
}
