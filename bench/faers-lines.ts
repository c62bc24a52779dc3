import { faersDay } from './faers-calendar.js';
import type { FaersCase } from './faers-case.js';
import type { CaseVersion } from './faers-schedule.js';

/** Header lines of the four files written, as in FDA's extracts (`$`-separated, CRLF). */
export const FAERS_HEADERS = {
  DEMO: 'primaryid$caseid$caseversion$i_f_code$event_dt$mfr_dt$init_fda_dt$fda_dt$rept_cod$auth_num$mfr_num$mfr_sndr$lit_ref$age$age_cod$age_grp$sex$e_sub$wt$wt_cod$rept_dt$to_mfr$occp_cod$reporter_country$occr_country\r\n',
  DRUG: 'primaryid$caseid$drug_seq$role_cod$drugname$prod_ai$val_vbm$route$dose_vbm$cum_dose_chr$cum_dose_unit$dechal$rechal$lot_num$exp_dt$nda_num$dose_amt$dose_unit$dose_form$dose_freq\r\n',
  REAC: 'primaryid$caseid$pt$drug_rec_act\r\n',
  OUTC: 'primaryid$caseid$outc_cod\r\n',
} as const;

export type FaersFileKind = keyof typeof FAERS_HEADERS;

/** Where the lines of one quarter go. */
export type QuarterSink = Record<FaersFileKind, { add(text: string): void }>;

/** Rows one version added to each file. */
export interface VersionRows {
  drug: number;
  event: number;
  outcome: number;
}

/** Case ids are 8 digits from here; a primaryid is the case id followed by the version. */
const FIRST_CASE_ID = 30_000_000;

/**
 * Writes one version of a case to its quarter's files. A version that a follow-up replaces lacks the
 * last event (the follow-up added it), so what dedup keeps is visible in the counts.
 */
export function writeVersion(out: QuarterSink, c: FaersCase, v: CaseVersion): VersionRows {
  const caseId = FIRST_CASE_ID + v.caseIndex;
  const key = `${caseId}${v.version}$${caseId}$`;
  const received = faersDay(v.fdaDay);
  const eventDay = faersDay(v.initialFdaDay - c.eventLagDays);
  const eventDt = c.eventDate === 'day' ? eventDay : c.eventDate === 'month' ? eventDay.slice(0, 6) : c.eventDate === 'year' ? eventDay.slice(0, 4) : '';
  const fromMfr = c.reportType !== 'DIR';
  out.DEMO.add(
    `${key}${v.version}$${v.version === 1 ? 'I' : 'F'}$${eventDt}$${fromMfr ? faersDay(v.fdaDay - c.mfrLagDays) : ''}$${faersDay(v.initialFdaDay)}$${received}$` +
    `${c.reportType}$$${fromMfr ? `${c.mfrNumPrefix}${caseId}` : ''}$${c.sender}$${c.litRef}$${c.patient}$` +
    `${faersDay(v.fdaDay - c.reportLagDays)}$${c.toMfr}$${c.occupation}$${c.country}$${c.occurrenceCountry}\r\n`,
  );
  for (const tail of c.drugTails) out.DRUG.add(`${key}${tail}\r\n`);
  const events = v.superseded && c.events.length > 1 ? c.events.length - 1 : c.events.length;
  for (let i = 0; i < events; i++) out.REAC.add(`${key}${c.events[i]}$\r\n`);
  for (const outcome of c.outcomes) out.OUTC.add(`${key}${outcome}\r\n`);
  return { drug: c.drugTails.length, event: events, outcome: c.outcomes.length };
}
