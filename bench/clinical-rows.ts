import type { Prng } from './prng.js';

/** Columns of the synthetic clinical event file, in order. */
export const CLINICAL_HEADER = 'event_id,person_id,event_date,code,value,unit,source\n';

/** A kind of measurement: its unit and a plausible spread of values. */
interface Measure {
  unit: string;
  mean: number;
  sd: number;
  decimals: number;
}

const MEASURES: readonly Measure[] = [
  { unit: 'mmol/L', mean: 5.6, sd: 1.4, decimals: 2 },
  { unit: 'mg/dL', mean: 104, sd: 28, decimals: 1 },
  { unit: 'mm[Hg]', mean: 128, sd: 17, decimals: 1 },
  { unit: 'kg', mean: 78, sd: 16, decimals: 1 },
  { unit: 'beats/min', mean: 74, sd: 12, decimals: 1 },
  { unit: 'g/L', mean: 138, sd: 15, decimals: 1 },
  { unit: 'U/L', mean: 31, sd: 14, decimals: 1 },
  { unit: '%', mean: 6.1, sd: 1.1, decimals: 2 },
];

const SOURCES: readonly string[] = ['hospital_ehr', 'claims_feed', 'cancer_registry', 'lab_system', 'gp_record', 'pharmacy_dispensing'];
/** Rare free-text sources whose commas force quoting, as exported by real systems. */
const QUOTED_SOURCES: readonly string[] = ['"Lab, external"', '"Hospital A, ward 3"', '"GP, out of hours"', '"Clinic ""North"", annex"'];

const FIRST_DAY = Date.UTC(2010, 0, 1);
const DAYS = 15 * 365 + 4;
const CODE_POOL = 2_000;
const EMPTY_VALUE_SHARE = 0.1;
const QUOTED_SOURCE_SHARE = 0.02;

/** Writes rows of `event_id,person_id,event_date,code,value,unit,source`, one call per line. */
export class ClinicalRows {
  private readonly dates: string[];
  private readonly codes: string[];

  constructor(private readonly random: Prng) {
    this.dates = Array.from({ length: DAYS }, (_, d) => new Date(FIRST_DAY + d * 86_400_000).toISOString().slice(0, 10));
    this.codes = Array.from({ length: CODE_POOL }, () => icd10LikeCode(random));
  }

  /** One CSV line, newline included, for the event with this 0-based index. */
  line(index: number): string {
    const r = this.random;
    const person = 1_000_000 + r.int(9_000_000);
    const date = this.dates[r.int(DAYS)];
    // Squaring skews toward the front of the pool: a few codes are common, most are rare.
    const u = r.next();
    const code = this.codes[Math.floor(u * u * CODE_POOL)];
    const measure = r.pick(MEASURES);
    const value = r.chance(EMPTY_VALUE_SHARE) ? '' : Math.abs(measure.mean + measure.sd * r.normal()).toFixed(measure.decimals);
    const source = r.chance(QUOTED_SOURCE_SHARE) ? r.pick(QUOTED_SOURCES) : r.pick(SOURCES);
    return `${100_000_000 + index},${person},${date},${code},${value},${measure.unit},${source}\n`;
  }
}

/** `E11.65`-style: a letter, two digits, and usually a dot with one or two more. */
function icd10LikeCode(r: Prng): string {
  const letter = String.fromCharCode(65 + r.int(26));
  const base = `${letter}${String(r.int(100)).padStart(2, '0')}`;
  if (r.chance(0.2)) return base;
  return `${base}.${r.chance(0.5) ? r.int(10) : String(r.int(100)).padStart(2, '0')}`;
}
