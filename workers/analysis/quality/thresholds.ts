/**
 * The share of failing rows each kind of check allows before it fails. The model is OHDSI's Data Quality
 * Dashboard (DQD; github.com/OHDSI/DataQualityDashboard, thresholds in inst/csv/OMOP_CDMv5.4_Field_Level.csv,
 * given there in percent): structural checks allow nothing (isRequired, isPrimaryKey, isForeignKey and
 * cdmDatatype are 0 %), plausibility checks allow 1 % (plausibleValueLow/High, plausibleDuringLife,
 * plausibleAfterBirth, plausibleStartBeforeEnd are 1 %), and the completeness of optional fields is
 * informational (measureValueCompleteness is 100 %: reported, never failing). docs/quality.md lists every check.
 */
export const THRESHOLDS = {
  /** A required field (OMOP CDM NOT NULL, pv report/drug/event keys, VCF CHROM/POS/REF) is never null. DQD isRequired. */
  required: 0,
  /** The null share of any other column: shown, never failing. DQD measureValueCompleteness. */
  informational: 1,
  /**
   * VCF ALT: `.` (no alternate allele, stored as NULL) is legal, but a site without ALT carries nothing to
   * analyse; more than 1 % suggests a reference-block file. Our choice, in line with the plausibility share.
   */
  missingAlt: 0.01,
  /** Dates after today, ages over 120, negative quantities, ends before starts, deaths before birth. DQD 1 %. */
  plausibility: 0.01,
  /**
   * Events outside every observation period of their person: cohort logic ignores them, so some are
   * tolerated. DQD has no such check; 5 % follows its withinVisitDates threshold (events outside their visit).
   */
  outsideObservation: 0.05,
  /** Code formats, concept ids present in `concept`, VCF allele alphabet. DQD fkDomain / isForeignKey 0 %. */
  conformance: 0,
  /** Duplicate keys and duplicate rows. DQD isPrimaryKey 0 %. */
  uniqueness: 0,
  /** person_id, report_id and sample references that resolve. DQD isForeignKey 0 %. */
  integrity: 0,
} as const;
