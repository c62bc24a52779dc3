import { describe, expect, it } from 'vitest';
import { classifyFaersPath, looksLikeFaers } from './faers-file-names.js';

describe('FAERS file names', () => {
  it('recognises quarterly files in any case, with FDA’s _new re-issues', () => {
    expect(classifyFaersPath('ascii/DEMO24Q1.txt')).toEqual({ role: 'quarter-file', table: 'DEMO', quarter: '2024Q1' });
    expect(classifyFaersPath('ASCII/drug12q4.TXT')).toEqual({ role: 'quarter-file', table: 'DRUG', quarter: '2012Q4' });
    expect(classifyFaersPath('DEMO18Q1_new.txt')).toEqual({ role: 'quarter-file', table: 'DEMO', quarter: '2018Q1' });
    expect(classifyFaersPath('x/y/INDI04Q3.TXT')).toEqual({ role: 'quarter-file', table: 'INDI', quarter: '2004Q3' });
  });

  it('recognises deleted-case lists by folder or name, and nothing else', () => {
    expect(classifyFaersPath('Deleted/DELETED_CASES.txt')).toEqual({ role: 'deleted-cases' });
    expect(classifyFaersPath('faers/deleted/anything.TXT')).toEqual({ role: 'deleted-cases' });
    expect(classifyFaersPath('DELE24Q1.txt')).toEqual({ role: 'deleted-cases' });
    for (const other of ['README.doc', 'ASC_NTS.pdf', 'DEMO24Q5.txt', 'DEMO2024Q1.txt', 'SIZE24Q1.TXT', 'Deleted/notes.pdf']) {
      expect(classifyFaersPath(other)).toBeNull();
    }
  });

  it('calls a set of paths FAERS when it has a DEMO, DRUG or REAC file', () => {
    expect(looksLikeFaers(['a/REAC24Q1.txt'])).toBe(true);
    expect(looksLikeFaers(['OUTC24Q1.txt', 'Deleted/DELE24Q1.txt', 'caers.csv'])).toBe(false);
  });
});
