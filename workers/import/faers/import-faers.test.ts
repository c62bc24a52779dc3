import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { pageRows } from '../../../test/helpers/page-rows.js';
import { workspaceSnapshot } from '../../../test/helpers/workspace-snapshot.js';
import type { Progress } from '../../engine/api.js';
import { WorkspaceEngine } from '../../engine/engine.js';
import { copySampleQuarters, SAMPLE_FAERS, writeFiles } from './testing/faers-fixture.js';
import { writeZip, type ZipEntrySpec } from './testing/write-zip.js';

/** The generator's own account of the committed quarters (samples/README.md, "Planted effects" 3). */
const manifest = JSON.parse(readFileSync(new URL('../../../samples/small/manifest.json', import.meta.url), 'utf8'));
const truth = manifest.realized.faers as {
  reports: number; cases: number; supersededVersions: number; crossQuarterVersions: number; casesWhereRulesDisagree: number;
  signalDeduplicated: { a: number; b: number; c: number; d: number };
};

const rows = pageRows;

describe('FAERS import of the bundled quarters', () => {
  const temp = useTempDir();
  let engine: WorkspaceEngine;

  beforeEach(async () => {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(join(temp(), 'ws.duckdb'));
  });
  afterEach(async () => engine.close());

  const scalar = async (sql: string) => Number(rows(await engine.query(sql))[0]![0]);

  it('a folder: FDA deduplication gives the documented counts, in the canonical tables', async () => {
    const progress: Progress[] = [];
    const result = await engine.importFile({ path: SAMPLE_FAERS }, (p) => progress.push(p));
    expect(result.dataset).toMatchObject({ name: 'faers', kind: 'faers', rows: truth.cases });
    expect(result.counts).toMatchObject({
      quarters: 2, files: 8,
      versionsRead: truth.reports, versionsDropped: truth.supersededVersions, reports: truth.cases,
      versionsInLaterQuarter: truth.crossQuarterVersions, casesWhereRulesDisagree: truth.casesWhereRulesDisagree,
      deletedCases: 0, orphanDrugRows: 0, orphanEventRows: 0, skippedLines: 0,
    });
    expect(result.warnings).toEqual([]);
    expect(result.dataset.tables.map((t) => t.table)).toEqual([
      'faers.pv_report', 'faers.pv_drug', 'faers.pv_event', 'faers.pv_outcome', 'faers.pv_indication', 'faers.pv_therapy', 'faers.pv_report_source',
    ]);
    const columns = Object.fromEntries(result.dataset.tables.map((t) => [t.table, t.columns.map((c) => `${c.name} ${c.type}`).join(', ')]));
    expect(columns['faers.pv_report']).toBe(
      'report_id BIGINT, case_id BIGINT, version INTEGER, sex VARCHAR, age_years DOUBLE, age_band VARCHAR, country VARCHAR, ' +
      'occurrence_country VARCHAR, event_date DATE, event_date_raw VARCHAR, received_date DATE, initial_received_date DATE, ' +
      'quarter VARCHAR, first_quarter VARCHAR, year INTEGER, reporter_type VARCHAR, report_type VARCHAR');
    expect(columns['faers.pv_drug']).toBe('report_id BIGINT, seq INTEGER, role VARCHAR, drug VARCHAR, ingredient VARCHAR');
    expect(columns['faers.pv_event']).toBe('report_id BIGINT, pt VARCHAR');
    expect(columns['faers.pv_outcome']).toBe('report_id BIGINT, outcome VARCHAR');
    expect(columns['faers.pv_indication']).toBe('report_id BIGINT, seq INTEGER, pt VARCHAR');
    expect(columns['faers.pv_therapy']).toBe('report_id BIGINT, seq INTEGER, start_date DATE, end_date DATE');
    expect(columns['faers.pv_report_source']).toBe('report_id BIGINT, source VARCHAR');
    expect(result.dataset.tables[1]!.rows).toBe(result.counts!.drugRows);
    expect(result.dataset.tables[2]!.rows).toBe(result.counts!.eventRows);

    // One row per case, and only rows of kept reports in the other tables.
    expect(await scalar('SELECT count(DISTINCT case_id) FROM faers.pv_report')).toBe(truth.cases);
    expect(await scalar('SELECT count(*) FROM faers.pv_drug WHERE report_id NOT IN (SELECT report_id FROM faers.pv_report)')).toBe(0);
    // Progress names each file as it is read.
    const reading = progress.filter((p) => p.phase === 'reading').map((p) => p.message);
    for (const table of ['DEMO', 'DRUG', 'REAC', 'OUTC']) {
      for (const quarter of ['24Q1', '24Q2']) expect(reading.some((m) => m.includes(`${table}${quarter}.txt`))).toBe(true);
    }
    expect(reading).toContain('reading DEMO24Q2.txt (5 of 8)');
  });

  it('recovers the planted 2×2 table of the diclofenac signal from the canonical tables', async () => {
    await engine.importFile({ path: SAMPLE_FAERS });
    const [a, b, c, d] = rows(await engine.query(`
      WITH exposed AS (SELECT DISTINCT report_id FROM faers.pv_drug WHERE role = 'PS' AND ingredient LIKE 'DICLOFENAC%'),
           bleed AS (SELECT DISTINCT report_id FROM faers.pv_event WHERE pt = 'Gastrointestinal haemorrhage')
      SELECT count(*) FILTER (WHERE e AND o), count(*) FILTER (WHERE e AND NOT o), count(*) FILTER (WHERE NOT e AND o), count(*) FILTER (WHERE NOT e AND NOT o)
      FROM (SELECT report_id, report_id IN (SELECT * FROM exposed) AS e, report_id IN (SELECT * FROM bleed) AS o FROM faers.pv_report)`))[0]!.map(Number);
    expect({ a, b, c, d }).toEqual(truth.signalDeduplicated);
  });

  it('keeps raw text, converts ages and full dates, and leaves partial dates NULL', async () => {
    await engine.importFile({ path: SAMPLE_FAERS });
    // Latin-1 bytes (0xE9) decoded, names as reported.
    expect(await scalar("SELECT count(*) FROM faers.pv_drug WHERE drug = 'Diclofénac sodique'")).toBeGreaterThan(0);
    expect(await scalar("SELECT count(*) FROM faers.pv_drug WHERE ingredient = 'SACUBITRIL\\VALSARTAN'")).toBeGreaterThan(0);
    expect(await scalar('SELECT count(*) FROM faers.pv_report WHERE age_years < 0 OR age_years > 120')).toBe(0);
    expect(await scalar("SELECT count(*) FROM faers.pv_report WHERE age_band NOT IN ('0-17', '18-44', '45-64', '65-74', '75+')")).toBe(0);
    expect(await scalar('SELECT count(*) FROM faers.pv_report WHERE length(event_date_raw) < 8 AND event_date IS NOT NULL')).toBe(0);
    expect(await scalar('SELECT count(*) FROM faers.pv_report WHERE length(event_date_raw) = 8 AND event_date IS NULL')).toBe(0);
    expect(await scalar("SELECT count(*) FROM faers.pv_report WHERE quarter NOT IN ('2024Q1', '2024Q2') OR year <> 2024")).toBe(0);
    expect(await scalar('SELECT count(*) FROM faers.pv_report WHERE received_date IS NULL')).toBe(0);
    // CRLF line ends: the last field of a line carries no carriage return.
    expect(await scalar("SELECT count(*) FROM faers.pv_outcome WHERE outcome NOT IN ('DE', 'LT', 'HO', 'DS', 'CA', 'RI', 'OT')")).toBe(0);
    expect(await scalar('SELECT count(*) FROM faers.pv_report WHERE contains(occurrence_country, chr(13))')).toBe(0);
  });

  it('the caseversion rule keeps the same cases but a different version of exactly the documented number', async () => {
    const fda = await engine.importFile({ path: SAMPLE_FAERS, name: 'by_fda' });
    const byVersion = await engine.importFile({ path: SAMPLE_FAERS, name: 'by_version', faers: { dedup: 'caseversion' }, onDuplicate: 'import' });
    expect(byVersion.sameContentAs).toEqual([fda.dataset.id]);
    expect(byVersion.counts).toMatchObject({ reports: truth.cases, versionsDropped: truth.supersededVersions });
    expect(await scalar(`SELECT count(*) FROM by_fda.pv_report f JOIN by_version.pv_report v USING (case_id) WHERE f.report_id <> v.report_id`))
      .toBe(truth.casesWhereRulesDisagree);
    expect(await scalar(`SELECT count(*) FROM by_fda.pv_report f JOIN by_version.pv_report v USING (case_id) WHERE v.version < f.version`)).toBe(0);
  });

  it('counts rule disagreements the same way under either rule, reports the counting step, and stores reports by id', async () => {
    const progress: Progress[] = [];
    const result = await engine.importFile({ path: SAMPLE_FAERS, faers: { dedup: 'caseversion' } }, (p) => progress.push(p));
    expect(result.counts).toMatchObject({ casesWhereRulesDisagree: truth.casesWhereRulesDisagree, versionsInLaterQuarter: truth.crossQuarterVersions });
    const steps = [...new Set(progress.filter((p) => p.phase === 'finishing').map((p) => p.message))];
    expect(steps.slice(-3)).toEqual(['building pv_report_source', 'counting versions, rows and orphans', 'recording faers in the catalog']);
    const ids = rows(await engine.query('SELECT report_id FROM faers.pv_report', { limit: 100_000 })).map((r) => BigInt(String(r[0])));
    expect(ids.length).toBe(truth.cases);
    expect(ids.every((id, i) => i === 0 || ids[i - 1]! <= id)).toBe(true);
  });

  it('a zip with nested folders and documents gives the same dataset, hashed over the zip bytes; the temporary folder is removed', async () => {
    const entries: ZipEntrySpec[] = readdirSync(SAMPLE_FAERS).map((name) => ({
      name: `${name.includes('Q1') ? 'faers_ascii_2024Q1/ascii' : 'faers_ascii_2024q2/ASCII'}/${name.includes('DEMO') ? name.toLowerCase() : name}`,
      data: readFileSync(join(SAMPLE_FAERS, name)),
    }));
    entries.push({ name: 'faers_ascii_2024Q1/Readme.pdf', data: '%PDF-1.4 not read' }, { name: 'faers_ascii_2024Q1/ASC_NTS.doc', data: 'x' });
    const zipPath = join(temp(), 'faers_2024.zip');
    const bytes = writeZip(zipPath, entries);
    const leftBefore = readdirSync(tmpdir()).filter((n) => n.startsWith('pmw-faers-'));

    const result = await engine.importFile({ path: zipPath });
    expect(result.dataset).toMatchObject({ name: 'faers_2024', kind: 'faers', rows: truth.cases, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(result.counts).toMatchObject({ versionsRead: truth.reports, versionsDropped: truth.supersededVersions, casesWhereRulesDisagree: truth.casesWhereRulesDisagree });
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('pmw-faers-'))).toEqual(leftBefore);
    const again = await engine.importFile({ path: zipPath });
    expect(again.duplicateOf).toBe(result.dataset.id);
  });

  it("a folder's SHA-256 is the documented digest over relative paths and file hashes; the same bytes are a duplicate", async () => {
    const folder = join(temp(), 'extract');
    copySampleQuarters(folder, 'nested/ascii');
    writeFiles(folder, { 'README.txt': 'not read, not hashed' });
    const lines = readdirSync(join(folder, 'nested/ascii')).sort().map((name) =>
      `nested/ascii/${name}\0${createHash('sha256').update(readFileSync(join(folder, 'nested/ascii', name))).digest('hex')}\n`);
    const expected = createHash('sha256').update(lines.join('')).digest('hex');

    const first = await engine.importFile({ path: folder, kind: 'faers' });
    expect(first.dataset.sha256).toBe(expected);
    expect(first.counts).toMatchObject({ reports: truth.cases, ignoredFiles: 1 });
    const before = await workspaceSnapshot(engine);
    const again = await engine.importFile({ path: folder });
    expect(again.duplicateOf).toBe(first.dataset.id);
    expect(await workspaceSnapshot(engine)).toBe(before);
  });

  it('applies deleted-case lists to every quarter before deduplication', async () => {
    const folder = copySampleQuarters(join(temp(), 'with_deleted'));
    // Two cases: one with versions in both quarters, one with a single version.
    const [spread, single] = rows(await (async () => {
      await engine.importFile({ path: SAMPLE_FAERS, name: 'plain' });
      return engine.query(`SELECT (SELECT case_id FROM plain.pv_report WHERE first_quarter < quarter ORDER BY case_id LIMIT 1),
                                  (SELECT case_id FROM plain.pv_report WHERE version = 1 AND quarter = '2024Q1' ORDER BY case_id LIMIT 1)`);
    })())[0]!.map(String);
    const versionsOf = (caseid: string) => ['DEMO24Q1.txt', 'DEMO24Q2.txt']
      .flatMap((f) => readFileSync(join(SAMPLE_FAERS, f), 'latin1').split('\r\n').slice(1))
      .filter((line) => line.split('$')[1] === caseid).length;
    writeFiles(folder, { 'Deleted/DELE24Q2.txt': `caseid\r\n${spread}\r\n${single}\r\n`, 'faers_ascii_2024Q1/deleted/anything.txt': '' });

    const result = await engine.importFile({ path: folder, name: 'trimmed' });
    expect(result.counts).toMatchObject({
      deletedCaseIdsListed: 2, deletedCases: 2, deletedVersions: versionsOf(spread!) + versionsOf(single!), reports: truth.cases - 2,
    });
    expect(result.warnings).toEqual([]);
    expect(await scalar(`SELECT count(*) FROM trimmed.pv_report WHERE case_id IN (${spread}, ${single})`)).toBe(0);
  });

  it('replaces a dataset of the same name on request, dropping its old tables', async () => {
    await engine.importFile({ path: SAMPLE_FAERS, name: 'faers' });
    const replaced = await engine.importFile({ path: SAMPLE_FAERS, name: 'faers', faers: { dedup: 'caseversion' }, replace: true, onDuplicate: 'import' });
    expect(await engine.datasets()).toEqual([replaced.dataset]);
    expect(await scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'faers'")).toBe(7);
  });

  it('adds _data to a name that would clash with the workspace database name, and says so', async () => {
    const result = await engine.importFile({ path: SAMPLE_FAERS, name: 'ws' });
    expect(result.dataset.name).toBe('ws_data');
    expect(result.warnings?.[0]).toMatch(/named ws_data: ws is the name of the workspace database/);
    expect(await scalar('SELECT count(*) FROM ws_data.pv_report')).toBe(truth.cases);
  });

  it('a cancelled import leaves the workspace as it was', async () => {
    const before = await workspaceSnapshot(engine);
    const running = engine.importFile({ path: SAMPLE_FAERS, taskId: 'faers-import' }, (p) => {
      if (p.phase === 'reading' && /DRUG24Q1/.test(p.message)) void engine.cancel('faers-import');
    });
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await workspaceSnapshot(engine)).toBe(before);
    expect(await scalar("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'faers'")).toBe(0);
  });
});
