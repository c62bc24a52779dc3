/**
 * The notebook view end to end: `pmw serve --samples` and Debian's Chromium (Playwright). Opens the app,
 * imports a file, runs each bundled notebook and checks its numbers against independent references, brushes a
 * plot, cancels a long query while watching the UI thread, and switches language. Screenshots go to
 * test-results/e2e/.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAfter, gridRows, gridTotal, namedCell, openNotebook, runAll, shownNumber, watchLongTasks } from './page-helpers.js';
import { chromiumMissing, REPO_ROOT, serveApp, type ServedApp } from './serve-app.js';

const skipReason = chromiumMissing();
if (skipReason) console.warn(skipReason);

describe.skipIf(skipReason !== null)('the notebook view in Chromium against pmw serve', () => {
  let app: ServedApp;

  beforeAll(async () => {
    app = await serveApp();
    await app.page.goto(app.url);
    await app.page.getByTestId('dataset-browser').waitFor();
  }, 240_000);

  afterAll(async () => { await app?.stop(); });

  it('opens on the bundled samples', async () => {
    const page = app.page;
    // The token in the address became a cookie and the page moved to the clean address.
    expect(page.url()).toBe(`${app.origin}/`);
    for (const name of ['omop', 'faers', 'vcf', 'gibleed']) {
      await page.locator(`[data-testid=dataset-item][data-dataset="${name}"]`).waitFor();
    }
    const notebooks = await page.getByTestId('notebook-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-path') ?? ''));
    expect(notebooks.map((p) => p.split('/').at(-1)).sort()).toEqual(['adr-signal-screen.md', 'cohort-basics.md', 'genotype-association.md']);
    await app.screenshot('01-opened');
  });

  it('imports a file picked in the browser, with progress, into the catalog', async () => {
    const page = app.page;
    const csv = join(app.dir, 'visits.csv');
    const lines = ['visit_id,person_id,visit_date,cost'];
    for (let i = 1; i <= 2500; i++) lines.push(`${i},${(i % 97) + 1},2024-0${(i % 9) + 1}-1${i % 10},${(i * 7) % 1000}.5`);
    await writeFile(csv, lines.join('\n') + '\n');
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-input').setInputFiles(csv);
    await page.getByTestId('import-name').fill('visits_upload');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    const item = page.locator('[data-testid=dataset-item][data-dataset="visits_upload"]');
    await item.waitFor();
    // 2,500 data lines written above.
    expect(await item.textContent()).toContain('2,500');
    await app.screenshot('02-imported');
  });

  it('imports identifiable data: the import panel names the identifier columns, masked; the Quality and Privacy dialogs open', async () => {
    const page = app.page;
    // test/fixtures/privacy-import/patients.csv: 40 synthetic patients with names, resident ID numbers, phones, e-mails.
    const fixture = join(REPO_ROOT, 'test/fixtures/privacy-import/patients.csv');
    const text = await readFile(fixture, 'utf8');
    // The panel may still be open from the previous import; the button toggles it.
    if (!(await page.getByTestId('import-name').isVisible())) await page.getByTestId('import-open').click();
    await page.getByTestId('import-input').setInputFiles(fixture);
    await page.getByTestId('import-name').fill('patients_upload');
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid=import-privacy-column][data-verdict=identifier]').first().waitFor({ timeout: 60_000 });
    const flagged = await page.locator('[data-testid=import-privacy-column][data-verdict=identifier]').evaluateAll((els) => els.map((e) => e.getAttribute('data-column')));
    expect(flagged.sort()).toEqual(['email', 'phone', '姓名', '身份证号'].map((c) => `patients_upload.${c}`).sort());
    // Masked: no ID number, phone or e-mail of the file appears whole on the page.
    const shown = (await page.getByTestId('import-privacy').textContent()) ?? '';
    const values = text.trim().split('\n').slice(1).flatMap((line) => line.split(',').slice(2, 5));
    expect(values.filter((v) => shown.includes(v))).toEqual([]);
    await page.getByTestId('import-quality').waitFor();
    await app.screenshot('02b-identifiers-found');

    const item = page.locator('[data-testid=dataset-item][data-dataset="patients_upload"]');
    await item.evaluate((details) => { (details as HTMLDetailsElement).open = true; });
    await item.getByTestId('dataset-quality').click();
    const qualityDialog = item.locator('[data-testid=dataset-report-dialog][data-report=quality]');
    const report = qualityDialog.getByTestId('quality-report');
    await report.waitFor({ timeout: 60_000 });
    const checks = await report.locator('[data-testid=quality-check]').count();
    expect(Number(await report.getAttribute('data-passed')) + Number(await report.getAttribute('data-failed'))).toBe(checks);
    await qualityDialog.getByTestId('dataset-report-close').click();
    await item.getByTestId('dataset-privacy').first().click();
    const privacyDialog = item.locator('[data-testid=dataset-report-dialog][data-report=privacy]');
    const scan = privacyDialog.getByTestId('privacy-scan');
    await scan.waitFor({ timeout: 60_000 });
    expect(Number(await scan.getAttribute('data-identifiers'))).toBe(4);
    await privacyDialog.getByTestId('dataset-report-close').click();
  });

  it('runs cohort-basics: the published Eunomia cohort sizes and the drug users per decade', async () => {
    const page = app.page;
    await openNotebook(page, 'cohort-basics.md');
    await runAll(page);
    // Eunomia's createCohorts() (OHDSI Eunomia R package, GiBleed): celecoxib 1,844, diclofenac 850, GI bleed 479
    // persons at entry; the first GI bleed cohort has no further rules.
    const attrition = async (name: string): Promise<string> => (await (await namedCell(page, name)).getByTestId('cohort-attrition').textContent()) ?? '';
    expect(await attrition('celecoxib')).toContain('1,844');
    expect(await attrition('diclofenac')).toContain('850');
    expect(await attrition('gi_bleed')).toContain('479');

    // The users per ingredient and decade, computed here by DuckDB straight from the bundled Parquet files.
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const dir = join(REPO_ROOT, 'samples', 'gibleed');
    const expected = (await connection.runAndReadAll(`
      select c.concept_name as ingredient, concat((year(de.drug_exposure_start_date) // 10) * 10, 's') as decade, count(distinct de.person_id)::INTEGER as persons
      from read_parquet('${dir}/DRUG_EXPOSURE.parquet') de
      join read_parquet('${dir}/CONCEPT_ANCESTOR.parquet') ca on ca.descendant_concept_id = de.drug_concept_id
      join read_parquet('${dir}/CONCEPT.parquet') c on c.concept_id = ca.ancestor_concept_id
      where ca.ancestor_concept_id in (1118084, 1124300) group by all order by decade, ingredient`)).getRowObjectsJS();
    connection.closeSync();
    const users = (await namedCell(page, 'users')).getByTestId('result-grid');
    expect(await gridTotal(users)).toBe(expected.length);
    const shown = (await gridRows(users)).map((r) => ({ ingredient: r.ingredient, decade: r.decade, persons: shownNumber(r.persons ?? '') }));
    expect(shown).toEqual(expected.slice(0, shown.length));

    // Both plots drawn: the bars (one rect per ingredient and decade) and the Kaplan–Meier steps (a path per cohort).
    const bars = page.locator('[data-testid=cell][data-kind=plot]').nth(0).locator('[data-testid=plot-svg]');
    expect(await bars.locator('rect').count()).toBeGreaterThanOrEqual(expected.length);
    const km = await cellAfter(page, 'km', 'plot');
    expect(await km.locator('[data-testid=plot-svg] path[d]').count()).toBeGreaterThanOrEqual(2);
    await app.screenshot('03-cohort-basics');

    // Export report: the same self-contained HTML as pmw run, from the results on screen.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
    expect(download.suggestedFilename()).toBe('cohort-basics.html');
    const report = await readFile(await download.path(), 'utf8');
    expect(report.match(/<svg/g)?.length).toBeGreaterThanOrEqual(2);
    expect(report).toContain('class="provenance"');
    expect(report).toContain(expected.length > 0 ? 'gibleed' : 'never');
    expect(report).not.toMatch(/https?:\/\//);
  });

  it('queries a table from the dataset browser into a new SQL cell', async () => {
    const page = app.page;
    const item = page.locator('[data-testid=dataset-item][data-dataset="gibleed"]');
    await item.locator('summary').first().click();
    const table = item.locator('[data-testid=dataset-table][data-table="gibleed.person"]');
    await table.getByTestId('query-table').click();
    const cell = page.locator('[data-testid=cell]').last();
    const grid = cell.getByTestId('result-grid');
    await grid.waitFor({ timeout: 30_000 });
    // Persons in the bundled PERSON.parquet, counted by DuckDB straight from the file.
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const persons = Number((await connection.runAndReadAll(`select count(*) from read_parquet('${join(REPO_ROOT, 'samples/gibleed/PERSON.parquet')}')`)).getRowsJS()[0]![0]);
    connection.closeSync();
    await expect.poll(() => gridTotal(grid), { timeout: 30_000 }).toBe(persons);
  });

  it('runs adr-signal-screen; brushing the volcano plot filters the table that reads it', async () => {
    const page = app.page;
    await openNotebook(page, 'adr-signal-screen.md');
    await runAll(page);
    const picked = await namedCell(page, 'picked');
    const table = (await cellAfter(page, 'picked', 'sql')).getByTestId('result-grid');
    const all = await gridTotal(table);
    const volcano = (await namedCell(page, 'volcano')).getByTestId('result-grid');
    // With nothing brushed the plot's relation is every point of the volcano.
    expect(all).toBe(await gridTotal(volcano));
    expect(all).toBeGreaterThan(10);

    await picked.getByTestId('plot-svg').scrollIntoViewIfNeeded();
    const box = (await picked.getByTestId('plot-svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.05);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.97, box.y + box.height * 0.9, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => gridTotal(table), { timeout: 30_000 }).toBeLessThan(all);
    const brushed = await gridTotal(table);
    expect(brushed).toBeGreaterThan(0);
    await app.screenshot('04-adr-brushed');
    await picked.getByTestId('plot-brush-clear').click();
    await expect.poll(() => gridTotal(table), { timeout: 30_000 }).toBe(all);

    const trend = await cellAfter(page, 'over_time', 'plot');
    expect(await trend.locator('[data-testid=plot-svg] circle').count()).toBeGreaterThan(0);
  });

  it('runs genotype-association: the top variant and its χ² as PLINK 1.9 computes them', async () => {
    const page = app.page;
    await openNotebook(page, 'genotype-association.md');
    await runAll(page);
    // test/e2e/reference/genotype-association.sh: plink1.9 --assoc on the same VCF and phenotype.
    const plink = (await readFile(join(REPO_ROOT, 'test/e2e/reference/genotype-association.assoc'), 'utf8'))
      .trim().split('\n').slice(1).map((line) => line.trim().split(/\s+/))
      .filter((f) => f[8] !== 'NA').map((f) => ({ pos: Number(f[2]), chisq: Number(f[7]), p: Number(f[8]), or: Number(f[9]) }))
      .sort((a, b) => a.p - b.p);
    const top = plink[0]!;
    // One row per ALT allele: multi-allelic records are split (counted here from the VCF text itself).
    const vcf = await readFile(join(REPO_ROOT, 'samples/small/vcf/cohort.vcf'), 'utf8');
    const alleles = vcf.split('\n').filter((l) => l && !l.startsWith('#')).reduce((sum, l) => sum + l.split('\t')[4]!.split(',').length, 0);
    const grid = (await namedCell(page, 'assoc')).getByTestId('result-grid');
    expect(await gridTotal(grid)).toBe(alleles);
    const first = (await gridRows(grid))[0]!;
    expect(shownNumber(first.pos ?? '')).toBe(top.pos);
    // PLINK prints 4 significant digits.
    expect(shownNumber(first.chisq ?? '')).toBeCloseTo(top.chisq, 2);
    expect(Number(shownNumber(first.p_chisq ?? '').toPrecision(4))).toBe(top.p);
    expect(Number(shownNumber(first.or ?? '').toPrecision(4))).toBe(top.or);
    // Manhattan and QQ plots: one dot per variant with a p-value shown (the rows of the cells they plot). Variants
    // with 1–4 alternate alleles in a group have their statistics hidden by the workspace's minimum cell count (5),
    // so fewer than PLINK's; test/renderer/bundled-notebooks.test.ts checks they are exactly the hidden ones.
    const tested = await gridTotal((await namedCell(page, 'manhattan')).getByTestId('result-grid'));
    expect(tested).toBeGreaterThan(0);
    expect(tested).toBeLessThanOrEqual(plink.length);
    const manhattan = await cellAfter(page, 'manhattan', 'plot');
    const qq = await cellAfter(page, 'qq', 'plot');
    expect(await manhattan.locator('[data-testid=plot-svg] circle').count()).toBe(tested);
    expect(await qq.locator('[data-testid=plot-svg] circle').count()).toBe(tested);
    await app.screenshot('05-genotype-association');
  });

  it('cancels a long query while the UI thread stays free (no long task over 100 ms)', async () => {
    const page = app.page;
    await openNotebook(page, 'cohort-basics.md');
    await page.getByTestId('add-cell-kind').selectOption('sql');
    await page.getByTestId('add-cell').click();
    const cell = page.locator('[data-testid=cell]').last();
    const editor = cell.locator('[data-testid=cell-editor] .cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('select sum(a.range * b.range) from range(1000000) a, range(1000000) b');
    const longTasks = await watchLongTasks(page);
    await cell.getByTestId('cell-run').click();
    await expect.poll(() => cell.getByTestId('cell-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('running');
    // Twenty seconds of a query that would run for hours, while the user scrolls and types elsewhere.
    const started = Date.now();
    while (Date.now() - started < 20_000) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(250);
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(250);
    }
    expect(await cell.getByTestId('cell-status').getAttribute('data-status')).toBe('running');
    await cell.getByTestId('cell-cancel').click();
    await expect.poll(() => cell.getByTestId('cell-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('cancelled');
    const durations = await longTasks.read();
    await app.screenshot('06-cancelled');
    expect(Math.max(0, ...durations)).toBeLessThanOrEqual(100);
  });

  it('switches to Simplified Chinese and back', async () => {
    const page = app.page;
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('app-title').textContent()).toBe('精准医学工作台');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByTestId('run-all').textContent()).not.toBe('Run all');
    // Dates follow the locale: 2026年11月22日.
    expect(await page.getByTestId('dataset-imported').first().textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    await app.screenshot('07-zh-CN');
    await page.getByTestId('lang-switch').selectOption('en');
    await expect.poll(() => page.getByTestId('app-title').textContent()).toBe('Precision Medicine Workbench');
    expect(await page.getByTestId('run-all').textContent()).toBe('Run all');
  });
});
