import { describe, expect, it } from 'vitest';
import { PmwError } from '../workers/engine/errors.js';
import { describeFailure } from './report-error.js';
import { UsageError } from './usage-error.js';

describe('describeFailure', () => {
  it('prints a PmwError as message — hint, exit 1', () => {
    const error = new PmwError({ code: 'QUERY_ERROR', message: 'Binder Error: x (SQL line 2, column 3)', hint: 'fix the SQL', line: 2, column: 3 });
    expect(describeFailure(error, {})).toEqual({ exitCode: 1, text: 'pmw: Binder Error: x (SQL line 2, column 3) — fix the SQL\n' });
  });

  it('prints usage errors with the help to read, exit 2', () => {
    expect(describeFailure(new UsageError('unknown option --x', 'query'), {})).toEqual({ exitCode: 2, text: 'pmw: unknown option --x — see pmw query --help\n' });
  });

  it('keeps a crash to one line unless PMW_DEBUG=1', () => {
    const crash = new TypeError('cannot read properties of undefined\n  more detail');
    const quiet = describeFailure(crash, {});
    expect(quiet.exitCode).toBe(1);
    expect(quiet.text.trimEnd().split('\n')).toHaveLength(1);
    expect(quiet.text).toMatch(/^pmw: cannot read properties of undefined more detail \(an internal error; PMW_DEBUG=1/);
    expect(describeFailure(crash, { PMW_DEBUG: '1' }).text).toContain('TypeError');
  });
});
