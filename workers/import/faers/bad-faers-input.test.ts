import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, useTempDir } from '../../../test/helpers/temp-dir.js';
import { workspaceSnapshot } from '../../../test/helpers/workspace-snapshot.js';
import { expectImportRefused } from '../../../test/helpers/import-refusal.js';
import { cellValue } from '../../db/columnar.js';
import type { ImportRequest } from '../../engine/api.js';
import { WorkspaceEngine } from '../../engine/engine.js';
import { PmwError } from '../../engine/errors.js';
import { copySampleQuarters, demoRow, drugRow, faersText, HEADERS, reacRow, SAMPLE_FAERS, writeFiles } from './testing/faers-fixture.js';
import { writeZip } from './testing/write-zip.js';

const CASES = 5358;

/** Issue 3, item 7: bad FAERS input, each either refused with a typed error or imported with counts. */
describe('FAERS import: bad input', () => {
  const temp = useTempDir();
  let engine: WorkspaceEngine;
  let before: string;

  beforeEach(async () => {
    engine = new WorkspaceEngine();
    await engine.openWorkspace(join(temp(), 'ws.duckdb'));
    await engine.importFile({ path: join(FIXTURES, 'caers.csv') }); // the failure must not touch what is there
    before = await workspaceSnapshot(engine);
  });
  afterEach(async () => engine.close());

  const sampleCopy = (name = 'quarters') => copySampleQuarters(join(temp(), name));
  const lines = (file: string) => readFileSync(join(SAMPLE_FAERS, file), 'latin1').split('\r\n').filter((l) => l !== '');

  async function expectRefused(req: ImportRequest, expected: Partial<PmwError>): Promise<PmwError> {
    const error = await expectImportRefused(engine, before, req, expected);
    const schemas = await engine.query("SELECT count(*) FROM duckdb_schemas() WHERE NOT internal AND schema_name <> 'main'");
    expect(Number(cellValue(schemas.columns[0]!, 0))).toBe(0);
    return error;
  }

  it('a quarter missing REAC is refused, naming the quarter and the file', async () => {
    const folder = sampleCopy();
    rmSync(join(folder, 'REAC24Q2.txt'));
    const error = await expectRefused({ path: folder }, { code: 'FILE_NOT_FOUND', file: folder });
    expect(error.message).toBe('quarter 2024Q2 in quarters has DEMO24Q2.txt, DRUG24Q2.txt, OUTC24Q2.txt but no REAC24Q2.txt');
  });

  it('DRUG rows whose primaryid has no DEMO row are imported without them, counted as orphans', async () => {
    const folder = sampleCopy();
    const orphans = [drugRow(999_000_011, 1, 'PS', 'ASPIRIN', 'ASPIRIN'), drugRow(999_000_011, 2, 'C', 'OMEPRAZOLE', 'OMEPRAZOLE'), drugRow(999_000_021, 1, 'PS', 'X')];
    writeFileSync(join(folder, 'DRUG24Q1.txt'), faersText(HEADERS.DRUG, [...lines('DRUG24Q1.txt').slice(1), ...orphans]));
    writeFileSync(join(folder, 'REAC24Q2.txt'), faersText(HEADERS.REAC, [...lines('REAC24Q2.txt').slice(1), reacRow(999_000_031, 'Nausea')]));
    const result = await engine.importFile({ path: folder });
    expect(result.counts).toMatchObject({ reports: CASES, orphanDrugRows: 3, orphanEventRows: 1 });
    expect(result.warnings).toEqual([
      '3 DRUG rows name a primaryid with no DEMO row in the same quarter; left out (orphanDrugRows)',
      '1 REAC row names a primaryid with no DEMO row in the same quarter; left out (orphanEventRows)',
    ]);
    const page = await engine.query('SELECT count(*) FROM quarters.pv_drug WHERE report_id >= 999000000');
    expect(Number(cellValue(page.columns[0]!, 0))).toBe(0);
  });

  it('an extra trailing $ on every line is tolerated; an extra $ inside a line skips that line, naming it', async () => {
    const folder = sampleCopy();
    const drug = lines('DRUG24Q1.txt');
    writeFileSync(join(folder, 'DRUG24Q1.txt'), Buffer.from(drug.map((l) => `${l}$\r\n`).join(''), 'latin1'));
    const reference = await engine.importFile({ path: SAMPLE_FAERS, name: 'reference' });
    const tolerant = await engine.importFile({ path: folder, name: 'tolerant' });
    expect(tolerant.counts).toMatchObject({ drugRows: reference.counts!.drugRows, skippedLines: 0 });
    expect(tolerant.warnings).toEqual([]);

    // Break the first PS row of a report that deduplication keeps, so the loss shows in pv_drug.
    const kept = await engine.query(
      "SELECT min(report_id) FROM reference.pv_drug WHERE role = 'PS' AND report_id IN (SELECT report_id FROM reference.pv_report WHERE quarter = '2024Q1')");
    const keptId = String(cellValue(kept.columns[0]!, 0));
    const index = drug.findIndex((l) => l.startsWith(`${keptId}$`) && l.split('$')[3] === 'PS');
    const broken = [...drug];
    broken[index] = broken[index]!.replace('$PS$', '$PS$EXTRA$');
    writeFileSync(join(folder, 'DRUG24Q1.txt'), faersText(broken[0]!, broken.slice(1)));
    const skipped = await engine.importFile({ path: folder, name: 'skipped' });
    expect(skipped.counts).toMatchObject({ drugRows: reference.counts!.drugRows! - 1, skippedLines: 1 });
    expect(skipped.warnings).toEqual([`line ${index + 1} of DRUG24Q1.txt has 21 fields, the header has 20 (a "$" inside a value?); the line was skipped`]);
  });

  it('a line broken in two and a primaryid that is not a number are skipped with their line numbers', async () => {
    const folder = sampleCopy();
    const reac = lines('REAC24Q1.txt');
    const [head, tail] = [reac[50]!.slice(0, 12), reac[50]!.slice(12)];
    const edited = [...reac.slice(0, 50), head, tail, ...reac.slice(51)];
    edited[200] = `x${edited[200]}`;
    writeFileSync(join(folder, 'REAC24Q1.txt'), faersText(edited[0]!, edited.slice(1)));
    const result = await engine.importFile({ path: folder });
    expect(result.counts!.skippedLines).toBe(3);
    expect(result.warnings).toEqual([
      'line 51 of REAC24Q1.txt has 2 fields, the header has 4 (a line broken in two?); it and 2 other lines of that file were skipped',
    ]);
  });

  it('a zip with nested folders and names in any case imports like the folder', async () => {
    const names = ['DEMO24Q1.txt', 'DRUG24Q1.txt', 'REAC24Q1.txt'];
    const zipPath = join(temp(), 'deep.zip');
    writeZip(zipPath, names.map((name, i) => ({ name: `a/b${i}/C/${i === 0 ? name.toLowerCase() : name.replace('.txt', '.TXT')}`, data: readFileSync(join(SAMPLE_FAERS, name)) })));
    const result = await engine.importFile({ path: zipPath });
    expect(result.dataset.kind).toBe('faers');
    expect(result.counts).toMatchObject({ quarters: 1, versionsRead: lines('DEMO24Q1.txt').length - 1, skippedLines: 0 });
  });

  it('an empty quarter (header lines only) imports with a warning', async () => {
    const folder = sampleCopy();
    writeFiles(folder, { 'DEMO24Q3.txt': faersText(HEADERS.DEMO, []), 'DRUG24Q3.txt': faersText(HEADERS.DRUG, []), 'REAC24Q3.txt': faersText(HEADERS.REAC, []) });
    const result = await engine.importFile({ path: folder });
    expect(result.counts).toMatchObject({ quarters: 3, reports: CASES });
    expect(result.warnings).toEqual(['quarter 2024Q3 is empty: its files (DEMO24Q3.txt, DRUG24Q3.txt, REAC24Q3.txt) hold only a header line, so it adds no reports']);
  });

  it('a folder whose only quarter is empty is refused: there is nothing to import', async () => {
    const folder = writeFiles(join(temp(), 'nothing'), { 'DEMO24Q3.txt': faersText(HEADERS.DEMO, []), 'DRUG24Q3.txt': faersText(HEADERS.DRUG, []), 'REAC24Q3.txt': faersText(HEADERS.REAC, []) });
    const error = await expectRefused({ path: folder }, { code: 'FILE_EMPTY' });
    expect(error.message).toBe('nothing holds no reports to import: its DEMO files hold no rows');
  });

  it('mixed LAERS and FAERS quarters are refused, naming both', async () => {
    const folder = sampleCopy();
    writeFiles(folder, {
      'laers/DEMO12Q3.TXT': 'ISR$CASE$I_F_COD$FOLL_SEQ$IMAGE$EVENT_DT$MFR_DT$FDA_DT$REPT_COD$MFR_NUM$MFR_SNDR$AGE$AGE_COD$GNDR_COD$E_SUB$WT$WT_COD$REPT_DT$OCCP_COD$DEATH_DT$TO_MFR$CONFID$REPORTER_COUNTRY\r\n',
      'laers/DRUG12Q3.TXT': 'ISR$DRUG_SEQ$ROLE_COD$DRUGNAME$VAL_VBM$ROUTE$DOSE_VBM$DECHAL$RECHAL$LOT_NUM$EXP_DT$NDA_NUM\r\n',
      'laers/REAC12Q3.TXT': 'ISR$PT\r\n',
    });
    const error = await expectRefused({ path: folder }, { code: 'FILE_FORMAT' });
    expect(error.message).toBe('laers/DEMO12Q3.TXT is a legacy AERS (LAERS) file: it has ISR and CASE columns instead of primaryid and caseid; ' +
      'quarters mixes LAERS quarters (2012Q3) with FAERS quarters (2024Q1, 2024Q2)');
  });

  it('a zip entry with ../ is refused before anything is written', async () => {
    const zipPath = join(temp(), 'evil.zip');
    writeZip(zipPath, [
      { name: 'DEMO24Q1.txt', data: readFileSync(join(SAMPLE_FAERS, 'DEMO24Q1.txt')) },
      { name: '../../escaped-DRUG24Q1.txt', data: 'gotcha' },
    ]);
    const error = await expectRefused({ path: zipPath, kind: 'faers' }, { code: 'FILE_COMPRESSION', file: zipPath });
    expect(error.message).toBe('evil.zip holds an entry that points outside the archive (../../escaped-DRUG24Q1.txt)');
    expect(existsSync(join(temp(), '..', 'escaped-DRUG24Q1.txt'))).toBe(false);
  });

  it('a truncated zip is refused', async () => {
    const zipPath = join(temp(), 'cut.zip');
    const bytes = writeZip(zipPath, ['DEMO24Q1.txt', 'DRUG24Q1.txt', 'REAC24Q1.txt'].map((name) => ({ name, data: readFileSync(join(SAMPLE_FAERS, name)) })));
    writeFileSync(zipPath, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const error = await expectRefused({ path: zipPath, kind: 'faers' }, { code: 'FILE_COMPRESSION' });
    expect(error.message).toMatch(/^cut\.zip is not a complete zip archive/);
  });

  it('two DEMO files for one quarter, a 0-byte file, a missing column, and no FAERS files at all', async () => {
    const twice = sampleCopy('twice');
    writeFiles(twice, { 'copy/demo24q1.txt': readFileSync(join(SAMPLE_FAERS, 'DEMO24Q1.txt')) });
    const error = await expectRefused({ path: twice }, { code: 'FILE_FORMAT' });
    expect(error.message).toBe('twice holds two DEMO files for 2024Q1: DEMO24Q1.txt and copy/demo24q1.txt');

    const empty = sampleCopy('zero');
    writeFileSync(join(empty, 'REAC24Q1.txt'), '');
    await expectRefused({ path: empty }, { code: 'FILE_EMPTY', file: join(empty, 'REAC24Q1.txt') });

    const noPt = sampleCopy('no_pt');
    writeFileSync(join(noPt, 'REAC24Q2.txt'), faersText('primaryid$caseid$reaction', ['1$1$Nausea']));
    const missing = await expectRefused({ path: noPt }, { code: 'FILE_FORMAT', line: 1 });
    expect(missing.message).toBe('REAC24Q2.txt has no pt column (its header line has: primaryid, caseid, reaction)');

    const unrelated = writeFiles(join(temp(), 'unrelated'), { 'notes.txt': 'hello' });
    await expectRefused({ path: unrelated, kind: 'faers' }, { code: 'FILE_NOT_FOUND' });
    await expectRefused({ path: unrelated }, { code: 'BAD_REQUEST' });
  });

  it('a file changed while the quarters are read fails the import', async () => {
    const folder = sampleCopy();
    let changed = false;
    const error = await engine.importFile({ path: folder }, (p) => {
      if (p.phase === 'reading' && !changed) { changed = true; writeFileSync(join(folder, 'OUTC24Q2.txt'), '200954022$20095402$DE\r\n', { flag: 'a' }); }
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_CHANGED', message: 'OUTC24Q2.txt was changed while it was being imported' });
    expect(await workspaceSnapshot(engine)).toBe(before);
  });

  it('a small hand-made quarter: upper-case 2013-style headers, ages by unit, partial dates, INDI, THER and RPSR', async () => {
    const folder = writeFiles(join(temp(), 'hand'), {
      'INDI24Q1.txt': faersText('PRIMARYID$CASEID$INDI_DRUG_SEQ$INDI_PT', ['11$1$1$Pyrexia', '21$2$1$Pain', '99$9$1$Orphan']),
      'THER24Q1.txt': faersText('primaryid$caseid$dsg_drug_seq$start_dt$end_dt$dur$dur_cod', ['11$1$1$20231201$202401$$', '31$3$1$$20240101$3$DAY']),
      'RPSR24Q1.txt': faersText('primaryid$caseid$rpsr_cod', ['41$4$CSM']),
      'DEMO24Q1.txt': faersText(HEADERS.DEMO.toUpperCase().replace('$SEX$', '$GNDR_COD$'), [
        demoRow({ primaryid: 11, caseid: 1, version: 1, fdaDate: '20240105', sex: 'F', age: '5', ageCode: 'DEC', eventDate: '2023' }),
        demoRow({ primaryid: 21, caseid: 2, version: 1, fdaDate: '20240106', sex: 'F', age: '18', ageCode: 'MON', eventDate: '202312' }),
        demoRow({ primaryid: 31, caseid: 3, version: 1, fdaDate: '20240107', sex: 'F', age: '130', ageCode: 'YR', eventDate: '20231231' }),
        demoRow({ primaryid: 41, caseid: 4, version: 1, fdaDate: '20240108', sex: 'F', age: '36', ageCode: '' }),
      ]),
      'DRUG24Q1.txt': faersText(HEADERS.DRUG, [11, 21, 31, 41].map((id) => drugRow(id, 1, 'PS', 'Paracétamol', 'ACETAMINOPHEN'))),
      'REAC24Q1.txt': faersText(HEADERS.REAC, [11, 21, 31, 41].map((id) => reacRow(id, 'Pyrexia'))),
    });
    const result = await engine.importFile({ path: folder });
    expect(result.counts).toMatchObject({
      reports: 4, implausibleAges: 1, agesWithoutUnit: 1, partialEventDates: 2, indicationRows: 2, therapyRows: 2, reportSourceRows: 1, orphanIndicationRows: 1,
    });
    const therapy = await engine.query('SELECT report_id, seq, start_date, end_date FROM hand.pv_therapy ORDER BY report_id');
    expect(Array.from({ length: therapy.rowCount }, (_, i) => therapy.columns.map((c) => cellValue(c, i)))).toEqual([
      [11n, 1, '2023-12-01', null], [31n, 1, null, '2024-01-01'],
    ]);
    const sexes = await engine.query("SELECT count(*) FROM hand.pv_report WHERE sex = 'F'");
    expect(Number(cellValue(sexes.columns[0]!, 0))).toBe(4);
    const page = await engine.query('SELECT report_id, age_years, age_band, event_date, event_date_raw FROM hand.pv_report ORDER BY report_id');
    const table = Array.from({ length: page.rowCount }, (_, i) => page.columns.map((c) => cellValue(c, i)));
    expect(table).toEqual([
      [11n, 50, '45-64', null, '2023'],
      [21n, 1.5, '0-17', null, '202312'],
      [31n, null, null, '2023-12-31', '20231231'],
      [41n, null, null, null, null],
    ]);
  });
});
