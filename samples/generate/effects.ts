/**
 * The planted effects: the single source of truth for what the synthetic data is built to show.
 * The generators read these constants, the tests recover them from the written files, and
 * samples/README.md documents them. Change a value here, regenerate, and the tests tell you whether the
 * small set still recovers it.
 */

export const DEFAULT_SEED = 20261122;

/** Every OMOP date falls in this window; observation periods start at least two years before its end. */
export const CLINICAL_WINDOW = { start: '2015-01-01', end: '2024-12-31' } as const;

/**
 * Clinical effect: new users of diclofenac have twice the hazard of gastrointestinal hemorrhage of new
 * users of celecoxib. Event times are exponential from the index date (first exposure) and censored at the
 * end of the observation period, so a Cox model or an incidence rate ratio recovers the hazard ratio.
 * No covariate changes the hazard, so the crude estimate is unbiased.
 */
export const NSAID_GI_BLEED_EFFECT = {
  exposure: { name: 'diclofenac', conceptId: 1124300, atc: 'M01AB05' },
  comparator: { name: 'celecoxib', conceptId: 1118084, atc: 'M01AH01' },
  outcome: { name: 'Gastrointestinal hemorrhage', conceptId: 192671, icd10: 'K92.2' },
  /** True hazard ratio, exposure versus comparator. */
  hazardRatio: 2.0,
  /** Outcome hazard of comparator users, per person-year (inflated so the small set has enough events). */
  comparatorRatePerYear: 0.08,
  /** Outcome hazard of persons who use neither drug, from a year after their observation starts. */
  nonUserRatePerYear: 0.04,
  /** Share of eligible persons who start diclofenac, and celecoxib; the rest use neither. */
  exposureShare: 0.38,
  comparatorShare: 0.38,
  /** The index date is at least this many days after the observation period starts (new-user washout). */
  washoutDays: 365,
  /** ... and at least this many days before it ends. */
  minimumFollowUpDays: 30,
  /** Chance that an outcome is followed by death within 30 days (which ends observation). */
  deathAfterOutcomeProbability: 0.04,
} as const;

/** Second clinical effect: HbA1c is higher in persons with type 2 diabetes (normal distributions, in %). */
export const HBA1C_EFFECT = {
  measurementConceptId: 3004410,
  diabetesConceptId: 201826,
  meanWithDiabetes: 7.6,
  sdWithDiabetes: 1.1,
  meanWithoutDiabetes: 5.4,
  sdWithoutDiabetes: 0.35,
} as const;

/**
 * Reporting effect in FAERS: a report whose primary suspect drug is diclofenac carries the PT below with
 * probability `probabilityWithDrug`; every other report carries it with `probabilityWithoutDrug`
 * (whatever its other drugs, including diclofenac as SS or C). In the deduplicated reports the
 * proportional reporting ratio of (diclofenac as PS, PT) is therefore about their ratio.
 */
export const FAERS_SIGNAL_EFFECT = {
  /** The drug is recognised by its prod_ai: 'DICLOFENAC', 'DICLOFENAC SODIUM', 'DICLOFENAC POTASSIUM'. */
  prodAiPrefix: 'DICLOFENAC',
  role: 'PS',
  pt: 'Gastrointestinal haemorrhage',
  /** Share of cases whose primary suspect is diclofenac. */
  primarySuspectShare: 0.05,
  probabilityWithDrug: 0.24,
  probabilityWithoutDrug: 0.03,
  /** probabilityWithDrug / probabilityWithoutDrug. */
  truePrr: 8,
  /** The PRR computed from the deduplicated small set must fall in this range (about ±2 standard errors). */
  acceptedPrrRange: [5, 12],
} as const;

/**
 * Heterogeneous reporting in FAERS: real reports do not carry their reactions independently of their drugs,
 * and an empirical-Bayes screen (MGPS) needs that spread to fit its prior. Every (drug, PT) combination has
 * a fixed relative reporting ratio λ, drawn once per seed from its own random stream: log-normal with median
 * 1 for most pairs, log-normal with a higher median for a few (the "elevated" pairs). A report's background
 * PTs are drawn from the PT frequencies multiplied by the λ of its primary suspect, renormalised per drug.
 * The planted PT is not a background PT: its chance is set by FAERS_SIGNAL_EFFECT alone.
 */
export const FAERS_REPORTING_RATIOS = {
  /** Standard deviation of ln λ for most pairs (median λ 1). */
  baselineSdLog: 0.7,
  /** Share of pairs whose λ is drawn around `elevatedMedian` instead. */
  elevatedShare: 0.04,
  elevatedMedian: 3.5,
  elevatedSdLog: 0.4,
} as const;

/**
 * How case versions are made. The numbers of superseded versions and of cases where "latest fda_dt" and
 * "highest caseversion" disagree are counted while generating and written to manifest.json.
 */
export const FAERS_VERSION_MODEL = {
  /** Chance that a case's first version in the extract is a follow-up of a version from before it. */
  priorVersionProbability: 0.06,
  /** Chance of a follow-up version for a serious case (any outcome row), and for a non-serious one. */
  followUpProbabilitySerious: 0.3,
  followUpProbabilityNonSerious: 0.08,
  /** Chance of a second follow-up after the first. */
  secondFollowUpProbability: 0.25,
  /** Chance that a follow-up arrives the same day as the version before it (fda_dt tie). */
  sameDayProbability: 0.08,
  /** Mean days between versions, otherwise (exponential, at least 3 days). */
  meanDaysBetweenVersions: 45,
  /**
   * Chance, for a case with two or more versions in the same quarter, that the last version carries an
   * earlier fda_dt than the one before it: FDA's rule then keeps the earlier caseversion.
   */
  outOfOrderProbability: 0.06,
} as const;

/**
 * Genetic effect in the cohort VCF: allele frequencies of one synthetic variant in cases (persons with the
 * OMOP outcome above) and controls, each drawn under Hardy–Weinberg equilibrium.
 */
export const VARIANT_ASSOCIATION_EFFECT = {
  chrom: 'chr22',
  pos: 36_201_447,
  ref: 'G',
  alt: 'A',
  caseAlleleFrequency: 0.3,
  controlAlleleFrequency: 0.1,
  /** Per-allele odds ratio implied by the two frequencies: (0.3/0.7)/(0.1/0.9). */
  alleleOddsRatio: (0.3 / 0.7) / (0.1 / 0.9),
  /** Cases are sampled up to this share of the VCF samples (case-control design). */
  caseShare: 0.5,
} as const;

/** Real pharmacogenomic sites (GRCh38), genotyped independently of each other and of the phenotype. */
export const PHARMACOGENOMIC_SITES = [
  { gene: 'CYP2C19', allele: '*17', rsid: 'rs12248560', chrom: 'chr10', pos: 94_761_900, ref: 'C', alt: 'T', alleleFrequency: 0.21 },
  { gene: 'CYP2C19', allele: '*3', rsid: 'rs4986893', chrom: 'chr10', pos: 94_780_653, ref: 'G', alt: 'A', alleleFrequency: 0.01 },
  { gene: 'CYP2C19', allele: '*2', rsid: 'rs4244285', chrom: 'chr10', pos: 94_781_859, ref: 'G', alt: 'A', alleleFrequency: 0.15 },
  { gene: 'CYP2C9', allele: '*2', rsid: 'rs1799853', chrom: 'chr10', pos: 94_942_290, ref: 'C', alt: 'T', alleleFrequency: 0.12 },
  { gene: 'CYP2C9', allele: '*3', rsid: 'rs1057910', chrom: 'chr10', pos: 94_981_296, ref: 'A', alt: 'C', alleleFrequency: 0.07 },
] as const;
