/**
 * The FAERS case model: one case (patient, drugs, reactions, outcomes) and the versions FDA received of
 * it, with the planted drug–event association. Pure simulation; faers.ts writes the rows.
 */
import {
  CONCOMITANT_DRUGS,
  DICLOFENAC,
  FOREIGN_NAME_COUNTRIES,
  MANUFACTURERS,
  OCCUPATIONS,
  OTHER_OUTCOMES,
  OTHER_PRIMARY_SUSPECTS,
  REPORTER_COUNTRIES,
  SERIOUS_PT_OUTCOME,
  type FaersDrug,
} from './faers-catalog.js';
import { FAERS_SIGNAL_EFFECT, FAERS_VERSION_MODEL } from './effects.js';
import type { ReportingRatios } from './faers-reporting.js';
import { WeightedTable, type Random } from './random.js';

export type DrugRole = 'PS' | 'SS' | 'C' | 'I';

export interface ReportedDrug {
  role: DrugRole;
  /** null for an unidentifiable verbatim name ("UNKNOWN"). */
  drug: FaersDrug | null;
  drugname: string;
  prodAi: string;
  /** 1 validated trade name, 2 verbatim. */
  validated: boolean;
  lotNumber: string;
  dechallenge: string;
  rechallenge: string;
}

export interface CaseVersion {
  caseVersion: number;
  fdaDay: number;
  /** Index into the extract's quarters. */
  quarter: number;
  /** PTs added by this or an earlier follow-up. */
  addedPts: string[];
  addedOutcomes: string[];
}

export interface FaersCase {
  caseId: number;
  reportType: 'EXP' | 'PER' | 'DIR';
  manufacturer: string;
  country: string;
  occupation: string;
  sex: string;
  age: { value: string; code: string; group: string };
  weight: { value: string; code: string };
  /** YYYYMMDD, YYYYMM, YYYY or empty: reporters often know only part of the date. */
  eventDate: string;
  initialFdaDay: number;
  drugs: ReportedDrug[];
  pts: string[];
  outcomes: string[];
  /** Only the versions inside the extract, in caseversion order. */
  versions: CaseVersion[];
  /** True when the highest caseversion does not carry the latest fda_dt. */
  outOfOrder: boolean;
}

export interface Quarter {
  label: string;
  start: number;
  end: number;
}

const REPORT_TYPES = new WeightedTable<'EXP' | 'PER' | 'DIR'>([['EXP', 60], ['PER', 15], ['DIR', 25]]);
const SEX = new WeightedTable<string>([['F', 55], ['M', 40], ['UNK', 2], ['', 3]]);
const DECHALLENGE = new WeightedTable<string>([['U', 40], ['D', 25], ['Y', 20], ['N', 15]]);
const RECHALLENGE = new WeightedTable<string>([['U', 45], ['D', 45], ['Y', 5], ['N', 5]]);

function ageGroup(years: number): string {
  if (years < 28 / 365) return 'N';
  if (years < 2) return 'I';
  if (years < 12) return 'C';
  if (years < 18) return 'T';
  return years < 65 ? 'A' : 'E';
}

function drawAge(random: Random): FaersCase['age'] {
  const kind = random.uniform();
  if (kind < 0.2) return { value: '', code: '', group: random.bernoulli(0.2) ? random.pick(['A', 'E']) : '' };
  // Implausible ages occur in real extracts; loaders are expected to null them out.
  if (kind < 0.202) return { value: String(random.integer(121, 999)), code: 'YR', group: '' };
  let value: number;
  let code = 'YR';
  let years: number;
  if (kind < 0.217) {
    value = random.integer(1, 23);
    code = 'MON';
    years = value / 12;
  } else if (kind < 0.227) {
    value = random.integer(2, 8);
    code = 'DEC';
    years = value * 10;
  } else if (kind < 0.26) {
    value = random.integer(2, 17);
    years = value;
  } else {
    value = Math.min(99, Math.max(18, Math.round(random.normal(58, 16))));
    years = value;
  }
  return { value: String(value), code, group: random.bernoulli(0.7) ? ageGroup(years) : '' };
}

function drawWeight(random: Random): FaersCase['weight'] {
  if (!random.bernoulli(0.4)) return { value: '', code: '' };
  const kilograms = Math.max(3, random.normal(78, 18));
  if (random.bernoulli(0.15)) return { value: (kilograms * 2.20462).toFixed(2), code: 'LBS' };
  return { value: String(Math.round(kilograms)), code: 'KG' };
}

function drawEventDate(random: Random, initialFdaDay: number, format: (day: number) => string): string {
  if (random.bernoulli(0.3)) return '';
  const full = format(initialFdaDay - 1 - Math.floor(random.exponential(1 / 60)));
  const precision = random.uniform();
  if (precision < 0.08) return full.slice(0, 4);
  return precision < 0.2 ? full.slice(0, 6) : full;
}

function reportDrug(random: Random, role: DrugRole, drug: FaersDrug, country: string): ReportedDrug {
  const useForeign = drug.foreign !== undefined && FOREIGN_NAME_COUNTRIES.has(country) && random.bernoulli(0.5);
  const validated = !useForeign && random.bernoulli(0.5);
  const drugname = useForeign ? random.pick(drug.foreign ?? []) : random.pick(validated ? drug.brands : drug.verbatim);
  // FDA matches most names to an active ingredient; some concomitant names stay unmatched.
  const prodAi = role === 'C' && random.bernoulli(0.12) ? '' : random.pick(drug.prodAi);
  const biologic = drug.doseForm === 'INJECTION';
  return {
    role,
    drug,
    drugname,
    prodAi,
    validated,
    lotNumber: biologic && random.bernoulli(0.3) ? `${random.pick(['A', 'B', 'K', 'L'])}${random.integer(10000, 99999)}` : '',
    dechallenge: role === 'C' ? '' : DECHALLENGE.draw(random),
    rechallenge: role === 'C' ? '' : RECHALLENGE.draw(random),
  };
}

function unknownDrug(): ReportedDrug {
  return { role: 'C', drug: null, drugname: 'UNKNOWN', prodAi: '', validated: false, lotNumber: '', dechallenge: '', rechallenge: '' };
}

/** Exactly one primary suspect; secondary, interacting and concomitant drugs are all different drugs. */
function drawDrugs(random: Random, country: string): ReportedDrug[] {
  const primary = random.bernoulli(FAERS_SIGNAL_EFFECT.primarySuspectShare) ? DICLOFENAC : OTHER_PRIMARY_SUSPECTS.draw(random);
  const used = new Set<FaersDrug>([primary]);
  const drugs = [reportDrug(random, 'PS', primary, country)];
  const addOther = (role: DrugRole): void => {
    const candidate = CONCOMITANT_DRUGS.draw(random);
    if (used.has(candidate)) return;
    used.add(candidate);
    drugs.push(reportDrug(random, role, candidate, country));
  };
  if (random.bernoulli(0.15)) addOther('SS');
  if (random.bernoulli(0.02)) addOther('I');
  for (let count = random.poisson(0.9); count > 0; count--) addOther('C');
  if (random.bernoulli(0.03)) drugs.push(unknownDrug());
  return drugs;
}

/**
 * Background PTs come from the primary suspect's table (PT frequency × the pair's reporting ratio). The
 * planted rule: the planted PT's chance depends only on whether the primary suspect is the planted drug.
 */
function drawPts(random: Random, primary: ReportedDrug, backgroundPts: WeightedTable<string>): string[] {
  const pts = backgroundPts.drawDistinct(random, 1 + random.poisson(1.2));
  const effect = FAERS_SIGNAL_EFFECT;
  const chance = primary.drug === DICLOFENAC ? effect.probabilityWithDrug : effect.probabilityWithoutDrug;
  if (random.bernoulli(chance)) pts.splice(random.integer(0, pts.length), 0, effect.pt);
  return pts;
}

function drawOutcomes(random: Random, pts: readonly string[]): string[] {
  const outcomes = new Set<string>();
  for (const pt of pts) {
    const outcome = SERIOUS_PT_OUTCOME[pt];
    if (outcome) outcomes.add(outcome);
  }
  if (outcomes.size === 0 && random.bernoulli(0.45)) {
    outcomes.add(OTHER_OUTCOMES.draw(random));
    if (random.bernoulli(0.15)) outcomes.add(OTHER_OUTCOMES.draw(random));
  }
  return [...outcomes];
}

function quarterOf(quarters: readonly Quarter[], day: number): number {
  return quarters.findIndex((quarter) => day >= quarter.start && day <= quarter.end);
}

/** Versions received inside the extract; a follow-up dated after the last quarter is not in it. */
function drawVersions(random: Random, quarters: readonly Quarter[], quarter: number, serious: boolean, pts: readonly string[], backgroundPts: WeightedTable<string>): { versions: CaseVersion[]; initialFdaDay: number; outOfOrder: boolean } {
  const model = FAERS_VERSION_MODEL;
  const { start, end } = quarters[quarter] as Quarter;
  const firstVersion = random.bernoulli(model.priorVersionProbability) ? random.integer(2, 3) : 1;
  let day = random.integer(start, end);
  const initialFdaDay = firstVersion === 1 ? day : start - random.integer(20, 300);
  const followUpChance = serious ? model.followUpProbabilitySerious : model.followUpProbabilityNonSerious;
  const followUps = random.bernoulli(followUpChance) ? (random.bernoulli(model.secondFollowUpProbability) ? 2 : 1) : 0;
  const versions: CaseVersion[] = [{ caseVersion: firstVersion, fdaDay: day, quarter, addedPts: [], addedOutcomes: [] }];
  for (let i = 1; i <= followUps; i++) {
    const previous = versions[versions.length - 1] as CaseVersion;
    day += random.bernoulli(model.sameDayProbability) ? 0 : 3 + Math.floor(random.exponential(1 / model.meanDaysBetweenVersions));
    const addedPts = [...previous.addedPts];
    const extra = backgroundPts.draw(random);
    if (random.bernoulli(0.3) && !pts.includes(extra) && !addedPts.includes(extra)) addedPts.push(extra);
    const addedOutcomes = [...previous.addedOutcomes];
    if (random.bernoulli(0.1)) addedOutcomes.push('HO');
    const inQuarter = quarterOf(quarters, day);
    if (inQuarter < 0) break;
    versions.push({ caseVersion: firstVersion + i, fdaDay: day, quarter: inQuarter, addedPts, addedOutcomes });
  }
  const last = versions[versions.length - 1] as CaseVersion;
  const beforeLast = versions[versions.length - 2];
  let outOfOrder = false;
  if (beforeLast && beforeLast.quarter === last.quarter && beforeLast.fdaDay < last.fdaDay && random.bernoulli(model.outOfOrderProbability)) {
    [beforeLast.fdaDay, last.fdaDay] = [last.fdaDay, beforeLast.fdaDay];
    outOfOrder = true;
  }
  return { versions, initialFdaDay, outOfOrder };
}

export function simulateCase(random: Random, ratios: ReportingRatios, caseId: number, quarters: readonly Quarter[], quarter: number, formatDate: (day: number) => string): FaersCase {
  const country = REPORTER_COUNTRIES.draw(random);
  const reportType = REPORT_TYPES.draw(random);
  const drugs = drawDrugs(random, country);
  const primary = drugs[0] as ReportedDrug;
  if (!primary.drug) throw new Error('the primary suspect is always an identified drug');
  const backgroundPts = ratios.ptsFor(primary.drug);
  const pts = drawPts(random, primary, backgroundPts);
  const outcomes = drawOutcomes(random, pts);
  const { versions, initialFdaDay, outOfOrder } = drawVersions(random, quarters, quarter, outcomes.length > 0, pts, backgroundPts);
  return {
    caseId,
    reportType,
    manufacturer: reportType === 'DIR' ? '' : random.pick(MANUFACTURERS),
    country,
    occupation: reportType === 'DIR' && random.bernoulli(0.5) ? 'CN' : OCCUPATIONS.draw(random),
    sex: SEX.draw(random),
    age: drawAge(random),
    weight: drawWeight(random),
    eventDate: drawEventDate(random, initialFdaDay, formatDate),
    initialFdaDay,
    drugs,
    pts,
    outcomes,
    versions,
    outOfOrder,
  };
}
