import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { MgpsFit } from '../../workers/engine/api.js';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMITTED_SMALL, SqlSession, sqlPath } from './duckdb-testkit.js';
import { FAERS_SIGNAL_EFFECT } from './effects.js';
import { parseQuarter } from './faers.js';
import type { SampleManifest } from './generate.js';

const directory = join(COMMITTED_SMALL, 'faers');
const manifest = JSON.parse(readFileSync(join(COMMITTED_SMALL, 'manifest.json'), 'utf8')) as SampleManifest;

/** Column order of the FAERS-era files, as in FDA's README (shared reference faers-format.md §2). */
const EXPECTED_HEADERS: Record<string, string> = {
  DEMO: 'primaryid$caseid$caseversion$i_f_code$event_dt$mfr_dt$init_fda_dt$fda_dt$rept_cod$auth_num$mfr_num$mfr_sndr$lit_ref$age$age_cod$age_grp$sex$e_sub$wt$wt_cod$rept_dt$to_mfr$occp_cod$reporter_country$occr_country',
  DRUG: 'primaryid$caseid$drug_seq$role_cod$drugname$prod_ai$val_vbm$route$dose_vbm$cum_dose_chr$cum_dose_unit$dechal$rechal$lot_num$exp_dt$nda_num$dose_amt$dose_unit$dose_form$dose_freq',
  REAC: 'primaryid$caseid$pt$drug_rec_act',
  OUTC: 'primaryid$caseid$outc_cod',
};

let sql: SqlSession;

beforeAll(async () => {
  sql = await SqlSession.open();
  for (const file of ['DEMO', 'DRUG', 'REAC', 'OUTC']) {
    const pattern = sqlPath(join(directory, `${file}*.txt`));
    await sql.run(`create table ${file.toLowerCase()} as select * from read_csv(${pattern}, delim = '$', header = true, all_varchar = true, quote = '', escape = '', encoding = 'latin-1', filename = true)`);
  }
  // FDA's rule: per caseid keep the latest fda_dt; on a tie, the highest primaryid.
  await sql.run(`create table latest as select * from demo qualify row_number() over (partition by caseid order by fda_dt desc, primaryid::bigint desc) = 1`);
});
afterAll(() => sql.close());

describe('FAERS quarterly files', () => {
  it('are the four files of each quarter, with the FAERS headers', () => {
    const quarters = manifest.contents.faersQuarters;
    expect(readdirSync(directory).sort()).toEqual(Object.keys(EXPECTED_HEADERS).flatMap((file) => quarters.map((quarter) => `${file}${quarter}.txt`)).sort());
    for (const file of readdirSync(directory)) {
      const header = readFileSync(join(directory, file), 'latin1').split('\r\n', 1)[0];
      expect(header, file).toBe(EXPECTED_HEADERS[file.slice(0, 4)]);
    }
  });

  it('end every line with CRLF and carry Latin-1 bytes that are not UTF-8', () => {
    for (const file of readdirSync(directory)) {
      const bytes = readFileSync(join(directory, file));
      const lineFeeds = bytes.filter((byte) => byte === 0x0a).length;
      const carriageReturns = bytes.filter((byte) => byte === 0x0d).length;
      expect(lineFeeds, file).toBeGreaterThan(1);
      expect(carriageReturns, file).toBe(lineFeeds);
      expect(bytes.toString('latin1').split('\r\n').slice(0, -1).every((line) => !line.includes('\n') && !line.includes('\r')), file).toBe(true);
    }
    const drugs = readFileSync(join(directory, `DRUG${manifest.contents.faersQuarters[0]}.txt`));
    expect(drugs.includes(0xe9)).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(drugs)).toThrow();
  });

  it('give every row the same number of fields as its header', () => {
    for (const file of readdirSync(directory)) {
      const [header, ...rows] = readFileSync(join(directory, file), 'latin1').split('\r\n').slice(0, -1);
      const width = (header ?? '').split('$').length;
      expect(rows.filter((row) => row.split('$').length !== width), file).toEqual([]);
    }
  });

  it('build primaryid from caseid and caseversion, and date versions inside their quarter', async () => {
    const bad = await sql.one(`select count(*) as n from demo where primaryid <> caseid || caseversion`);
    expect(bad.n).toBe(0);
    const quarters = manifest.contents.faersQuarters.map((label) => {
      const { start, end } = parseQuarter(label);
      return { label, start, end };
    });
    for (const { label, start, end } of quarters) {
      const range = await sql.one(`select min(fda_dt) as first, max(fda_dt) as last from demo where filename like '%${label}.txt'`);
      const toDays = (text: unknown): number => Date.UTC(Number(String(text).slice(0, 4)), Number(String(text).slice(4, 6)) - 1, Number(String(text).slice(6, 8))) / 86_400_000;
      expect(toDays(range.first)).toBeGreaterThanOrEqual(start);
      expect(toDays(range.last)).toBeLessThanOrEqual(end);
    }
  });

  it('name exactly one primary suspect per report and use only PS, SS, C and I', async () => {
    const wrong = await sql.one(`
      select count(*) as n from demo d
      left join (select primaryid, count(*) filter (where role_cod = 'PS') as ps from drug group by primaryid) x using (primaryid)
      where coalesce(x.ps, 0) <> 1`);
    expect(wrong.n).toBe(0);
    const roles = await sql.rows(`select distinct role_cod from drug order by 1`);
    expect(roles.map((row) => row.role_cod)).toEqual(['C', 'I', 'PS', 'SS']);
    const filled = await sql.one(`select avg((prod_ai is not null)::int) as share from drug`);
    expect(filled.share).toBeGreaterThan(0.85);
    expect(filled.share).toBeLessThan(1);
  });

  it('hold case versions, some across quarters, and the documented number of versions to drop', async () => {
    const counts = await sql.one(`select (select count(*) from demo) as reports, (select count(*) from latest) as cases`);
    expect((counts.reports as number) - (counts.cases as number)).toBe(manifest.realized.faers.supersededVersions);
    expect(counts.cases).toBe(manifest.realized.faers.cases);
    const spanning = await sql.one(`select count(*) as n from (select caseid from demo group by caseid having count(distinct filename) > 1)`);
    expect(spanning.n).toBeGreaterThan(0);
    const followUps = await sql.one(`select count(*) as n from demo where i_f_code = 'F' and caseversion::int = 1`);
    expect(followUps.n).toBe(0);
  });

  it('has cases where the latest fda_dt is not the highest caseversion, as documented', async () => {
    const disagree = await sql.one(`
      select count(*) as n from (select caseid, arg_max(primaryid, caseversion::int) as by_version from demo group by caseid) v
      join latest l using (caseid) where v.by_version <> l.primaryid`);
    expect(disagree.n).toBe(manifest.realized.faers.casesWhereRulesDisagree);
    expect(disagree.n).toBeGreaterThan(0);
  });
});

describe('planted reporting association', () => {
  it('gives diclofenac (PS) and the planted PT a PRR in the documented range after FDA deduplication', async () => {
    const effect = FAERS_SIGNAL_EFFECT;
    const table = await sql.one(`
      with exposed as (select distinct primaryid from drug where role_cod = '${effect.role}' and prod_ai like '${effect.prodAiPrefix}%'),
           event as (select distinct primaryid from reac where pt = '${effect.pt}')
      select count(*) filter (where e.primaryid is not null and v.primaryid is not null) as a,
             count(*) filter (where e.primaryid is not null and v.primaryid is null) as b,
             count(*) filter (where e.primaryid is null and v.primaryid is not null) as c,
             count(*) filter (where e.primaryid is null and v.primaryid is null) as d
      from latest r left join exposed e using (primaryid) left join event v using (primaryid)`);
    const { a, b, c, d } = table as { a: number; b: number; c: number; d: number };
    const prr = a / (a + b) / (c / (c + d));
    expect(prr).toBeGreaterThanOrEqual(effect.acceptedPrrRange[0]);
    expect(prr).toBeLessThanOrEqual(effect.acceptedPrrRange[1]);
    expect({ a, b, c, d }).toEqual(manifest.realized.faers.signalDeduplicated);
    expect(prr).toBeCloseTo(manifest.realized.faers.prrDeduplicated, 3);
  });
});

/**
 * Counts per (ingredient, PT) over the deduplicated reports, as a disproportionality screen makes them:
 * drugs with role PS or SS; ingredient = upper(prod_ai) without the salt words SODIUM and POTASSIUM, else
 * upper(drugname); every ingredient × PT combination of the margins, N = 0 included.
 */
const PAIR_COUNTS_SQL = `
  with drug_reports as (
    select distinct d.primaryid,
           coalesce(nullif(trim(regexp_replace(upper(d.prod_ai), '\\s*\\b(SODIUM|POTASSIUM)\\b', '', 'g')), ''), upper(trim(d.drugname))) as ingredient
    from drug d join latest l using (primaryid) where d.role_cod in ('PS', 'SS')
  ), event_reports as (
    select distinct r.primaryid, r.pt from reac r join latest l using (primaryid)
  ), n_drug as (select ingredient, count(*) as n_drug from drug_reports group by ingredient),
     n_event as (select pt, count(*) as n_event from event_reports group by pt),
     pairs as (select ingredient, pt, count(*) as n from drug_reports join event_reports using (primaryid) group by ingredient, pt)
  select ingredient, pt, coalesce(p.n, 0) as n, n_drug, n_event, (select count(*) from latest) as n_tot
  from n_drug cross join n_event left join pairs p using (ingredient, pt)
  order by ingredient, pt`;

interface PairCount {
  ingredient: string;
  pt: string;
  n: number;
  nDrug: number;
  nEvent: number;
  nTot: number;
  e: number;
}

async function pairCounts(): Promise<PairCount[]> {
  const rows = await sql.rows(PAIR_COUNTS_SQL);
  return rows.map((row) => {
    const [n, nDrug, nEvent, nTot] = [row.n, row.n_drug, row.n_event, row.n_tot].map(Number) as [number, number, number, number];
    return { ingredient: String(row.ingredient), pt: String(row.pt), n, nDrug, nEvent, nTot, e: (nDrug * nEvent) / nTot };
  });
}

/** Another part of the workbench fits the MGPS prior; the samples must give it something to fit. */
const MGPS_FIT = fileURLToPath(new URL('../../workers/analysis/signals/mgps-fit.ts', import.meta.url));

type MgpsPriorFit = Pick<MgpsFit, 'alpha1' | 'beta1' | 'alpha2' | 'beta2' | 'p' | 'logLik' | 'converged'>;

describe('reporting heterogeneity', () => {
  it('spreads N/E over the drug–event pairs far beyond sampling noise', async () => {
    const pairs = (await pairCounts()).filter((pair) => pair.e >= 1);
    const residuals = pairs.map((pair) => (pair.n - pair.e) / Math.sqrt(pair.e));
    const mean = residuals.reduce((sum, r) => sum + r, 0) / residuals.length;
    const variance = residuals.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (residuals.length - 1);
    // If drugs and events were independent given the margins, N would be hypergeometric with mean E and
    // E[(N − E)² / E] = (N_tot − n_drug)(N_tot − n_event) / (N_tot (N_tot − 1)): 0.93 on average here.
    const nullVariance = pairs.reduce((sum, p) => sum + ((p.nTot - p.nDrug) * (p.nTot - p.nEvent)) / (p.nTot * (p.nTot - 1)), 0) / pairs.length;
    expect(pairs.length).toBeGreaterThan(1000);
    expect(nullVariance).toBeGreaterThan(0.85);
    expect(nullVariance).toBeLessThan(1);
    // samples/README.md: 4.06 in the committed set (1.14 before reporting ratios were added; 4.0–4.3 over seeds 1–6).
    expect(variance).toBeGreaterThan(3 * nullVariance);
  });

  it('reports the elevated pairs of the manifest more often than the others', async () => {
    const elevated = new Set(manifest.realized.faers.elevatedReportingRatios.map(({ ingredient, pt }) => `${ingredient}|${pt}`));
    const pairs = (await pairCounts()).filter((pair) => pair.e >= 1);
    const median = (values: number[]): number => {
      const sorted = [...values].sort((x, y) => x - y);
      return ((sorted[Math.floor((sorted.length - 1) / 2)] as number) + (sorted[Math.ceil((sorted.length - 1) / 2)] as number)) / 2;
    };
    const ratio = (pair: PairCount): number => pair.n / pair.e;
    const high = pairs.filter((pair) => elevated.has(`${pair.ingredient}|${pair.pt}`)).map(ratio);
    const rest = pairs.filter((pair) => !elevated.has(`${pair.ingredient}|${pair.pt}`)).map(ratio);
    expect(high.length).toBeGreaterThan(20);
    expect(median(high)).toBeGreaterThan(2 * median(rest));
  });

  it('lets the MGPS prior fit converge (workers/analysis/signals/mgps-fit.ts)', async (context) => {
    if (!existsSync(MGPS_FIT)) context.skip(`${MGPS_FIT} is not there: no MGPS fit to check`);
    const { fitMgpsPrior } = (await import(pathToFileURL(MGPS_FIT).href)) as { fitMgpsPrior: (n: Float64Array, e: Float64Array) => MgpsPriorFit };
    const observed = (await pairCounts()).filter((pair) => pair.n >= 1);
    const fit = fitMgpsPrior(Float64Array.from(observed, (pair) => pair.n), Float64Array.from(observed, (pair) => pair.e));
    expect(fit.converged).toBe(true);
    for (const value of [fit.alpha1, fit.beta1, fit.alpha2, fit.beta2, fit.logLik]) expect(Number.isFinite(value)).toBe(true);
    for (const value of [fit.alpha1, fit.beta1, fit.alpha2, fit.beta2]) expect(value).toBeGreaterThan(0);
    expect(fit.p).toBeGreaterThan(0);
    expect(fit.p).toBeLessThan(1);
  });
});
