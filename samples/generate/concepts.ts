/**
 * The OMOP concepts the synthetic clinical data uses, with the source codes (ICD-10-CM, ATC, LOINC, UCUM)
 * written beside them. Clinical, drug, measurement, unit, gender, ethnicity and visit ids match the OHDSI
 * vocabulary as shipped in the Eunomia sample databases; type, race and route ids are the usual OHDSI ids
 * (see samples/README.md). concept.csv is written from this list and nothing else.
 */

export interface Concept {
  id: number;
  name: string;
  domain: string;
  vocabulary: string;
  conceptClass: string;
  /** 'S' standard, '' non-standard or metadata. */
  standard: 'S' | '';
  code: string;
}

function concept(
  id: number,
  name: string,
  domain: string,
  vocabulary: string,
  conceptClass: string,
  code: string,
  standard: 'S' | '' = 'S',
): Concept {
  return { id, name, domain, vocabulary, conceptClass, standard, code };
}

export const NO_MATCHING_CONCEPT = concept(0, 'No matching concept', 'Metadata', 'None', 'Undefined', 'No matching concept', '');

export const GENDER = {
  male: concept(8507, 'MALE', 'Gender', 'Gender', 'Gender', 'M'),
  female: concept(8532, 'FEMALE', 'Gender', 'Gender', 'Gender', 'F'),
} as const;

export const RACE = {
  white: concept(8527, 'White', 'Race', 'Race', 'Race', '5'),
  black: concept(8516, 'Black or African American', 'Race', 'Race', 'Race', '3'),
  asian: concept(8515, 'Asian', 'Race', 'Race', 'Race', '2'),
} as const;

export const ETHNICITY = {
  hispanic: concept(38003563, 'Hispanic or Latino', 'Ethnicity', 'Ethnicity', 'Ethnicity', 'Hispanic'),
  notHispanic: concept(38003564, 'Not Hispanic or Latino', 'Ethnicity', 'Ethnicity', 'Ethnicity', 'Not Hispanic'),
} as const;

export const VISIT = {
  inpatient: concept(9201, 'Inpatient Visit', 'Visit', 'Visit', 'Visit', 'IP'),
  outpatient: concept(9202, 'Outpatient Visit', 'Visit', 'Visit', 'Visit', 'OP'),
  emergency: concept(9203, 'Emergency Room Visit', 'Visit', 'Visit', 'Visit', 'ER'),
} as const;

/** Provenance ("type") concepts of CDM v5.4. */
export const TYPE = {
  ehr: concept(32817, 'EHR', 'Type Concept', 'Type Concept', 'Type Concept', 'OMOP generated'),
  ehrPrescription: concept(32838, 'EHR prescription', 'Type Concept', 'Type Concept', 'Type Concept', 'OMOP generated'),
  lab: concept(32856, 'Lab', 'Type Concept', 'Type Concept', 'Type Concept', 'OMOP generated'),
} as const;

export const ORAL_ROUTE = concept(4132161, 'Oral', 'Route', 'SNOMED', 'Qualifier Value', '26643006');

export interface ConditionConcept extends Concept {
  icd10: string;
}

function condition(id: number, name: string, snomedCode: string, icd10: string): ConditionConcept {
  return { ...concept(id, name, 'Condition', 'SNOMED', 'Clinical Finding', snomedCode), icd10 };
}

export const CONDITION = {
  giHemorrhage: condition(192671, 'Gastrointestinal hemorrhage', '74474003', 'K92.2'),
  hypertension: condition(320128, 'Essential hypertension', '59621000', 'I10'),
  type2Diabetes: condition(201826, 'Type 2 diabetes mellitus', '44054006', 'E11.9'),
  osteoarthritis: condition(80180, 'Osteoarthritis', '396275006', 'M19.90'),
} as const;

export interface DrugConcept extends Concept {
  atc: string;
}

function ingredient(id: number, name: string, rxnormCode: string, atc: string): DrugConcept {
  return { ...concept(id, name, 'Drug', 'RxNorm', 'Ingredient', rxnormCode), atc };
}

export const DRUG = {
  diclofenac: ingredient(1124300, 'diclofenac', '3355', 'M01AB05'),
  celecoxib: ingredient(1118084, 'celecoxib', '140587', 'M01AH01'),
  ibuprofen: ingredient(1177480, 'ibuprofen', '5640', 'M01AE01'),
  aspirin: ingredient(1112807, 'aspirin', '1191', 'B01AC06'),
  simvastatin: ingredient(1539403, 'simvastatin', '36567', 'C10AA01'),
  lisinopril: ingredient(1308216, 'lisinopril', '29046', 'C09AA03'),
  metformin: ingredient(1503297, 'metformin', '6809', 'A10BA02'),
  omeprazole: ingredient(923645, 'omeprazole', '7646', 'A02BC01'),
} as const;

export const UNIT = {
  percent: concept(8554, 'percent', 'Unit', 'UCUM', 'Unit', '%'),
  milligramPerDeciliter: concept(8840, 'milligram per deciliter', 'Unit', 'UCUM', 'Unit', 'mg/dL'),
} as const;

export interface MeasurementConcept extends Concept {
  unit: Concept;
}

export const MEASUREMENT = {
  hba1c: {
    ...concept(3004410, 'Hemoglobin A1c/Hemoglobin.total in Blood', 'Measurement', 'LOINC', 'Lab Test', '4548-4'),
    unit: UNIT.percent,
  },
  creatinine: {
    ...concept(3016723, 'Creatinine [Mass/volume] in Serum or Plasma', 'Measurement', 'LOINC', 'Lab Test', '2160-0'),
    unit: UNIT.milligramPerDeciliter,
  },
} as const satisfies Record<string, MeasurementConcept>;

/** Every concept above, once, ordered by id: the rows of concept.csv. */
export function allConcepts(): Concept[] {
  const groups: Record<string, Concept>[] = [GENDER, RACE, ETHNICITY, VISIT, TYPE, CONDITION, DRUG, UNIT, MEASUREMENT];
  const concepts = [NO_MATCHING_CONCEPT, ORAL_ROUTE, ...groups.flatMap((group) => Object.values(group))];
  return concepts
    .map(({ id, name, domain, vocabulary, conceptClass, standard, code }) => ({
      id,
      name,
      domain,
      vocabulary,
      conceptClass,
      standard,
      code,
    }))
    .sort((a, b) => a.id - b.id);
}
