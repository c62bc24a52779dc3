import type { CohortSpec } from '../workers/engine/api.js';
import { CDM_CONCEPTS } from './cdm-vocabulary-sql.js';

const GI_BLEED = { concepts: [{ id: CDM_CONCEPTS.giBleed, descendants: true }] };

/**
 * New users of an ingredient (any product below it): first exposure ever, in an observation period with a
 * year observed before it, then three inclusion rules — aged 18 or more, no GI bleed at any time before
 * index, at least one visit in the year before. Followed to the end of observation.
 */
export function newUsersDefinition(dataset: string, drug: string, ingredient: number): CohortSpec {
  return {
    name: `${drug} new users`,
    dataset,
    codeSets: {
      [drug]: { concepts: [{ id: ingredient, descendants: true }] },
      gi_bleed: GI_BLEED,
      any_visit: { concepts: [...CDM_CONCEPTS.visits] },
    },
    entry: { domain: 'drug', codes: drug, occurrence: 'first' },
    observation: { priorDays: 365 },
    inclusion: [
      { name: 'aged 18 or more', age: { min: 18 } },
      { name: 'no GI bleed before index', occurrence: { domain: 'condition', codes: 'gi_bleed', window: { end: -1 }, atMost: 0 } },
      { name: 'a visit in the year before', occurrence: { domain: 'visit', codes: 'any_visit', window: { start: -365, end: -1 } } },
    ],
    exit: { type: 'observationEnd' },
  };
}

/** The outcome: each person's first GI bleed (192671 or a descendant) in observation. */
export function giBleedDefinition(dataset: string): CohortSpec {
  return { name: 'first GI bleed', dataset, entry: { domain: 'condition', codes: GI_BLEED, occurrence: 'first' } };
}
