import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceEngine } from '../workers/engine/engine.js';
import { runShell } from './shell.js';
import { capturedIo } from './testing/captured-io.js';

describe('runShell', () => {
  let engine: WorkspaceEngine;

  beforeEach(async () => {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(':memory:');
    await engine.importFile({ path: 'test/fixtures/caers.csv' });
  });

  afterEach(async () => {
    await engine.close();
  });

  it('runs statements ended by ; (across lines) and prints them as tables', async () => {
    const io = capturedIo('select count(distinct id)\n  as reports from caers;\n.quit\n');
    await runShell(engine, io);
    expect(io.stdoutText()).toMatch(/reports\n-------\n   3356\n1 row\n/);
  });

  it('prints an error as one line and keeps going', async () => {
    const io = capturedIo('select nope from caers;\nselect 42 as answer;\n');
    await runShell(engine, io);
    const text = io.stdoutText();
    expect(text).toMatch(/error: Binder Error: Referenced column "nope" not found.*\(SQL line 1, column 8\) — fix the SQL/);
    expect(text).toMatch(/answer\n------\n    42\n/);
  });

  it('answers .tables, .schema and .help, and says so for unknown dot commands', async () => {
    const io = capturedIo('.tables\n.schema caers\n.help\n.frob\n');
    await runShell(engine, io);
    const text = io.stdoutText();
    expect(text).toMatch(/caers\s+table\s+20,156\s+4/);
    expect(text).toMatch(/strat1\s+VARCHAR/);
    expect(text).toContain('.quit');
    expect(text).toContain('unknown command .frob');
  });

  it('stops at .quit without running what follows', async () => {
    const io = capturedIo('.quit\nselect 1 as never;\n');
    await runShell(engine, io);
    expect(io.stdoutText()).not.toContain('never');
  });

  it('shows only the first page and says more rows exist', async () => {
    const io = capturedIo('select * from caers;\n');
    await runShell(engine, io);
    expect(io.stdoutText()).toContain('100 rows shown; more exist');
  });
});
