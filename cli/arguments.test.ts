import { describe, expect, it } from 'vitest';
import { choiceOption, COMMON_OPTIONS, integerOption, parseCommandLine, requirePositionals } from './arguments.js';
import { UsageError } from './usage-error.js';

const options = { ...COMMON_OPTIONS, limit: { type: 'string' }, header: { type: 'boolean' } } as const;

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).describe();
  }
  throw new Error('expected a usage error');
}

describe('parseCommandLine', () => {
  it('parses options, negated booleans and positionals', () => {
    const { values, positionals } = parseCommandLine('query', { args: ['x.csv', '--limit', '5', '--no-header', '--workspace', 'w.duckdb'], options });
    expect(values).toMatchObject({ limit: '5', header: false, workspace: 'w.duckdb' });
    expect(positionals).toEqual(['x.csv']);
  });

  it('turns unknown options and missing values into usage errors that name the command', () => {
    expect(usageMessage(() => parseCommandLine('query', { args: ['--bogus'], options }))).toBe('unknown option --bogus — see pmw query --help');
    expect(usageMessage(() => parseCommandLine('query', { args: ['--limit'], options }))).toBe('option --limit needs a value — see pmw query --help');
    expect(usageMessage(() => parseCommandLine('import', { args: ['--header=yes'], options }))).toBe('option --header takes no value — see pmw import --help');
  });
});

describe('argument checks', () => {
  it('requires the named positionals, no more and no fewer', () => {
    expect(requirePositionals('import', ['a.csv'], ['FILE'])).toEqual(['a.csv']);
    expect(usageMessage(() => requirePositionals('import', [], ['FILE']))).toBe('missing FILE — see pmw import --help');
    expect(usageMessage(() => requirePositionals('catalog', ['x'], []))).toBe('unexpected argument x — see pmw catalog --help');
  });

  it('reads whole numbers within bounds, with digit grouping allowed', () => {
    expect(integerOption('query', 'limit', undefined, 100, 0, 100_000)).toBe(100);
    expect(integerOption('query', 'limit', '10,000', 100, 0, 100_000)).toBe(10_000);
    expect(usageMessage(() => integerOption('query', 'limit', '200000', 100, 0, 100_000))).toMatch(/^--limit must be a whole number from 0 to 100,000, not 200000/);
    expect(() => integerOption('query', 'limit', '1.5', 100, 0, 100_000)).toThrow(UsageError);
    expect(() => integerOption('query', 'limit', '-1', 100, 0, 100_000)).toThrow(UsageError);
  });

  it('accepts one of the listed choices only', () => {
    expect(choiceOption('query', 'format', 'csv', ['table', 'csv'] as const, 'table')).toBe('csv');
    expect(usageMessage(() => choiceOption('query', 'format', 'xml', ['table', 'csv'] as const, 'table'))).toBe('--format must be one of table, csv, not xml — see pmw query --help');
  });
});
