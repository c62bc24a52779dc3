/**
 * Expected diplotype → phenotype results are CPIC's, as published in the diplotype tables PharmCAT exports
 * (data/SOURCES.md): TPMT.json, CYP2C19.json, CYP2C9.json, CYP2D6.json (PharmCAT commit 1cd37900,
 * base_data/phenotype/cpic), NUDT15.json, SLCO1B1.json, DPYD.json (commit 7390fa18); e.g. TPMT *1/*3A
 * Intermediate, *2/*3A Poor; CYP2C19 *2/*17 Intermediate, *17/*17 Ultrarapid; CYP2C9 *1/*3 1.0
 * Intermediate; CYP2D6 *1/*4 1.0 Intermediate, *1/*9 and *1/*10 1.25 Normal, *1/*17 1.5 Normal; DPYD
 * Reference/HapB3 1.5 Intermediate and c.2846A>T/c.2846A>T 1.0 (PharmCAT's pipeline test).
 */
import { describe, expect, it } from 'vitest';
import { callGene } from './call-gene.js';
import { pgxGenes, type PgxGene } from './pgx-table.js';
import type { Observation } from './solve-diplotype.js';

const gene = (name: string): PgxGene => pgxGenes().find((g) => g.gene === name)!;

/** GTs by rsid (`0/1`, `1|0`, `./.`, `absent`); positions not named are called `0/0`. */
function observations(g: PgxGene, gts: Record<string, string>): Observation[] {
  return g.variants.map((v) => {
    const gt = gts[v.rsid] ?? '0/0';
    if (gt === 'absent') return { state: 'absent' };
    if (gt.includes('.')) return { state: 'noCall' };
    const sides = gt.split(/[|/]/).map((s) => (s === '1' ? 1 : 0));
    return { state: 'called', altCopies: sides[0]! + sides[1]!, haplotypes: gt.includes('|') ? [sides[0]!, sides[1]!] : null };
  });
}

const call = (name: string, gts: Record<string, string>) => callGene(gene(name), observations(gene(name), gts));

describe('TPMT (function pairs)', () => {
  it('calls the reference diplotype when no defining variant is carried', () => {
    expect(call('TPMT', {})).toEqual({ diplotype: '*1/*1', phenotype: 'Normal Metabolizer', activityScore: null, determinable: true, reason: null });
  });

  it('calls a heterozygote and a homozygous no-function genotype', () => {
    expect(call('TPMT', { rs1800460: '0/1' })).toMatchObject({ diplotype: '*1/*3B', phenotype: 'Intermediate Metabolizer' });
    expect(call('TPMT', { rs1800460: '1/1', rs1142345: '1/1' })).toMatchObject({ diplotype: '*3A/*3A', phenotype: 'Poor Metabolizer' });
  });

  it('does not call an unphased *3B + *3C double heterozygote: *1/*3A (IM) and *3B/*3C (PM) both fit', () => {
    expect(call('TPMT', { rs1800460: '0/1', rs1142345: '0/1' })).toEqual({
      diplotype: null, phenotype: null, activityScore: null, determinable: false,
      reason: 'not determinable: unphased ambiguity (*1/*3A or *3B/*3C)',
    });
  });

  it('uses phase: both variants on one haplotype is *3A, on different haplotypes *3B/*3C', () => {
    expect(call('TPMT', { rs1800460: '1|0', rs1142345: '1|0' })).toMatchObject({ diplotype: '*1/*3A', phenotype: 'Intermediate Metabolizer', determinable: true });
    expect(call('TPMT', { rs1800460: '1|0', rs1142345: '0|1' })).toMatchObject({ diplotype: '*3B/*3C', phenotype: 'Poor Metabolizer', determinable: true });
  });

  it('reports a missing position or call that could change the diplotype', () => {
    expect(call('TPMT', { rs1800462: 'absent' })).toMatchObject({
      determinable: false, reason: 'not determinable: position chr6:18143724 (rs1800462) not in the file (*1/*1, *1/*2 or *2/*2)',
    });
    expect(call('TPMT', { rs1800462: './.' })).toMatchObject({ determinable: false, reason: expect.stringMatching(/^not determinable: no call at chr6:18143724 \(rs1800462\)/) });
  });

  it('keeps a call that a missing position cannot change, and says so', () => {
    expect(call('TPMT', { rs1800462: '1/1', rs1800584: 'absent' })).toMatchObject({
      diplotype: '*2/*2', phenotype: 'Poor Metabolizer', determinable: true,
      reason: 'position chr6:18130781 (rs1800584) not in the file; no other diplotype of the table fits the other positions',
    });
  });

  it('says when no pair of the table\'s alleles explains the genotype', () => {
    expect(call('TPMT', { rs1800462: '0/1', rs1800460: '0/1', rs1800584: '0/1' })).toMatchObject({
      determinable: false, reason: expect.stringContaining('no pair of the table\'s TPMT alleles explains the genotype (ALT copies: rs1800462 (1 copy), rs1800460 (1 copy), rs1800584 (1 copy))'),
    });
  });
});

describe('CYP2C19 (reference allele *38; *1 carries rs3758581)', () => {
  const star1 = { rs3758581: '1/1' };
  it.each([
    [{}, '*38/*38', 'Normal Metabolizer'],
    [star1, '*1/*1', 'Normal Metabolizer'],
    [{ ...star1, rs12769205: '0/1', rs4244285: '0/1' }, '*1/*2', 'Intermediate Metabolizer'],
    [{ ...star1, rs12769205: '1/1', rs4244285: '1/1' }, '*2/*2', 'Poor Metabolizer'],
    [{ ...star1, rs12769205: '0/1', rs4244285: '0/1', rs58973490: '0/1' }, '*1/*2', 'Intermediate Metabolizer'],
    [{ ...star1, rs12248560: '0/1' }, '*1/*17', 'Rapid Metabolizer'],
    [{ ...star1, rs12248560: '1/1' }, '*17/*17', 'Ultrarapid Metabolizer'],
    [{ ...star1, rs12769205: '0/1', rs4244285: '0/1', rs12248560: '0/1' }, '*2/*17', 'Intermediate Metabolizer'],
    [{ ...star1, rs4986893: '0/1', rs4244285: '0/1', rs12769205: '0/1' }, '*2/*3', 'Poor Metabolizer'],
  ])('%o is %s, %s', (gts, diplotype, phenotype) => {
    expect(call('CYP2C19', gts)).toMatchObject({ diplotype, phenotype, determinable: true });
  });
});

describe('activity scores', () => {
  it('CYP2C9: sums activity values (*1/*2 1.5 IM, *1/*3 1.0 IM, *2/*3 0.5 PM)', () => {
    expect(call('CYP2C9', { rs1799853: '0/1' })).toMatchObject({ diplotype: '*1/*2', activityScore: 1.5, phenotype: 'Intermediate Metabolizer' });
    expect(call('CYP2C9', { rs1057910: '0/1' })).toMatchObject({ diplotype: '*1/*3', activityScore: 1, phenotype: 'Intermediate Metabolizer' });
    expect(call('CYP2C9', { rs1799853: '0/1', rs1057910: '0/1' })).toMatchObject({ diplotype: '*2/*3', activityScore: 0.5, phenotype: 'Poor Metabolizer' });
  });

  it('CYP2D6: scores SNV-defined alleles and says copy number was not assessed in every call', () => {
    const caveat = expect.stringContaining('copy number not assessed');
    expect(call('CYP2D6', {})).toMatchObject({ diplotype: '*1/*1', activityScore: 2, phenotype: 'Normal Metabolizer', reason: caveat });
    expect(call('CYP2D6', { rs3892097: '0/1' })).toMatchObject({ diplotype: '*1/*4', activityScore: 1, phenotype: 'Intermediate Metabolizer', reason: caveat });
    expect(call('CYP2D6', { rs3892097: '1/1', rs1065852: '1/1', rs1135840: '1/1' })).toMatchObject({ diplotype: '*4/*4', activityScore: 0, phenotype: 'Poor Metabolizer' });
    expect(call('CYP2D6', { rs1065852: '0/1', rs1135840: '0/1' })).toMatchObject({ diplotype: '*1/*10', activityScore: 1.25, phenotype: 'Normal Metabolizer' });
    expect(call('CYP2D6', { rs5030656: '0/1' })).toMatchObject({ diplotype: '*1/*9', activityScore: 1.25, phenotype: 'Normal Metabolizer' });
    expect(call('CYP2D6', { rs28371706: '0/1', rs16947: '0/1', rs1135840: '0/1' })).toMatchObject({ diplotype: '*1/*17', activityScore: 1.5 });
    expect(call('CYP2D6', { rs1065852: '0/1', rs1135840: '1/1', rs16947: '0/1', rs28371725: '0/1' })).toMatchObject({ diplotype: '*10/*41', activityScore: 0.5, phenotype: 'Intermediate Metabolizer' });
  });

  it('CYP2D6: a *4 carrying the *10 tag variants is *1/*4 or *4/*10; both are intermediate', () => {
    expect(call('CYP2D6', { rs3892097: '0/1', rs1065852: '0/1', rs1135840: '0/1' })).toMatchObject({
      diplotype: '*1/*4 or *4/*10', phenotype: 'Intermediate Metabolizer', activityScore: null, determinable: true,
      reason: expect.stringMatching(/^diplotype not determinable \(unphased ambiguity\); every possible diplotype gives Intermediate Metabolizer; copy number not assessed/),
    });
  });

  it('DPYD: variant alleles with activity values; two different variants are taken to be on different haplotypes', () => {
    expect(call('DPYD', {})).toMatchObject({ diplotype: 'Reference/Reference', activityScore: 2, phenotype: 'Normal Metabolizer' });
    expect(call('DPYD', { rs75017182: '0/1', rs56038477: '0/1' })).toMatchObject({ diplotype: 'Reference/c.1129-5923C>G, c.1236G>A (HapB3)', activityScore: 1.5, phenotype: 'Intermediate Metabolizer' });
    expect(call('DPYD', { rs67376798: '1/1' })).toMatchObject({ diplotype: 'c.2846A>T/c.2846A>T', activityScore: 1, phenotype: 'Intermediate Metabolizer' });
    expect(call('DPYD', { rs3918290: '0/1', rs67376798: '0/1' })).toMatchObject({ diplotype: 'c.1905+1G>A (*2A)/c.2846A>T', activityScore: 0.5, phenotype: 'Poor Metabolizer' });
    expect(call('DPYD', { rs3918290: '1/1' })).toMatchObject({ activityScore: 0, phenotype: 'Poor Metabolizer' });
  });
});

describe('ambiguity that does not change the phenotype', () => {
  it('SLCO1B1: unphased c.388A>G + c.521T>C is *1/*15 or *5/*37, decreased function either way', () => {
    expect(call('SLCO1B1', { rs2306283: '0/1', rs4149056: '0/1' })).toMatchObject({
      diplotype: '*1/*15 or *5/*37', phenotype: 'Decreased Function', determinable: true,
      reason: 'diplotype not determinable (unphased ambiguity); every possible diplotype gives Decreased Function',
    });
    expect(call('SLCO1B1', { rs4149056: '1/1' })).toMatchObject({ diplotype: '*5/*5', phenotype: 'Poor Function' });
  });

  it('NUDT15: c.415C>T without the insertion position is *1/*2 or *1/*3, intermediate either way', () => {
    expect(call('NUDT15', { rs116855232: '0/1', rs746071566: 'absent' })).toMatchObject({
      diplotype: '*1/*2 or *1/*3', phenotype: 'Intermediate Metabolizer', determinable: true,
      reason: 'diplotype not determinable (position chr13:48037782 (rs746071566) not in the file); every possible diplotype gives Intermediate Metabolizer',
    });
  });
});

it('HLA-B is never called from SNVs', () => {
  expect(callGene(gene('HLA-B'), [])).toEqual({ diplotype: null, phenotype: null, activityScore: null, determinable: false, reason: 'not determinable from SNVs (needs HLA typing)' });
});
