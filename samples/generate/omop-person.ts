/**
 * The clinical model: one person's synthetic history (demographics, observation period, visits,
 * diagnoses, prescriptions, labs, death), with the planted NSAID → GI hemorrhage effect. Pure simulation,
 * no I/O: omop.ts turns a history into OMOP rows. Every event lies inside the observation period.
 */
import { CONDITION, DRUG, ETHNICITY, MEASUREMENT, RACE, VISIT, type ConditionConcept, type DrugConcept, type MeasurementConcept } from './concepts.js';
import { civilFromDay, dayFromIso, DAYS_PER_YEAR } from './dates.js';
import { CLINICAL_WINDOW, HBA1C_EFFECT, NSAID_GI_BLEED_EFFECT } from './effects.js';
import { WeightedTable, type Random } from './random.js';

export interface Visit {
  conceptId: number;
  start: number;
  end: number;
  /** Set when rows are written. */
  id: number;
  preceding: Visit | null;
}

export interface ConditionRecord {
  concept: ConditionConcept;
  start: number;
  end: number | null;
  visit: Visit;
}

export interface DrugRecord {
  drug: DrugConcept;
  start: number;
  end: number;
  daysSupply: number;
  quantity: number;
  visit: Visit | null;
}

export interface MeasurementRecord {
  concept: MeasurementConcept;
  date: number;
  value: number;
  decimals: number;
  rangeLow: number;
  rangeHigh: number;
  visit: Visit;
}

export type StudyArm = 'exposure' | 'comparator';

export interface PersonHistory {
  personId: number;
  gender: 'M' | 'F';
  yearOfBirth: number;
  monthOfBirth: number;
  dayOfBirth: number;
  raceConceptId: number;
  ethnicityConceptId: number;
  observationStart: number;
  observationEnd: number;
  visits: Visit[];
  conditions: ConditionRecord[];
  drugs: DrugRecord[];
  measurements: MeasurementRecord[];
  death: { date: number; cause: ConditionConcept | null } | null;
  arm: StudyArm | null;
  indexDate: number | null;
  outcomeDate: number | null;
}

const WINDOW_START = dayFromIso(CLINICAL_WINDOW.start);
const WINDOW_END = dayFromIso(CLINICAL_WINDOW.end);
/** Observation periods start no later than two years before the window ends. */
const LAST_OBSERVATION_START = WINDOW_END - 2 * 365;

const RACES = new WeightedTable<number>([
  [RACE.white.id, 0.72],
  [RACE.black.id, 0.14],
  [RACE.asian.id, 0.09],
  [0, 0.05],
]);

/** A person under construction: the history plus the helpers that keep events inside observation. */
class HistoryBuilder {
  private readonly outpatientByDay = new Map<number, Visit>();

  constructor(
    readonly random: Random,
    readonly history: PersonHistory,
  ) {}

  get start(): number {
    return this.history.observationStart;
  }

  get end(): number {
    return this.history.observationEnd;
  }

  ageAt(day: number): number {
    return civilFromDay(day).year - this.history.yearOfBirth;
  }

  dayBetween(first: number, last: number): number {
    return this.random.integer(first, Math.max(first, last));
  }

  /** One outpatient visit per day: prescriptions, diagnoses and labs of a day share it. */
  outpatientVisit(day: number): Visit {
    const existing = this.outpatientByDay.get(day);
    if (existing) return existing;
    const visit = this.addVisit(VISIT.outpatient.id, day, day, null);
    this.outpatientByDay.set(day, visit);
    return visit;
  }

  addVisit(conceptId: number, start: number, end: number, preceding: Visit | null): Visit {
    const visit: Visit = { conceptId, start, end, id: 0, preceding };
    this.history.visits.push(visit);
    return visit;
  }

  diagnose(concept: ConditionConcept, day: number): void {
    this.history.conditions.push({ concept, start: day, end: null, visit: this.outpatientVisit(day) });
  }

  /** Consecutive fills from `firstDay`, stopping before `stopBefore` and at the end of observation. */
  prescribe(drug: DrugConcept, firstDay: number, fills: number, daysSupply: number, stopBefore = Infinity): void {
    let day = firstDay;
    for (let fill = 0; fill < fills && day <= this.end && day < stopBefore; fill++) {
      const end = Math.min(day + daysSupply - 1, this.end);
      const visit = fill === 0 ? this.outpatientVisit(day) : null;
      this.history.drugs.push({ drug, start: day, end, daysSupply, quantity: daysSupply, visit });
      day = end + 1 + this.random.integer(0, 14);
    }
  }

  measure(concept: MeasurementConcept, day: number, value: number, decimals: number, range: [number, number]): void {
    this.history.measurements.push({
      concept,
      date: day,
      value,
      decimals,
      rangeLow: range[0],
      rangeHigh: range[1],
      visit: this.outpatientVisit(day),
    });
  }
}

function newHistory(random: Random, personId: number): PersonHistory {
  const observationStart = random.integer(WINDOW_START, LAST_OBSERVATION_START);
  const staysToWindowEnd = random.bernoulli(0.7);
  const observationEnd = staysToWindowEnd ? WINDOW_END : random.integer(observationStart + 365, WINDOW_END);
  return {
    personId,
    gender: random.bernoulli(0.52) ? 'F' : 'M',
    yearOfBirth: random.integer(1935, 1990),
    monthOfBirth: random.integer(1, 12),
    dayOfBirth: random.integer(1, 28),
    raceConceptId: RACES.draw(random),
    ethnicityConceptId: random.bernoulli(0.12) ? ETHNICITY.hispanic.id : ETHNICITY.notHispanic.id,
    observationStart,
    observationEnd,
    visits: [],
    conditions: [],
    drugs: [],
    measurements: [],
    death: null,
    arm: null,
    indexDate: null,
    outcomeDate: null,
  };
}

/** Background mortality (Gompertz-like in age), independent of everything else: non-informative censoring. */
function simulateNaturalDeath(person: HistoryBuilder): void {
  const ratePerYear = 0.001 * Math.exp(0.085 * (person.ageAt(person.start) - 40));
  const deathDay = person.start + Math.ceil(person.random.exponential(ratePerYear / DAYS_PER_YEAR));
  if (deathDay < person.end) {
    person.history.observationEnd = deathDay;
    person.history.death = { date: deathDay, cause: null };
  }
}

/** Arm, index date and outcome: the planted effect. */
function simulateStudyExposure(person: HistoryBuilder): void {
  const effect = NSAID_GI_BLEED_EFFECT;
  const { random, history } = person;
  const firstIndex = person.start + effect.washoutDays;
  const lastIndex = person.end - effect.minimumFollowUpDays;
  const draw = random.uniform();
  if (firstIndex <= lastIndex && draw < effect.exposureShare + effect.comparatorShare) {
    history.arm = draw < effect.exposureShare ? 'exposure' : 'comparator';
    history.indexDate = random.integer(firstIndex, lastIndex);
    const ratePerYear = effect.comparatorRatePerYear * (history.arm === 'exposure' ? effect.hazardRatio : 1);
    const eventDay = history.indexDate + Math.max(1, Math.ceil(random.exponential(ratePerYear / DAYS_PER_YEAR)));
    if (eventDay <= person.end) history.outcomeDate = eventDay;
  } else if (firstIndex < person.end) {
    const waited = random.exponential(effect.nonUserRatePerYear / DAYS_PER_YEAR);
    const eventDay = firstIndex + Math.max(1, Math.ceil(waited));
    if (eventDay <= person.end) history.outcomeDate = eventDay;
  }
}

/** The hospital stay that records the outcome, and sometimes a death shortly after it. */
function recordOutcome(person: HistoryBuilder, outcomeDay: number): void {
  const { random, history } = person;
  if (random.bernoulli(NSAID_GI_BLEED_EFFECT.deathAfterOutcomeProbability)) {
    const deathDay = outcomeDay + random.integer(1, 30);
    if (deathDay <= person.end) {
      history.observationEnd = deathDay;
      history.death = { date: deathDay, cause: CONDITION.giHemorrhage };
    }
  }
  const emergency = random.bernoulli(0.35) ? person.addVisit(VISIT.emergency.id, outcomeDay, outcomeDay, null) : null;
  const discharge = Math.min(outcomeDay + random.integer(2, 8), person.end);
  const stay = person.addVisit(VISIT.inpatient.id, outcomeDay, discharge, emergency);
  history.conditions.push({ concept: CONDITION.giHemorrhage, start: outcomeDay, end: discharge, visit: stay });
}

function simulateStudyDrug(person: HistoryBuilder): void {
  const { random, history } = person;
  if (history.arm === null || history.indexDate === null) return;
  const drug = history.arm === 'exposure' ? DRUG.diclofenac : DRUG.celecoxib;
  if (random.bernoulli(0.7)) person.diagnose(CONDITION.osteoarthritis, history.indexDate);
  person.prescribe(drug, history.indexDate, 1 + random.poisson(3), 30, history.outcomeDate ?? Infinity);
  // Gastroprotection is common with NSAIDs; here it changes nothing, which an analysis may check.
  if (random.bernoulli(0.3)) person.prescribe(DRUG.omeprazole, history.indexDate, 1 + random.poisson(2), 30);
}

function simulateChronicCare(person: HistoryBuilder): { diabetesDay: number | null } {
  const { random, history } = person;
  const age = person.ageAt(person.start);
  const earlyDay = (): number => person.dayBetween(person.start, Math.min(person.end, person.start + 730));
  const laterDay = (from: number): number => person.dayBetween(from, person.end);

  if (random.bernoulli(0.12 + 0.006 * (age - 30))) {
    const day = earlyDay();
    person.diagnose(CONDITION.hypertension, day);
    if (random.bernoulli(0.7)) person.prescribe(DRUG.lisinopril, day, 1 + random.poisson(3), 90);
  }
  let diabetesDay: number | null = null;
  if (random.bernoulli(0.05 + 0.003 * (age - 30))) {
    diabetesDay = earlyDay();
    person.diagnose(CONDITION.type2Diabetes, diabetesDay);
    if (random.bernoulli(0.85)) person.prescribe(DRUG.metformin, diabetesDay, 1 + random.poisson(3), 90);
  }
  if (history.arm === null && random.bernoulli(0.1 + 0.005 * (age - 30))) person.diagnose(CONDITION.osteoarthritis, earlyDay());
  if (age > 50 && random.bernoulli(0.3)) person.prescribe(DRUG.simvastatin, earlyDay(), 1 + random.poisson(3), 90);
  if (random.bernoulli(age > 60 ? 0.2 : 0.08)) person.prescribe(DRUG.aspirin, earlyDay(), 1 + random.poisson(2), 90);
  if (random.bernoulli(0.08)) person.prescribe(DRUG.omeprazole, laterDay(person.start), 1 + random.poisson(1), 30);
  if (random.bernoulli(0.08)) person.prescribe(DRUG.ibuprofen, laterDay(person.start), 1 + random.poisson(0.5), 10);
  return { diabetesDay };
}

function simulateLabs(person: HistoryBuilder, diabetesDay: number | null): void {
  const { random, history } = person;
  const male = history.gender === 'M';
  const creatinineRange: [number, number] = male ? [0.74, 1.35] : [0.59, 1.04];
  for (let i = random.poisson(1.5); i > 0; i--) {
    const value = random.logNormal(Math.log(male ? 0.98 : 0.78), 0.18);
    person.measure(MEASUREMENT.creatinine, person.dayBetween(person.start, person.end), value, 2, creatinineRange);
  }
  const effect = HBA1C_EFFECT;
  if (diabetesDay !== null) {
    for (let i = 1 + random.poisson(1.5); i > 0; i--) {
      const value = Math.max(4.5, random.normal(effect.meanWithDiabetes, effect.sdWithDiabetes));
      person.measure(MEASUREMENT.hba1c, person.dayBetween(diabetesDay, person.end), value, 1, [4.0, 5.6]);
    }
  } else if (random.bernoulli(0.25)) {
    const value = random.normal(effect.meanWithoutDiabetes, effect.sdWithoutDiabetes);
    person.measure(MEASUREMENT.hba1c, person.dayBetween(person.start, person.end), value, 1, [4.0, 5.6]);
  }
}

/** Same-day visits in care order: outpatient, then emergency room, then the admission it leads to. */
function visitOrder(visit: Visit): number {
  if (visit.conceptId === VISIT.outpatient.id) return 0;
  return visit.conceptId === VISIT.emergency.id ? 1 : 2;
}

/**
 * Simulates one person. The order matters: the end of observation (death, loss to follow-up) is fixed
 * first, then the outcome is censored at it, and only then are other events placed inside it.
 */
export function simulatePerson(random: Random, personId: number): PersonHistory {
  const person = new HistoryBuilder(random, newHistory(random, personId));
  simulateNaturalDeath(person);
  simulateStudyExposure(person);
  if (person.history.outcomeDate !== null) recordOutcome(person, person.history.outcomeDate);
  simulateStudyDrug(person);
  const { diabetesDay } = simulateChronicCare(person);
  simulateLabs(person, diabetesDay);
  person.history.visits.sort((a, b) => a.start - b.start || visitOrder(a) - visitOrder(b));
  return person.history;
}
