import { describe, expect, it } from 'vitest';
import { cdmTableOfFileName, groupCdmFiles, holdsPersonTable } from './cdm-files.js';

const file = (relativePath: string) => ({ path: `/data/${relativePath}`, relativePath, size: 1, mtimeMs: 0 });

describe('CDM file names', () => {
  it('a CDM table in any case, as CSV, TSV, TXT (gzip or not) or Parquet', () => {
    expect(['PERSON.csv', 'person.parquet', 'Person.tsv', 'DRUG_EXPOSURE.txt.gz', 'sub/concept_ancestor.CSV.GZ'].map(cdmTableOfFileName))
      .toEqual(['person', 'person', 'person', 'drug_exposure', 'concept_ancestor']);
    expect(['persons.csv', 'PERSON.xlsx', 'COHORT_ATTRIBUTE.parquet', 'README.md', 'person'].map(cdmTableOfFileName)).toEqual([null, null, null, null, null]);
    expect(holdsPersonTable(['a/README.md', 'a/PERSON.csv'])).toBe(true);
    expect(holdsPersonTable(['persons.csv'])).toBe(false);
  });

  it('groups a folder by table, lists other table files as skipped (not READMEs), refuses two files for one table', () => {
    const set = groupCdmFiles([file('PERSON.csv'), file('README.md'), file('x_extra.csv'), file('vocab/CONCEPT.csv')], 'cdm', '/data');
    expect([...set.files.keys()]).toEqual(['person', 'concept']);
    expect(set.skipped).toEqual(['x_extra.csv']);
    expect(() => groupCdmFiles([file('PERSON.csv'), file('old/person.parquet')], 'cdm', '/data'))
      .toThrow('cdm holds two files for the person table: PERSON.csv and old/person.parquet');
  });
});
