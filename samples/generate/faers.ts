/**
 * Writes FAERS-style quarterly ASCII files (DEMO, DRUG, REAC, OUTC): '$'-delimited, header line, CRLF,
 * Latin-1 bytes. Cases are generated quarter by quarter; a follow-up version received in a later quarter
 * waits in memory until that quarter is written, so memory holds only the pending follow-ups.
 */
import { join } from 'node:path';
import { compactDate, dayFromCivil } from './dates.js';
import { DICLOFENAC } from './faers-catalog.js';
import { simulateCase, type CaseVersion, type FaersCase, type Quarter } from './faers-case.js';
import { FAERS_SIGNAL_EFFECT } from './effects.js';
import { ReportingRatios, type ElevatedPair } from './faers-reporting.js';
import type { Random } from './random.js';
import { delimitedRecord, flushFullWriters, LineWriter, type Field, type WrittenFile } from './write.js';

/** FAERS-era column order (2014Q3 onward). */
export const FAERS_COLUMNS = {
  DEMO: ['primaryid', 'caseid', 'caseversion', 'i_f_code', 'event_dt', 'mfr_dt', 'init_fda_dt', 'fda_dt', 'rept_cod', 'auth_num', 'mfr_num', 'mfr_sndr', 'lit_ref', 'age', 'age_cod', 'age_grp', 'sex', 'e_sub', 'wt', 'wt_cod', 'rept_dt', 'to_mfr', 'occp_cod', 'reporter_country', 'occr_country'],
  DRUG: ['primaryid', 'caseid', 'drug_seq', 'role_cod', 'drugname', 'prod_ai', 'val_vbm', 'route', 'dose_vbm', 'cum_dose_chr', 'cum_dose_unit', 'dechal', 'rechal', 'lot_num', 'exp_dt', 'nda_num', 'dose_amt', 'dose_unit', 'dose_form', 'dose_freq'],
  REAC: ['primaryid', 'caseid', 'pt', 'drug_rec_act'],
  OUTC: ['primaryid', 'caseid', 'outc_cod'],
} as const;

export type FaersFile = keyof typeof FAERS_COLUMNS;

/** The planted pair as a 2×2 table over reports: a = drug & PT, b = drug only, c = PT only, d = neither. */
export interface TwoByTwo {
  a: number;
  b: number;
  c: number;
  d: number;
}

export interface FaersResult {
  files: WrittenFile[];
  rowsPerQuarter: Record<string, number>;
  /** DEMO rows over all quarters. */
  reports: number;
  /** Distinct caseids: what FDA's deduplication keeps. */
  cases: number;
  /** reports − cases: versions that deduplication must drop. */
  supersededVersions: number;
  /** Versions whose case has another version in an earlier quarter of this extract. */
  crossQuarterVersions: number;
  /** Cases where "latest fda_dt" and "highest caseversion" keep different rows. */
  casesWhereRulesDisagree: number;
  /** Cases whose latest version ties on fda_dt with the one before it (FDA: highest primaryid wins). */
  casesWithFdaDateTie: number;
  signalDeduplicated: TwoByTwo;
  signalAllVersions: TwoByTwo;
  /** (drug, background PT) pairs given a reporting ratio, and those drawn from the elevated part. */
  reportingRatioPairs: number;
  elevatedReportingRatios: ElevatedPair[];
}

/** '24Q1' → the quarter's first and last day. */
export function parseQuarter(label: string): Quarter {
  const match = /^(\d{2})Q([1-4])$/.exec(label);
  if (!match) throw new Error(`a FAERS quarter looks like 24Q1, got '${label}'`);
  const year = 2000 + Number(match[1]);
  const quarter = Number(match[2]);
  const start = dayFromCivil(year, 3 * quarter - 2, 1);
  const end = quarter === 4 ? dayFromCivil(year + 1, 1, 1) - 1 : dayFromCivil(year, 3 * quarter + 1, 1) - 1;
  return { label, start, end };
}

type QuarterWriters = Record<FaersFile, LineWriter>;

function openQuarter(directory: string, label: string): QuarterWriters {
  const files = Object.keys(FAERS_COLUMNS) as FaersFile[];
  const writers = Object.fromEntries(
    files.map((file) => [file, new LineWriter(join(directory, `${file}${label}.txt`), { eol: '\r\n', encoding: 'latin1' })]),
  ) as QuarterWriters;
  for (const file of files) writers[file].line(delimitedRecord(FAERS_COLUMNS[file], '$'));
  return writers;
}

function writeVersion(writers: QuarterWriters, report: FaersCase, version: CaseVersion, random: Random): void {
  const row = (fields: Field[]): string => delimitedRecord(fields, '$');
  const primaryId = `${report.caseId}${version.caseVersion}`;
  const caseId = report.caseId;
  const fromManufacturer = report.reportType !== 'DIR';
  const year = compactDate(version.fdaDay).slice(0, 4);
  writers.DEMO.line(row([
    primaryId, caseId, version.caseVersion, version.caseVersion === 1 ? 'I' : 'F', report.eventDate,
    fromManufacturer ? compactDate(version.fdaDay - random.integer(0, 14)) : '', compactDate(report.initialFdaDay),
    compactDate(version.fdaDay), report.reportType, '',
    fromManufacturer ? `${report.country}-${report.manufacturer.split(' ')[0]}-${year}${String(caseId % 1_000_000).padStart(6, '0')}` : '',
    report.manufacturer, '', report.age.value, report.age.code, report.age.group, report.sex, 'Y',
    report.weight.value, report.weight.code, compactDate(version.fdaDay - random.integer(0, 10)),
    fromManufacturer ? '' : random.pick(['Y', 'N']), report.occupation, report.country, report.country,
  ]));
  report.drugs.forEach((reported, index) => {
    const drug = reported.drug;
    const dose = drug && random.bernoulli(0.8) ? `${drug.doseAmount} ${drug.doseUnit}, ${drug.doseFrequency}` : 'UNK';
    const detailed = drug !== null && dose !== 'UNK';
    writers.DRUG.line(row([
      primaryId, caseId, index + 1, reported.role, reported.drugname, reported.prodAi, reported.validated ? 1 : 2,
      drug?.route, dose, '', '', reported.dechallenge, reported.rechallenge, reported.lotNumber, '', '',
      detailed ? drug.doseAmount : '', detailed ? drug.doseUnit : '', detailed ? drug.doseForm : '', detailed ? drug.doseFrequency : '',
    ]));
  });
  for (const pt of [...report.pts, ...version.addedPts]) writers.REAC.line(row([primaryId, caseId, pt, '']));
  for (const outcome of new Set([...report.outcomes, ...version.addedOutcomes])) writers.OUTC.line(row([primaryId, caseId, outcome]));
}

function addToTable(table: TwoByTwo, report: FaersCase, weight: number): void {
  const exposed = (report.drugs[0]?.drug ?? null) === DICLOFENAC;
  const event = report.pts.includes(FAERS_SIGNAL_EFFECT.pt);
  if (exposed && event) table.a += weight;
  else if (exposed) table.b += weight;
  else if (event) table.c += weight;
  else table.d += weight;
}

export async function writeFaers(random: Random, outDirectory: string, quarterLabels: readonly string[], reportsPerQuarter: number): Promise<FaersResult> {
  const directory = join(outDirectory, 'faers');
  const quarters = quarterLabels.map(parseQuarter);
  const pending: { report: FaersCase; version: CaseVersion }[][] = quarters.map(() => []);
  // A stream of its own: the ratios depend on the seed only, and drawing them shifts no other stream.
  const ratios = new ReportingRatios(random.fork('reporting-ratios'));
  const result: FaersResult = {
    files: [], rowsPerQuarter: {}, reports: 0, cases: 0, supersededVersions: 0, crossQuarterVersions: 0,
    casesWhereRulesDisagree: 0, casesWithFdaDateTie: 0,
    signalDeduplicated: { a: 0, b: 0, c: 0, d: 0 }, signalAllVersions: { a: 0, b: 0, c: 0, d: 0 },
    reportingRatioPairs: ratios.pairs, elevatedReportingRatios: ratios.elevated,
  };
  // A new case brings about 1.12 rows to its own quarter; later quarters also receive follow-ups of earlier cases.
  const newCasesPerQuarter = Math.round(reportsPerQuarter / 1.12);
  let caseId = 20_000_000 + random.integer(0, 99_999);
  const rowRandom = random.fork('rows');

  for (let q = 0; q < quarters.length; q++) {
    const quarter = quarters[q] as Quarter;
    const writers = openQuarter(directory, quarter.label);
    let rows = 0;
    for (const { report, version } of pending[q] ?? []) {
      writeVersion(writers, report, version, rowRandom);
      rows++;
      await flushFullWriters(Object.values(writers));
    }
    for (let i = 0; i < newCasesPerQuarter; i++) {
      caseId += random.integer(1, 60);
      const report = simulateCase(random, ratios, caseId, quarters, q, compactDate);
      tallyCase(result, report);
      for (const version of report.versions) {
        if (version.quarter === q) {
          writeVersion(writers, report, version, rowRandom);
          rows++;
        } else {
          pending[version.quarter]?.push({ report, version });
        }
      }
      await flushFullWriters(Object.values(writers));
    }
    result.rowsPerQuarter[quarter.label] = rows;
    for (const writer of Object.values(writers)) result.files.push(await writer.close());
  }
  return result;
}

function tallyCase(result: FaersResult, report: FaersCase): void {
  const versions = report.versions;
  const last = versions[versions.length - 1] as CaseVersion;
  const beforeLast = versions[versions.length - 2];
  result.reports += versions.length;
  result.cases += 1;
  result.supersededVersions += versions.length - 1;
  result.crossQuarterVersions += versions.filter((version) => version.quarter !== versions[0]?.quarter).length;
  if (report.outOfOrder) result.casesWhereRulesDisagree++;
  if (beforeLast && beforeLast.fdaDay === last.fdaDay) result.casesWithFdaDateTie++;
  addToTable(result.signalDeduplicated, report, 1);
  addToTable(result.signalAllVersions, report, versions.length);
}
