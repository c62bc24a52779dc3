/** The analysis kinds that have a form; the others are edited as JSON only. */
import type { AnalysisKind } from '../notebook/notebook.js';
import { ASSOCIATION_FORM } from './association-form.js';
import { COHORT_FORM } from './cohort-form.js';
import type { FormModel } from './form-model.js';
import { SIGNALS_FORM } from './signals-form.js';

export const FORM_MODELS: Partial<Record<AnalysisKind, FormModel>> = {
  cohort: COHORT_FORM as unknown as FormModel,
  signals: SIGNALS_FORM as unknown as FormModel,
  association: ASSOCIATION_FORM as unknown as FormModel,
};

/** Dataset kinds an analysis reads, for the default dataset of a new cell. */
export const ANALYSIS_DATASET_KINDS: Partial<Record<AnalysisKind, string[]>> = {
  cohort: ['omop'], characterize: ['omop'], incidence: ['omop'], survival: ['omop'],
  signals: ['faers', 'reports'], trend: ['faers', 'reports'],
  variants: ['vcf'], association: ['vcf'], pgx: ['vcf'],
  quality: ['omop', 'table', 'faers', 'reports', 'vcf'], privacy: ['omop', 'table', 'faers', 'reports', 'vcf'],
};
