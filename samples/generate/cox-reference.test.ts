import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMITTED_SMALL } from './duckdb-testkit.js';
import { NSAID_GI_BLEED_EFFECT } from './effects.js';
import type { SampleManifest } from './generate.js';

/**
 * reference/cox_hr.small.txt is R's survival::coxph output on the committed small set (the command is at
 * the top of reference/cox_hr.R). This test reads that output; it never runs R.
 */
const output = readFileSync(fileURLToPath(new URL('./reference/cox_hr.small.txt', import.meta.url)), 'utf8');
const manifest = JSON.parse(readFileSync(join(COMMITTED_SMALL, 'manifest.json'), 'utf8')) as SampleManifest;

function resultField(name: string): number {
  const match = new RegExp(`^RESULT .*\\b${name}=([0-9.]+)`, 'm').exec(output);
  if (!match) throw new Error(`cox_hr.small.txt has no ${name} on its RESULT line`);
  return Number(match[1]);
}

describe('Cox model fitted by R on the small set', () => {
  it('was run on the files now committed (rerun the R script after regenerating)', () => {
    const inputs = [...output.matchAll(/^# input (\S+) md5 ([0-9a-f]{32})$/gm)];
    expect(inputs.length).toBe(3);
    for (const [, file, md5] of inputs) {
      const bytes = readFileSync(join(COMMITTED_SMALL, 'omop', file as string));
      expect(createHash('md5').update(bytes).digest('hex'), file).toBe(md5);
    }
  });

  it('recovers the planted hazard ratio within three standard errors', () => {
    const hazardRatio = resultField('hazard_ratio');
    const standardError = resultField('se_log_hr');
    expect(Math.abs(Math.log(hazardRatio) - Math.log(NSAID_GI_BLEED_EFFECT.hazardRatio))).toBeLessThan(3 * standardError);
    expect(resultField('lower95')).toBeLessThan(NSAID_GI_BLEED_EFFECT.hazardRatio);
    expect(resultField('upper95')).toBeGreaterThan(NSAID_GI_BLEED_EFFECT.hazardRatio);
  });

  it('agrees with the cohort the generator counted', () => {
    const { exposure, comparator, crudeIncidenceRateRatio } = manifest.realized.omop;
    expect(resultField('persons')).toBe(exposure.persons + comparator.persons);
    expect(resultField('events')).toBe(exposure.events + comparator.events);
    // With constant hazards the Cox estimate and the incidence rate ratio estimate the same number.
    expect(Math.abs(Math.log(resultField('hazard_ratio') / crudeIncidenceRateRatio))).toBeLessThan(0.05);
  });
});
