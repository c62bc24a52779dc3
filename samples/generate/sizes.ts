/** How much of each kind of data a sample set holds. */
export interface SampleSize {
  /** OMOP persons. */
  persons: number;
  /** FAERS quarters written, oldest first, as 'yyQq'. */
  faersQuarters: readonly string[];
  /** Approximate DEMO rows (case versions) per quarter. */
  faersReportsPerQuarter: number;
  /** Samples in the cohort VCF (half cases, half controls where the OMOP data has enough cases). */
  vcfSamples: number;
  /** Variant records in the cohort VCF, planted and pharmacogenomic sites included. */
  vcfVariants: number;
}

export type SizeName = 'small' | 'medium' | 'large';

/**
 * small is committed; medium is about 10× small and large about 100× small in every kind (the VCF grows
 * in samples × variants, i.e. in genotype cells).
 */
export const SAMPLE_SIZES: Readonly<Record<SizeName, SampleSize>> = {
  small: {
    persons: 1_000,
    faersQuarters: ['24Q1', '24Q2'],
    faersReportsPerQuarter: 3_000,
    vcfSamples: 200,
    vcfVariants: 500,
  },
  medium: {
    persons: 10_000,
    faersQuarters: ['24Q1', '24Q2', '24Q3', '24Q4'],
    faersReportsPerQuarter: 15_000,
    vcfSamples: 1_000,
    vcfVariants: 1_000,
  },
  large: {
    persons: 100_000,
    faersQuarters: ['24Q1', '24Q2', '24Q3', '24Q4'],
    faersReportsPerQuarter: 150_000,
    vcfSamples: 4_000,
    vcfVariants: 2_500,
  },
};

export function isSizeName(value: string): value is SizeName {
  return Object.hasOwn(SAMPLE_SIZES, value);
}
