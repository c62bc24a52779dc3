import type { Drug } from './drug-vocabulary.js';
import type { Prng } from './prng.js';
import { keepEvent } from './reporting-ratio.js';
import type { ZipfTable } from './zipf.js';

/** What the generator draws from: the vocabularies and their popularity. */
export interface FaersVocabulary {
  drugs: readonly Drug[];
  drugPopularity: ZipfTable;
  events: readonly string[];
  eventFrequency: ZipfTable;
}

/**
 * The content of one case, the same for every version of it (all drawn from the case's own generator).
 * Text fields are kept as the `$`-joined pieces of the lines they go into.
 */
export interface FaersCase {
  /** Days between the event and version 1's receipt, and how much of its date was given. */
  eventLagDays: number;
  eventDate: 'day' | 'month' | 'year' | 'none';
  /** Days between the manufacturer's and the report's date and the FDA receipt. */
  mfrLagDays: number;
  reportLagDays: number;
  reportType: 'EXP' | 'PER' | 'DIR';
  /** `mfr_sndr`, empty for direct reports. */
  sender: string;
  /** `mfr_num` before the case id, e.g. `US-ACME-`; empty for direct reports. */
  mfrNumPrefix: string;
  litRef: string;
  /** `age$age_cod$age_grp$sex$e_sub$wt$wt_cod`. */
  patient: string;
  toMfr: string;
  occupation: string;
  country: string;
  occurrenceCountry: string;
  /** DRUG columns from `drug_seq` on, one per drug; the first is the primary suspect. */
  drugTails: string[];
  /** Preferred terms, in the order drawn. */
  events: string[];
  /** `outc_cod` values. */
  outcomes: string[];
}

const SENDERS = ['ACME PHARMA', 'FABRIKAM LABS', 'CONTOSO HEALTH', 'TAILSPIN THERAPEUTICS', 'NORTHWIND BIO', 'LITWARE MEDICAL', 'WOODGROVE GENERICS'];
const COUNTRIES = ['US', 'US', 'US', 'US', 'US', 'US', 'US', 'US', 'US', 'US', 'US', 'US', 'US', 'GB', 'DE', 'FR', 'JP', 'CA', 'IT', 'ES', 'BR', 'CN', 'NL', 'AU'];
const OCCUPATIONS = ['CN', 'CN', 'CN', 'CN', 'MD', 'MD', 'MD', 'OT', 'OT', 'PH', 'LW'];
const ROUTES = ['Oral', 'Oral', 'Oral', 'Oral', 'Oral', 'Subcutaneous', 'Intravenous', 'Intravenous', 'Topical', 'Unknown'];
const FREQUENCIES = ['QD', 'BID', 'TID', 'QW', 'Q2W', 'PRN'];
const FORMS = ['TABLET', 'CAPSULE', 'INJECTION', 'SOLUTION', 'TABLET, FILM COATED'];
const CHALLENGE = ['Y', 'N', 'U', 'U', 'D', 'D', 'D'];
const OUTCOME_CODES = ['OT', 'OT', 'OT', 'OT', 'HO', 'HO', 'HO', 'DE', 'LT', 'DS', 'RI', 'CA'];
const OTHER_ROLES = ['SS', 'SS', 'SS', 'SS', 'SS', 'SS', 'SS', 'SS', 'C', 'C', 'C', 'C', 'C', 'C', 'C', 'C', 'C', 'C', 'C', 'I'];

/** Other drugs and extra events per report are Poisson with these means: about 3 of each per report. */
const OTHER_DRUGS_MEAN = 2;
const EXTRA_EVENTS_MEAN = 2;
const MAX_OTHER_DRUGS = 11;
const MAX_EVENTS = 20;
const PROD_AI_SHARE = 0.88;
const OUTCOME_SHARE = 0.4;

/** One case: a primary suspect drug, other drugs with roles SS, C or I, and events that depend on the PS drug. */
export function drawCase(r: Prng, vocab: FaersVocabulary): FaersCase {
  const ps = vocab.drugPopularity.draw(r.next());
  const drugIds = [ps];
  const others = Math.min(r.poisson(OTHER_DRUGS_MEAN), MAX_OTHER_DRUGS);
  for (let tries = 0; drugIds.length <= others && tries < 4 * MAX_OTHER_DRUGS; tries++) {
    const id = vocab.drugPopularity.draw(r.next());
    if (!drugIds.includes(id)) drugIds.push(id);
  }
  const drugTails = drugIds.map((id, i) => drugTail(r, vocab.drugs[id]!, i + 1, i === 0 ? 'PS' : r.pick(OTHER_ROLES)));

  // Events: base frequency × the PS drug's factor for the event, renormalised (by rejection); no repeats.
  const wanted = 1 + Math.min(r.poisson(EXTRA_EVENTS_MEAN), MAX_EVENTS - 1);
  const eventIds: number[] = [];
  while (eventIds.length < wanted) {
    const event = vocab.eventFrequency.draw(r.next());
    if (keepEvent(ps, event, r.next()) && !eventIds.includes(event)) eventIds.push(event);
  }

  const reportType = r.chance(0.55) ? 'EXP' : r.chance(0.33) ? 'PER' : 'DIR';
  const country = r.pick(COUNTRIES);
  const sender = reportType === 'DIR' ? '' : r.pick(SENDERS);
  const outcomes: string[] = [];
  if (r.chance(OUTCOME_SHARE)) {
    outcomes.push(r.pick(OUTCOME_CODES));
    const second = r.pick(OUTCOME_CODES);
    if (r.chance(0.3) && second !== outcomes[0]) outcomes.push(second);
  }
  const dateKind = r.next();
  return {
    eventLagDays: r.int(r.chance(0.8) ? 90 : 700),
    eventDate: dateKind < 0.65 ? 'day' : dateKind < 0.77 ? 'month' : dateKind < 0.8 ? 'year' : 'none',
    mfrLagDays: r.int(21),
    reportLagDays: r.int(6),
    reportType,
    sender,
    mfrNumPrefix: sender ? `${country}-${sender.slice(0, sender.indexOf(' '))}-` : '',
    litRef: r.chance(0.01) ? `Author A et al. J Clin Pharmacol. 2023;${10 + r.int(50)}:${100 + r.int(800)}` : '',
    patient: patient(r),
    toMfr: reportType === 'DIR' && r.chance(0.5) ? 'N' : '',
    occupation: r.pick(OCCUPATIONS),
    country,
    occurrenceCountry: r.chance(0.9) ? country : r.pick(COUNTRIES),
    drugTails,
    events: eventIds.map((id) => vocab.events[id]!),
    outcomes,
  };
}

/** `drug_seq$role_cod$drugname$prod_ai$val_vbm$route$dose_vbm$cum_dose_chr$cum_dose_unit$dechal$rechal$lot_num$exp_dt$nda_num$dose_amt$dose_unit$dose_form$dose_freq`. */
function drugTail(r: Prng, drug: Drug, seq: number, role: string): string {
  const kind = r.next();
  const strength = drug.strengths[r.int(2)]!;
  const name = kind < 0.55 ? drug.brand
    : kind < 0.83 ? drug.generic
    : kind < 0.93 ? `${drug.generic} ${strength} MG`
    : drug.brand.charAt(0) + drug.brand.slice(1).toLowerCase();
  const prodAi = r.chance(PROD_AI_SHARE) ? drug.prodAi : '';
  const validated = kind < 0.55 || kind >= 0.93 ? '1' : '2';
  const frequency = r.pick(FREQUENCIES);
  const dosed = r.chance(0.7);
  const dose = dosed ? `${strength} MG, ${frequency}` : 'UNK';
  const lot = r.chance(0.15) ? `${String.fromCharCode(65 + r.int(26))}${String.fromCharCode(65 + r.int(26))}${1000 + r.int(9000)}` : '';
  const nda = r.chance(0.4) ? String(10_000 + r.int(200_000)) : '';
  return `${seq}$${role}$${name}$${prodAi}$${validated}$${r.pick(ROUTES)}$${dose}$$$${r.pick(CHALLENGE)}$${r.pick(CHALLENGE)}$${lot}$$${nda}$` +
    (dosed ? `${strength}$MG$${r.pick(FORMS)}$${frequency}` : '$$$');
}

/** `age$age_cod$age_grp$sex$e_sub$wt$wt_cod`. */
function patient(r: Prng): string {
  let age = '';
  let unit = '';
  let group = '';
  if (r.chance(0.78)) {
    const years = Math.min(99, Math.max(0, Math.round(55 + 18 * r.normal())));
    group = years < 2 ? 'I' : years < 12 ? 'C' : years < 18 ? 'T' : years < 65 ? 'A' : 'E';
    const u = r.next();
    if (years < 2 && u < 0.8) [age, unit] = [String(1 + r.int(23)), 'MON'];
    else if (u < 0.03) [age, unit] = [String(Math.round(years / 10)), 'DEC'];
    else [age, unit] = [String(years), 'YR'];
  }
  const sexDraw = r.next();
  const sex = sexDraw < 0.56 ? 'F' : sexDraw < 0.93 ? 'M' : '';
  const weighed = r.chance(0.35);
  const kg = Math.round(78 + 16 * r.normal());
  const pounds = weighed && r.chance(0.15);
  const weight = !weighed ? '$' : pounds ? `${Math.round(kg * 2.2046)}$LBS` : `${kg}$KG`;
  return `${age}$${unit}$${group}$${sex}$Y$${weight}`;
}
