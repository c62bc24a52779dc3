/**
 * The OMOP CDM tables pmw knows, with the column types every import gives them. Column lists follow
 * OHDSI/CommonDataModel `inst/ddl/5.4/duckdb/OMOPCDM_duckdb_5.4_ddl.sql` and the 5.3 DDL beside it
 * (commit 0dd2175a77db0ae2e087e9138db193e60704a1e7), in DDL order. Types are ours: integer ids and
 * concept ids BIGINT, other integers INTEGER, NUMERIC and every quantity DOUBLE, text VARCHAR.
 * A 5.3 file is read into the 5.4 shape: columns 5.4 added are NULL, columns 5.4 renamed take the new name.
 */

export type CdmGroup = 'clinical' | 'health system' | 'derived' | 'vocabulary' | 'metadata' | 'results';

export interface CdmColumn {
  name: string;
  type: 'BIGINT' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'VARCHAR';
}

export interface CdmTable {
  name: string;
  group: CdmGroup;
  columns: CdmColumn[];
  /** Columns new in 5.4 (NULL when a 5.3 file is read). */
  addedIn54: string[];
  /** 5.3 name → 5.4 name. */
  renamedIn54: Record<string, string>;
  /** Columns a file of this table must have: without them it is not this table (or has no header line). */
  required: string[];
  /** The concept a cohort matches on; a 0 there is an unmapped row. */
  mainConcept?: string;
  /** For event tables: the date that must fall inside an observation period. */
  eventDate?: string;
  /** New in 5.4: a file of this table marks a 5.4 folder. */
  newIn54?: boolean;
}

function columns(spec: string): CdmColumn[] {
  return spec.trim().split(/\s*,\s*/).map((pair) => {
    const [name, type] = pair.split(/\s+/) as [string, CdmColumn['type']];
    return { name, type };
  });
}

type TableSpec = Omit<CdmTable, 'name' | 'columns' | 'addedIn54' | 'renamedIn54' | 'required'> &
  Partial<Pick<CdmTable, 'addedIn54' | 'renamedIn54' | 'required'>> & { columns: string };

const VISIT_RENAMES = {
  admitting_source_concept_id: 'admitted_from_concept_id',
  admitting_source_value: 'admitted_from_source_value',
  discharge_to_concept_id: 'discharged_to_concept_id',
  discharge_to_source_value: 'discharged_to_source_value',
};

const SPECS: Record<string, TableSpec> = {
  person: {
    group: 'clinical', mainConcept: 'gender_concept_id', required: ['person_id'],
    columns: `person_id BIGINT, gender_concept_id BIGINT, year_of_birth INTEGER, month_of_birth INTEGER, day_of_birth INTEGER,
      birth_datetime TIMESTAMP, race_concept_id BIGINT, ethnicity_concept_id BIGINT, location_id BIGINT, provider_id BIGINT,
      care_site_id BIGINT, person_source_value VARCHAR, gender_source_value VARCHAR, gender_source_concept_id BIGINT,
      race_source_value VARCHAR, race_source_concept_id BIGINT, ethnicity_source_value VARCHAR, ethnicity_source_concept_id BIGINT`,
  },
  observation_period: {
    group: 'clinical', required: ['person_id', 'observation_period_start_date', 'observation_period_end_date'],
    columns: `observation_period_id BIGINT, person_id BIGINT, observation_period_start_date DATE, observation_period_end_date DATE,
      period_type_concept_id BIGINT`,
  },
  visit_occurrence: {
    group: 'clinical', mainConcept: 'visit_concept_id', eventDate: 'visit_start_date', required: ['person_id', 'visit_start_date'],
    renamedIn54: VISIT_RENAMES,
    columns: `visit_occurrence_id BIGINT, person_id BIGINT, visit_concept_id BIGINT, visit_start_date DATE, visit_start_datetime TIMESTAMP,
      visit_end_date DATE, visit_end_datetime TIMESTAMP, visit_type_concept_id BIGINT, provider_id BIGINT, care_site_id BIGINT,
      visit_source_value VARCHAR, visit_source_concept_id BIGINT, admitted_from_concept_id BIGINT, admitted_from_source_value VARCHAR,
      discharged_to_concept_id BIGINT, discharged_to_source_value VARCHAR, preceding_visit_occurrence_id BIGINT`,
  },
  visit_detail: {
    group: 'clinical', mainConcept: 'visit_detail_concept_id', renamedIn54: { ...VISIT_RENAMES, visit_detail_parent_id: 'parent_visit_detail_id' },
    columns: `visit_detail_id BIGINT, person_id BIGINT, visit_detail_concept_id BIGINT, visit_detail_start_date DATE,
      visit_detail_start_datetime TIMESTAMP, visit_detail_end_date DATE, visit_detail_end_datetime TIMESTAMP,
      visit_detail_type_concept_id BIGINT, provider_id BIGINT, care_site_id BIGINT, visit_detail_source_value VARCHAR,
      visit_detail_source_concept_id BIGINT, admitted_from_concept_id BIGINT, admitted_from_source_value VARCHAR,
      discharged_to_source_value VARCHAR, discharged_to_concept_id BIGINT, preceding_visit_detail_id BIGINT,
      parent_visit_detail_id BIGINT, visit_occurrence_id BIGINT`,
  },
  condition_occurrence: {
    group: 'clinical', mainConcept: 'condition_concept_id', eventDate: 'condition_start_date', required: ['person_id', 'condition_start_date'],
    columns: `condition_occurrence_id BIGINT, person_id BIGINT, condition_concept_id BIGINT, condition_start_date DATE,
      condition_start_datetime TIMESTAMP, condition_end_date DATE, condition_end_datetime TIMESTAMP, condition_type_concept_id BIGINT,
      condition_status_concept_id BIGINT, stop_reason VARCHAR, provider_id BIGINT, visit_occurrence_id BIGINT, visit_detail_id BIGINT,
      condition_source_value VARCHAR, condition_source_concept_id BIGINT, condition_status_source_value VARCHAR`,
  },
  drug_exposure: {
    group: 'clinical', mainConcept: 'drug_concept_id', eventDate: 'drug_exposure_start_date', required: ['person_id', 'drug_exposure_start_date'],
    columns: `drug_exposure_id BIGINT, person_id BIGINT, drug_concept_id BIGINT, drug_exposure_start_date DATE,
      drug_exposure_start_datetime TIMESTAMP, drug_exposure_end_date DATE, drug_exposure_end_datetime TIMESTAMP, verbatim_end_date DATE,
      drug_type_concept_id BIGINT, stop_reason VARCHAR, refills INTEGER, quantity DOUBLE, days_supply INTEGER, sig VARCHAR,
      route_concept_id BIGINT, lot_number VARCHAR, provider_id BIGINT, visit_occurrence_id BIGINT, visit_detail_id BIGINT,
      drug_source_value VARCHAR, drug_source_concept_id BIGINT, route_source_value VARCHAR, dose_unit_source_value VARCHAR`,
  },
  procedure_occurrence: {
    group: 'clinical', mainConcept: 'procedure_concept_id', eventDate: 'procedure_date', required: ['person_id', 'procedure_date'],
    addedIn54: ['procedure_end_date', 'procedure_end_datetime'],
    columns: `procedure_occurrence_id BIGINT, person_id BIGINT, procedure_concept_id BIGINT, procedure_date DATE,
      procedure_datetime TIMESTAMP, procedure_end_date DATE, procedure_end_datetime TIMESTAMP, procedure_type_concept_id BIGINT,
      modifier_concept_id BIGINT, quantity DOUBLE, provider_id BIGINT, visit_occurrence_id BIGINT, visit_detail_id BIGINT,
      procedure_source_value VARCHAR, procedure_source_concept_id BIGINT, modifier_source_value VARCHAR`,
  },
  device_exposure: {
    group: 'clinical', mainConcept: 'device_concept_id',
    addedIn54: ['production_id', 'unit_concept_id', 'unit_source_value', 'unit_source_concept_id'],
    columns: `device_exposure_id BIGINT, person_id BIGINT, device_concept_id BIGINT, device_exposure_start_date DATE,
      device_exposure_start_datetime TIMESTAMP, device_exposure_end_date DATE, device_exposure_end_datetime TIMESTAMP,
      device_type_concept_id BIGINT, unique_device_id VARCHAR, production_id VARCHAR, quantity DOUBLE, provider_id BIGINT,
      visit_occurrence_id BIGINT, visit_detail_id BIGINT, device_source_value VARCHAR, device_source_concept_id BIGINT,
      unit_concept_id BIGINT, unit_source_value VARCHAR, unit_source_concept_id BIGINT`,
  },
  measurement: {
    group: 'clinical', mainConcept: 'measurement_concept_id', eventDate: 'measurement_date', required: ['person_id', 'measurement_date'],
    addedIn54: ['unit_source_concept_id', 'measurement_event_id', 'meas_event_field_concept_id'],
    columns: `measurement_id BIGINT, person_id BIGINT, measurement_concept_id BIGINT, measurement_date DATE, measurement_datetime TIMESTAMP,
      measurement_time VARCHAR, measurement_type_concept_id BIGINT, operator_concept_id BIGINT, value_as_number DOUBLE,
      value_as_concept_id BIGINT, unit_concept_id BIGINT, range_low DOUBLE, range_high DOUBLE, provider_id BIGINT,
      visit_occurrence_id BIGINT, visit_detail_id BIGINT, measurement_source_value VARCHAR, measurement_source_concept_id BIGINT,
      unit_source_value VARCHAR, unit_source_concept_id BIGINT, value_source_value VARCHAR, measurement_event_id BIGINT,
      meas_event_field_concept_id BIGINT`,
  },
  observation: {
    group: 'clinical', mainConcept: 'observation_concept_id', eventDate: 'observation_date', required: ['person_id', 'observation_date'],
    addedIn54: ['value_source_value', 'observation_event_id', 'obs_event_field_concept_id'],
    columns: `observation_id BIGINT, person_id BIGINT, observation_concept_id BIGINT, observation_date DATE, observation_datetime TIMESTAMP,
      observation_type_concept_id BIGINT, value_as_number DOUBLE, value_as_string VARCHAR, value_as_concept_id BIGINT,
      qualifier_concept_id BIGINT, unit_concept_id BIGINT, provider_id BIGINT, visit_occurrence_id BIGINT, visit_detail_id BIGINT,
      observation_source_value VARCHAR, observation_source_concept_id BIGINT, unit_source_value VARCHAR, qualifier_source_value VARCHAR,
      value_source_value VARCHAR, observation_event_id BIGINT, obs_event_field_concept_id BIGINT`,
  },
  death: {
    group: 'clinical', required: ['person_id', 'death_date'],
    columns: `person_id BIGINT, death_date DATE, death_datetime TIMESTAMP, death_type_concept_id BIGINT, cause_concept_id BIGINT,
      cause_source_value VARCHAR, cause_source_concept_id BIGINT`,
  },
  note: {
    group: 'clinical', addedIn54: ['note_event_id', 'note_event_field_concept_id'],
    columns: `note_id BIGINT, person_id BIGINT, note_date DATE, note_datetime TIMESTAMP, note_type_concept_id BIGINT,
      note_class_concept_id BIGINT, note_title VARCHAR, note_text VARCHAR, encoding_concept_id BIGINT, language_concept_id BIGINT,
      provider_id BIGINT, visit_occurrence_id BIGINT, visit_detail_id BIGINT, note_source_value VARCHAR, note_event_id BIGINT,
      note_event_field_concept_id BIGINT`,
  },
  note_nlp: {
    group: 'clinical',
    columns: `note_nlp_id BIGINT, note_id BIGINT, section_concept_id BIGINT, snippet VARCHAR, offset VARCHAR, lexical_variant VARCHAR,
      note_nlp_concept_id BIGINT, note_nlp_source_concept_id BIGINT, nlp_system VARCHAR, nlp_date DATE, nlp_datetime TIMESTAMP,
      term_exists VARCHAR, term_temporal VARCHAR, term_modifiers VARCHAR`,
  },
  specimen: {
    group: 'clinical', mainConcept: 'specimen_concept_id',
    columns: `specimen_id BIGINT, person_id BIGINT, specimen_concept_id BIGINT, specimen_type_concept_id BIGINT, specimen_date DATE,
      specimen_datetime TIMESTAMP, quantity DOUBLE, unit_concept_id BIGINT, anatomic_site_concept_id BIGINT,
      disease_status_concept_id BIGINT, specimen_source_id VARCHAR, specimen_source_value VARCHAR, unit_source_value VARCHAR,
      anatomic_site_source_value VARCHAR, disease_status_source_value VARCHAR`,
  },
  fact_relationship: {
    group: 'clinical',
    columns: `domain_concept_id_1 BIGINT, fact_id_1 BIGINT, domain_concept_id_2 BIGINT, fact_id_2 BIGINT, relationship_concept_id BIGINT`,
  },
  location: {
    group: 'health system', addedIn54: ['country_concept_id', 'country_source_value', 'latitude', 'longitude'],
    columns: `location_id BIGINT, address_1 VARCHAR, address_2 VARCHAR, city VARCHAR, state VARCHAR, zip VARCHAR, county VARCHAR,
      location_source_value VARCHAR, country_concept_id BIGINT, country_source_value VARCHAR, latitude DOUBLE, longitude DOUBLE`,
  },
  care_site: {
    group: 'health system',
    columns: `care_site_id BIGINT, care_site_name VARCHAR, place_of_service_concept_id BIGINT, location_id BIGINT,
      care_site_source_value VARCHAR, place_of_service_source_value VARCHAR`,
  },
  provider: {
    group: 'health system',
    columns: `provider_id BIGINT, provider_name VARCHAR, npi VARCHAR, dea VARCHAR, specialty_concept_id BIGINT, care_site_id BIGINT,
      year_of_birth INTEGER, gender_concept_id BIGINT, provider_source_value VARCHAR, specialty_source_value VARCHAR,
      specialty_source_concept_id BIGINT, gender_source_value VARCHAR, gender_source_concept_id BIGINT`,
  },
  payer_plan_period: {
    group: 'health system',
    columns: `payer_plan_period_id BIGINT, person_id BIGINT, payer_plan_period_start_date DATE, payer_plan_period_end_date DATE,
      payer_concept_id BIGINT, payer_source_value VARCHAR, payer_source_concept_id BIGINT, plan_concept_id BIGINT,
      plan_source_value VARCHAR, plan_source_concept_id BIGINT, sponsor_concept_id BIGINT, sponsor_source_value VARCHAR,
      sponsor_source_concept_id BIGINT, family_source_value VARCHAR, stop_reason_concept_id BIGINT, stop_reason_source_value VARCHAR,
      stop_reason_source_concept_id BIGINT`,
  },
  cost: {
    group: 'health system',
    columns: `cost_id BIGINT, cost_event_id BIGINT, cost_domain_id VARCHAR, cost_type_concept_id BIGINT, currency_concept_id BIGINT,
      total_charge DOUBLE, total_cost DOUBLE, total_paid DOUBLE, paid_by_payer DOUBLE, paid_by_patient DOUBLE, paid_patient_copay DOUBLE,
      paid_patient_coinsurance DOUBLE, paid_patient_deductible DOUBLE, paid_by_primary DOUBLE, paid_ingredient_cost DOUBLE,
      paid_dispensing_fee DOUBLE, payer_plan_period_id BIGINT, amount_allowed DOUBLE, revenue_code_concept_id BIGINT,
      revenue_code_source_value VARCHAR, drg_concept_id BIGINT, drg_source_value VARCHAR`,
  },
  drug_era: {
    group: 'derived', mainConcept: 'drug_concept_id',
    columns: `drug_era_id BIGINT, person_id BIGINT, drug_concept_id BIGINT, drug_era_start_date DATE, drug_era_end_date DATE,
      drug_exposure_count INTEGER, gap_days INTEGER`,
  },
  dose_era: {
    group: 'derived', mainConcept: 'drug_concept_id',
    columns: `dose_era_id BIGINT, person_id BIGINT, drug_concept_id BIGINT, unit_concept_id BIGINT, dose_value DOUBLE,
      dose_era_start_date DATE, dose_era_end_date DATE`,
  },
  condition_era: {
    group: 'derived', mainConcept: 'condition_concept_id',
    columns: `condition_era_id BIGINT, person_id BIGINT, condition_concept_id BIGINT, condition_era_start_date DATE,
      condition_era_end_date DATE, condition_occurrence_count INTEGER`,
  },
  episode: {
    group: 'derived', mainConcept: 'episode_concept_id', newIn54: true,
    columns: `episode_id BIGINT, person_id BIGINT, episode_concept_id BIGINT, episode_start_date DATE, episode_start_datetime TIMESTAMP,
      episode_end_date DATE, episode_end_datetime TIMESTAMP, episode_parent_id BIGINT, episode_number INTEGER,
      episode_object_concept_id BIGINT, episode_type_concept_id BIGINT, episode_source_value VARCHAR, episode_source_concept_id BIGINT`,
  },
  episode_event: {
    group: 'derived', newIn54: true,
    columns: 'episode_id BIGINT, event_id BIGINT, episode_event_field_concept_id BIGINT',
  },
  metadata: {
    group: 'metadata', addedIn54: ['metadata_id', 'value_as_number'],
    columns: `metadata_id BIGINT, metadata_concept_id BIGINT, metadata_type_concept_id BIGINT, name VARCHAR, value_as_string VARCHAR,
      value_as_concept_id BIGINT, value_as_number DOUBLE, metadata_date DATE, metadata_datetime TIMESTAMP`,
  },
  cdm_source: {
    group: 'metadata', addedIn54: ['cdm_version_concept_id'],
    columns: `cdm_source_name VARCHAR, cdm_source_abbreviation VARCHAR, cdm_holder VARCHAR, source_description VARCHAR,
      source_documentation_reference VARCHAR, cdm_etl_reference VARCHAR, source_release_date DATE, cdm_release_date DATE,
      cdm_version VARCHAR, cdm_version_concept_id BIGINT, vocabulary_version VARCHAR`,
  },
  concept: {
    group: 'vocabulary', required: ['concept_id'],
    columns: `concept_id BIGINT, concept_name VARCHAR, domain_id VARCHAR, vocabulary_id VARCHAR, concept_class_id VARCHAR,
      standard_concept VARCHAR, concept_code VARCHAR, valid_start_date DATE, valid_end_date DATE, invalid_reason VARCHAR`,
  },
  vocabulary: {
    group: 'vocabulary',
    columns: `vocabulary_id VARCHAR, vocabulary_name VARCHAR, vocabulary_reference VARCHAR, vocabulary_version VARCHAR,
      vocabulary_concept_id BIGINT`,
  },
  domain: { group: 'vocabulary', columns: 'domain_id VARCHAR, domain_name VARCHAR, domain_concept_id BIGINT' },
  concept_class: { group: 'vocabulary', columns: 'concept_class_id VARCHAR, concept_class_name VARCHAR, concept_class_concept_id BIGINT' },
  concept_relationship: {
    group: 'vocabulary', required: ['concept_id_1', 'concept_id_2', 'relationship_id'],
    columns: `concept_id_1 BIGINT, concept_id_2 BIGINT, relationship_id VARCHAR, valid_start_date DATE, valid_end_date DATE,
      invalid_reason VARCHAR`,
  },
  relationship: {
    group: 'vocabulary',
    columns: `relationship_id VARCHAR, relationship_name VARCHAR, is_hierarchical VARCHAR, defines_ancestry VARCHAR,
      reverse_relationship_id VARCHAR, relationship_concept_id BIGINT`,
  },
  concept_synonym: { group: 'vocabulary', columns: 'concept_id BIGINT, concept_synonym_name VARCHAR, language_concept_id BIGINT' },
  concept_ancestor: {
    group: 'vocabulary', required: ['ancestor_concept_id', 'descendant_concept_id'],
    columns: 'ancestor_concept_id BIGINT, descendant_concept_id BIGINT, min_levels_of_separation INTEGER, max_levels_of_separation INTEGER',
  },
  source_to_concept_map: {
    group: 'vocabulary',
    columns: `source_code VARCHAR, source_concept_id BIGINT, source_vocabulary_id VARCHAR, source_code_description VARCHAR,
      target_concept_id BIGINT, target_vocabulary_id VARCHAR, valid_start_date DATE, valid_end_date DATE, invalid_reason VARCHAR`,
  },
  drug_strength: {
    group: 'vocabulary',
    columns: `drug_concept_id BIGINT, ingredient_concept_id BIGINT, amount_value DOUBLE, amount_unit_concept_id BIGINT,
      numerator_value DOUBLE, numerator_unit_concept_id BIGINT, denominator_value DOUBLE, denominator_unit_concept_id BIGINT,
      box_size INTEGER, valid_start_date DATE, valid_end_date DATE, invalid_reason VARCHAR`,
  },
  cohort: {
    group: 'results',
    columns: 'cohort_definition_id BIGINT, subject_id BIGINT, cohort_start_date DATE, cohort_end_date DATE',
  },
  cohort_definition: {
    group: 'results',
    columns: `cohort_definition_id BIGINT, cohort_definition_name VARCHAR, cohort_definition_description VARCHAR,
      definition_type_concept_id BIGINT, cohort_definition_syntax VARCHAR, subject_concept_id BIGINT, cohort_initiation_date DATE`,
  },
};

/** Every known table by name, in the order the catalog lists them (DDL order: person first). */
export const CDM_TABLES: ReadonlyMap<string, CdmTable> = new Map(
  Object.entries(SPECS).map(([name, spec]) => [name, {
    ...spec, name, columns: columns(spec.columns), addedIn54: spec.addedIn54 ?? [], renamedIn54: spec.renamedIn54 ?? {}, required: spec.required ?? [],
  }]),
);

/** Tables an OMOP dataset always has (empty, with their columns, when the folder has no file for them). */
export const ALWAYS_CREATED = [
  'person', 'observation_period', 'visit_occurrence', 'condition_occurrence', 'drug_exposure', 'procedure_occurrence',
  'measurement', 'observation', 'death', 'concept', 'concept_ancestor', 'concept_relationship',
] as const;

/** Tables a folder must have; a mapping may derive observation_period instead. */
export const REQUIRED_TABLES = ['person', 'observation_period'] as const;

export function cdmTable(name: string): CdmTable {
  const table = CDM_TABLES.get(name);
  if (!table) throw new Error(`${name} is not an OMOP CDM table`);
  return table;
}

/** The event tables whose dates are checked against observation periods. */
export const EVENT_TABLES = [...CDM_TABLES.values()].filter((t) => t.eventDate !== undefined);
