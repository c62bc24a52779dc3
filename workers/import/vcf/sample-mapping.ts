import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { PmwError } from '../../engine/errors.js';

export interface SampleLink {
  sample: string;
  personId: bigint;
}

/** What a mapping file says for the samples of one VCF. */
export interface SampleLinks {
  links: SampleLink[];
  /** Samples named in the file that the VCF does not have. */
  unknownSamples: string[];
}

function mappingError(path: string, line: number, message: string, hint: string): PmwError {
  return new PmwError({ code: 'FILE_FORMAT', message: `line ${line} of ${basename(path)}: ${message}`, hint, file: path, line });
}

/**
 * Reads a sample mapping file (docs/vcf.md): a header naming `sample` and `person_id` (any case, any
 * other columns ignored), comma or tab separated, then one sample per line.
 */
export async function readSampleMapping(path: string, vcfSamples: readonly string[]): Promise<SampleLinks> {
  const absolute = resolve(path);
  const text = await readFile(absolute, 'utf8').catch(() => {
    throw new PmwError({ code: 'FILE_NOT_FOUND', message: `the sample mapping file ${absolute} does not exist`, hint: 'check the path of --samples', file: absolute });
  });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines[0] ?? '';
  const delimiter = headerLine.includes('\t') ? '\t' : ',';
  const header = headerLine.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  const sampleAt = header.indexOf('sample');
  const personAt = header.indexOf('person_id');
  if (sampleAt < 0 || personAt < 0) {
    throw mappingError(absolute, 1, `the header must name the columns sample and person_id, not ${JSON.stringify(headerLine.slice(0, 80))}`,
      'write a first line "sample<TAB>person_id" (or comma separated), then one sample per line');
  }
  const known = new Set(vcfSamples);
  const seen = new Map<string, number>();
  const links: SampleLink[] = [];
  const unknownSamples: string[] = [];
  lines.slice(1).forEach((line, i) => {
    const lineNo = i + 2;
    if (line.trim() === '') return;
    const fields = line.split(delimiter).map((f) => f.trim().replace(/^"|"$/g, ''));
    const sample = fields[sampleAt] ?? '';
    const person = fields[personAt] ?? '';
    if (sample === '') throw mappingError(absolute, lineNo, 'has no sample id', 'every line needs a sample id and a person_id');
    if (!/^-?\d+$/.test(person)) throw mappingError(absolute, lineNo, `person_id ${JSON.stringify(person)} of sample ${sample} is not a whole number`, 'person_id is the OMOP person_id, a whole number');
    const first = seen.get(sample);
    if (first !== undefined) throw mappingError(absolute, lineNo, `sample ${sample} is mapped again (first on line ${first})`, 'map each sample to one person');
    seen.set(sample, lineNo);
    if (known.has(sample)) links.push({ sample, personId: BigInt(person) });
    else unknownSamples.push(sample);
  });
  return { links, unknownSamples };
}
