import { describe, expect, it } from 'vitest';
import { defaultDatasetName } from './import-task.js';

const file = (name: string, webkitRelativePath = '') => ({ name, webkitRelativePath });

describe('defaultDatasetName', () => {
  it('leaves one file to the engine, names a picked folder after it, and never after the staging folder', () => {
    expect(defaultDatasetName([file('person.csv')], 'auto')).toBeUndefined();
    expect(defaultDatasetName([file('DEMO24Q1.txt', 'faers/DEMO24Q1.txt'), file('DRUG24Q1.txt', 'faers/DRUG24Q1.txt')], 'auto')).toBe('faers');
    expect(defaultDatasetName([file('a.csv', 'cdm/a.csv'), file('b.csv', 'cdm/sub/b.csv')], 'omop')).toBe('cdm');
    expect(defaultDatasetName([file('DEMO24Q1.txt'), file('DRUG24Q1.txt')], 'faers')).toBe('faers');
    expect(defaultDatasetName([file('a.csv'), file('b.csv')], 'auto')).toBe('upload');
  });
});
