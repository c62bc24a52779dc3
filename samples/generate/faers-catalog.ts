/**
 * What FAERS reports are made of: drugs (verbatim names as reporters write them, FDA's prod_ai, route,
 * dose), MedDRA preferred terms, reporter countries and occupations. Names are real; weights are invented.
 * A few verbatim names carry Latin-1 letters (é, è, ó, Á): they are written as single bytes.
 */
import { FAERS_SIGNAL_EFFECT } from './effects.js';
import { WeightedTable } from './random.js';

export interface FaersDrug {
  /** prod_ai as FDA fills it in; several entries are alternatives seen for the same drug (salt forms). */
  prodAi: readonly string[];
  /** Verbatim names: brand names (val_vbm 1) first, then generic or misspelt forms (val_vbm 2). */
  brands: readonly string[];
  verbatim: readonly string[];
  /** Names used by reporters abroad, some with Latin-1 letters. */
  foreign?: readonly string[];
  route: string;
  doseAmount: string;
  doseUnit: string;
  doseForm: string;
  doseFrequency: string;
  /** Relative share as primary suspect. */
  weight: number;
}

function drug(
  prodAi: string | readonly string[],
  brands: readonly string[],
  verbatim: readonly string[],
  dose: [route: string, amount: string, unit: string, form: string, frequency: string],
  weight: number,
  foreign?: readonly string[],
): FaersDrug {
  const [route, doseAmount, doseUnit, doseForm, doseFrequency] = dose;
  const ingredients = typeof prodAi === 'string' ? [prodAi] : prodAi;
  return { prodAi: ingredients, brands, verbatim, foreign, route, doseAmount, doseUnit, doseForm, doseFrequency, weight };
}

const TABLET = (amount: string, frequency: string): [string, string, string, string, string] => ['Oral', amount, 'MG', 'TABLET', frequency];
const INJECTION = (amount: string, unit: string, frequency: string): [string, string, string, string, string] => ['Subcutaneous', amount, unit, 'INJECTION', frequency];
const INFUSION = (amount: string, frequency: string): [string, string, string, string, string] => ['Intravenous', amount, 'MG', 'INJECTION', frequency];

export const DICLOFENAC = drug(
  ['DICLOFENAC SODIUM', 'DICLOFENAC SODIUM', 'DICLOFENAC POTASSIUM', 'DICLOFENAC'],
  ['VOLTAREN', 'CATAFLAM', 'ZIPSOR'],
  ['DICLOFENAC SODIUM', 'DICLOFENAC', 'DICLOFENAC 75MG', 'diclofenac sodium DR'],
  TABLET('75', 'BID'),
  0,
  ['Diclofénac sodique', 'Diclofenaco sódico'],
);

/** Every drug that can be reported; diclofenac's primary-suspect share is set by the planted effect. */
export const FAERS_DRUGS: readonly FaersDrug[] = [
  DICLOFENAC,
  drug('CELECOXIB', ['CELEBREX'], ['CELECOXIB', 'celecoxib 200 mg'], TABLET('200', 'QD'), 2),
  drug('IBUPROFEN', ['ADVIL', 'MOTRIN'], ['IBUPROFEN', 'ibuprofen 400mg'], TABLET('400', 'TID'), 2, ['Ibuprofène']),
  drug('NAPROXEN SODIUM', ['ALEVE', 'NAPROSYN'], ['NAPROXEN'], TABLET('220', 'BID'), 1.5),
  drug('ASPIRIN', ['BAYER ASPIRIN'], ['ASPIRIN', 'ACETYLSALICYLIC ACID', 'ASA 81'], TABLET('81', 'QD'), 2, ['Ácido acetilsalicílico']),
  drug('ACETAMINOPHEN', ['TYLENOL'], ['ACETAMINOPHEN', 'PARACETAMOL'], TABLET('500', 'PRN'), 2.5, ['Paracétamol']),
  drug('ATORVASTATIN CALCIUM', ['LIPITOR'], ['ATORVASTATIN', 'atorvastatin calcium'], TABLET('40', 'QD'), 4),
  drug('SIMVASTATIN', ['ZOCOR'], ['SIMVASTATIN'], TABLET('20', 'QD'), 1.5),
  drug('METFORMIN HYDROCHLORIDE', ['GLUCOPHAGE'], ['METFORMIN', 'METFORMIN HCL'], TABLET('1000', 'BID'), 3),
  drug('OMEPRAZOLE', ['PRILOSEC'], ['OMEPRAZOLE'], ['Oral', '20', 'MG', 'CAPSULE', 'QD'], 2, ['Oméprazole']),
  drug('PANTOPRAZOLE SODIUM', ['PROTONIX'], ['PANTOPRAZOLE'], TABLET('40', 'QD'), 1.5),
  drug('LISINOPRIL', ['ZESTRIL', 'PRINIVIL'], ['LISINOPRIL'], TABLET('10', 'QD'), 2),
  drug('AMLODIPINE BESYLATE', ['NORVASC'], ['AMLODIPINE'], TABLET('5', 'QD'), 2),
  drug('WARFARIN SODIUM', ['COUMADIN'], ['WARFARIN'], TABLET('5', 'QD'), 2),
  drug('APIXABAN', ['ELIQUIS'], ['APIXABAN'], TABLET('5', 'BID'), 5),
  drug('RIVAROXABAN', ['XARELTO'], ['RIVAROXABAN'], TABLET('20', 'QD'), 4),
  drug('CLOPIDOGREL BISULFATE', ['PLAVIX'], ['CLOPIDOGREL'], TABLET('75', 'QD'), 2),
  drug('ADALIMUMAB', ['HUMIRA'], ['ADALIMUMAB'], INJECTION('40', 'MG', 'QOW'), 8),
  drug('ETANERCEPT', ['ENBREL'], ['ETANERCEPT'], INJECTION('50', 'MG', 'QW'), 4),
  drug('DUPILUMAB', ['DUPIXENT'], ['DUPILUMAB'], INJECTION('300', 'MG', 'QOW'), 6),
  drug('SEMAGLUTIDE', ['OZEMPIC', 'WEGOVY'], ['SEMAGLUTIDE'], INJECTION('1', 'MG', 'QW'), 6),
  drug('INSULIN GLARGINE', ['LANTUS'], ['INSULIN GLARGINE'], INJECTION('20', 'IU', 'QD'), 3),
  drug('LEVOTHYROXINE SODIUM', ['SYNTHROID'], ['LEVOTHYROXINE'], ['Oral', '50', 'UG', 'TABLET', 'QD'], 2),
  drug('SERTRALINE HYDROCHLORIDE', ['ZOLOFT'], ['SERTRALINE'], TABLET('50', 'QD'), 2),
  drug('ESCITALOPRAM OXALATE', ['LEXAPRO'], ['ESCITALOPRAM'], TABLET('10', 'QD'), 1.5),
  drug('PREDNISONE', ['DELTASONE'], ['PREDNISONE'], TABLET('10', 'QD'), 2),
  drug('METHOTREXATE', ['TREXALL'], ['METHOTREXATE', 'MTX'], TABLET('15', 'QW'), 2.5),
  drug('PEMBROLIZUMAB', ['KEYTRUDA'], ['PEMBROLIZUMAB'], INFUSION('200', 'Q3W'), 5),
  drug('NIVOLUMAB', ['OPDIVO'], ['NIVOLUMAB'], INFUSION('240', 'Q2W'), 3),
  drug('LENALIDOMIDE', ['REVLIMID'], ['LENALIDOMIDE'], ['Oral', '25', 'MG', 'CAPSULE', 'QD'], 4),
  drug('TOFACITINIB CITRATE', ['XELJANZ'], ['TOFACITINIB'], TABLET('5', 'BID'), 2.5),
  drug('SACUBITRIL\\VALSARTAN', ['ENTRESTO'], ['SACUBITRIL/VALSARTAN'], TABLET('97', 'BID'), 2.5),
];

/**
 * Primary suspects other than the planted drug, by weight. The planted drug is chosen separately with its
 * exact share, so the weights above need not add up to anything.
 */
export const OTHER_PRIMARY_SUSPECTS = new WeightedTable<FaersDrug>(
  FAERS_DRUGS.filter((entry) => entry !== DICLOFENAC).map((entry) => [entry, entry.weight]),
);

/** Concomitant and secondary drugs: commoner chronic drugs are commoner here. */
export const CONCOMITANT_DRUGS = new WeightedTable<FaersDrug>(FAERS_DRUGS.map((entry) => [entry, entry.weight + 1]));

/**
 * MedDRA preferred terms with relative report frequencies. The planted PT is deliberately absent: it is
 * added only by the planted-effect rule, so its rate is exactly what effects.ts says.
 */
const PT_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Drug ineffective', 10], ['Off label use', 6], ['Nausea', 7], ['Headache', 6], ['Fatigue', 6],
  ['Dizziness', 5], ['Diarrhoea', 5], ['Vomiting', 4], ['Rash', 4], ['Pruritus', 3], ['Dyspnoea', 4],
  ['Pain', 4], ['Arthralgia', 3], ['Abdominal pain upper', 2], ['Pyrexia', 3], ['Malaise', 3],
  ['Insomnia', 2], ['Anxiety', 2], ['Depression', 2], ['Hypertension', 2], ['Fall', 3],
  ['Weight decreased', 2], ['Weight increased', 2], ['Oedema peripheral', 2], ['Myalgia', 2],
  ['Back pain', 2], ['Injection site pain', 3], ['Injection site erythema', 2], ['Pneumonia', 3],
  ['Urinary tract infection', 2], ['Cough', 2], ['Constipation', 2], ['Dyspepsia', 1.5],
  ['Hypoglycaemia', 1], ['Lactic acidosis', 0.5], ['Acute kidney injury', 2], ['Rhabdomyolysis', 0.5],
  ['Hepatic enzyme increased', 1.5], ['Anaemia', 2], ['Thrombocytopenia', 1], ['Neutropenia', 1],
  ['Death', 2], ['Cerebrovascular accident', 1], ['Myocardial infarction', 1], ['Atrial fibrillation', 1],
  ['Syncope', 1], ['Hypotension', 1.5], ['Haemorrhage', 1], ['Epistaxis', 1], ['Melaena', 0.5],
  ['Alopecia', 1], ['Product dose omission issue', 3], ['Condition aggravated', 2], ['Urticaria', 1.5],
  ['Anaphylactic reaction', 0.5], ['Conjunctivitis', 1], ['Dermatitis atopic', 0.5],
];

/** Every PT but the planted one, with its relative frequency (before the drug's reporting ratios). */
export const BACKGROUND_PT_WEIGHTS: readonly (readonly [string, number])[] = PT_WEIGHTS.filter(([pt]) => pt !== FAERS_SIGNAL_EFFECT.pt);

/** The ingredient a screen would name the drug by: its first prod_ai without the salt words SODIUM and POTASSIUM. */
export function ingredientName(entry: FaersDrug): string {
  return (entry.prodAi[0] ?? '').replace(/\s*\b(SODIUM|POTASSIUM)\b/g, '').trim();
}

/** PTs that make a report serious, and the outcome code they bring. */
export const SERIOUS_PT_OUTCOME: Readonly<Record<string, string>> = {
  [FAERS_SIGNAL_EFFECT.pt]: 'HO',
  Death: 'DE',
  'Anaphylactic reaction': 'LT',
  'Myocardial infarction': 'HO',
  'Cerebrovascular accident': 'HO',
  Pneumonia: 'HO',
  'Acute kidney injury': 'HO',
  'Lactic acidosis': 'LT',
};

/** Other outcome codes for reports that are serious without a serious PT. */
export const OTHER_OUTCOMES = new WeightedTable<string>([['OT', 6], ['HO', 4], ['DS', 0.4], ['RI', 0.3], ['LT', 0.5], ['CA', 0.05]]);

export const REPORTER_COUNTRIES = new WeightedTable<string>([
  ['US', 65], ['GB', 5], ['CA', 5], ['JP', 5], ['DE', 4], ['FR', 5], ['ES', 4], ['IT', 3], ['BR', 2], ['AU', 2],
]);

/** Countries whose reporters may use the foreign (Latin-1) drug names. */
export const FOREIGN_NAME_COUNTRIES: ReadonlySet<string> = new Set(['FR', 'ES', 'IT', 'BR']);

export const OCCUPATIONS = new WeightedTable<string>([['CN', 45], ['MD', 25], ['PH', 8], ['OT', 18], ['LW', 2], ['', 2]]);

export const MANUFACTURERS: readonly string[] = [
  'NORTHWIND PHARMACEUTICALS', 'CONTOSO HEALTH', 'FABRIKAM LABS', 'LITWARE BIOSCIENCE', 'TAILSPIN THERAPEUTICS',
];
