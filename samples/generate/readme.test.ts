import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMITTED_SMALL, SAMPLES_README } from './duckdb-testkit.js';
import type { SampleManifest } from './generate.js';

const readme = readFileSync(SAMPLES_README, 'utf8');
const manifest = JSON.parse(readFileSync(join(COMMITTED_SMALL, 'manifest.json'), 'utf8')) as SampleManifest;
const coxOutput = readFileSync(fileURLToPath(new URL('./reference/cox_hr.small.txt', import.meta.url)), 'utf8');

/** The value cell of the README table row whose first cell is `label`. */
function documented(label: string): string {
  const row = readme.split('\n').find((line) => line.startsWith(`| ${label} |`));
  if (!row) throw new Error(`samples/README.md has no table row '${label}'`);
  return (row.split('|')[2] ?? '').trim();
}

function coxField(name: string): number {
  return Number(new RegExp(`\\b${name}=([0-9.]+)`).exec(coxOutput)?.[1]);
}

describe('samples/README.md', () => {
  it('documents the FAERS figures of the committed small set', () => {
    const faers = manifest.realized.faers;
    const { a, b, c, d } = faers.signalDeduplicated;
    expect(documented('DEMO rows (24Q1 + 24Q2)')).toBe(String(faers.reports));
    expect(documented("cases kept by FDA's rule")).toBe(String(faers.cases));
    expect(documented("superseded versions dropped by FDA's rule")).toBe(String(faers.supersededVersions));
    expect(documented("versions received in a later quarter than the case's first")).toBe(String(faers.crossQuarterVersions));
    expect(documented('cases where latest fda_dt ≠ highest caseversion')).toBe(String(faers.casesWhereRulesDisagree));
    expect(documented('cases whose latest fda_dt is a tie')).toBe(String(faers.casesWithFdaDateTie));
    expect(documented('2×2 after deduplication (a, b, c, d)')).toBe(`${a}, ${b}, ${c}, ${d}`);
    expect(documented('PRR after deduplication')).toBe(faers.prrDeduplicated.toFixed(2));
    expect(documented('PRR over all versions (no deduplication)')).toBe(faers.prrAllVersions.toFixed(2));
  });

  it('documents the clinical figures of the committed small set and the R fit', () => {
    const { exposure, comparator, crudeIncidenceRateRatio } = manifest.realized.omop;
    expect(documented('diclofenac persons, events, person-years')).toBe(`${exposure.persons}, ${exposure.events}, ${exposure.personYears.toFixed(1)}`);
    expect(documented('celecoxib persons, events, person-years')).toBe(`${comparator.persons}, ${comparator.events}, ${comparator.personYears.toFixed(1)}`);
    expect(documented('incidence rate ratio (DuckDB, `omop.test.ts`)')).toBe(crudeIncidenceRateRatio.toFixed(2));
    const cox = `${coxField('hazard_ratio').toFixed(2)} (${coxField('lower95').toFixed(2)}–${coxField('upper95').toFixed(2)})`;
    expect(documented('Cox hazard ratio, R survival (95 % CI)')).toBe(cox);
  });

  it('documents the planted variant frequencies of the committed small set', () => {
    const { plantedCaseAlleleFrequency, plantedControlAlleleFrequency } = manifest.realized.vcf;
    expect(readme).toContain(`**${plantedCaseAlleleFrequency} in cases, ${plantedControlAlleleFrequency} in controls**`);
  });
});
