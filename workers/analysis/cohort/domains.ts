import type { EventDomain } from '../../engine/api.js';

/** Where the events of a domain live in an OMOP CDM, and which columns a cohort reads. */
export interface DomainTable {
  table: string;
  concept: string;
  start: string;
  /** End date, or the start again for one-day events. */
  end: string;
  source: string;
  /** `value_as_number` / `unit_concept_id` for measurements and observations. */
  value?: string;
  unit?: string;
}

export const DOMAIN_TABLES: Record<EventDomain, DomainTable> = {
  condition: { table: 'condition_occurrence', concept: 'condition_concept_id', start: 'condition_start_date', end: 'condition_end_date', source: 'condition_source_value' },
  drug: { table: 'drug_exposure', concept: 'drug_concept_id', start: 'drug_exposure_start_date', end: 'drug_exposure_end_date', source: 'drug_source_value' },
  measurement: { table: 'measurement', concept: 'measurement_concept_id', start: 'measurement_date', end: 'measurement_date', source: 'measurement_source_value', value: 'value_as_number', unit: 'unit_concept_id' },
  procedure: { table: 'procedure_occurrence', concept: 'procedure_concept_id', start: 'procedure_date', end: 'procedure_date', source: 'procedure_source_value' },
  visit: { table: 'visit_occurrence', concept: 'visit_concept_id', start: 'visit_start_date', end: 'visit_end_date', source: 'visit_source_value' },
  observation: { table: 'observation', concept: 'observation_concept_id', start: 'observation_date', end: 'observation_date', source: 'observation_source_value', value: 'value_as_number', unit: 'unit_concept_id' },
  death: { table: 'death', concept: 'cause_concept_id', start: 'death_date', end: 'death_date', source: 'cause_source_value' },
};

/** OMOP gender concepts (Book of OHDSI, ch. 4). */
export const GENDER_CONCEPTS = { male: 8507, female: 8532 } as const;
