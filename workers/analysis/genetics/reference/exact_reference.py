#!/usr/bin/env python3
"""Independent per-variant association statistics for the reference VCFs, at full precision.

Reads each VCF with its own GT parser (not ours, not plink's), splits multi-allelic records the way
docs/vcf.md does (for ALT k, a call counts its copies of k; copies of other ALTs are called but not k),
takes the phenotype from the committed phenotype file, and writes one TSV per VCF with repr() floats:

  counts      ALT copies / alleles per group over calls with no missing allele (half-calls are missing,
              as plink --vcf-half-call missing); diploid 0/1/2 genotype counts per group
  hwe_p       exact HWE p by full enumeration of the heterozygote distribution in exact integers
              (Wigginton et al. 2005), controls and all phenotyped samples (hwe_p_all)
  chisq       scipy.stats.chi2_contingency(correction=False)
  p_fisher    scipy.stats.fisher_exact (two-sided)
  or/or_lo/hi scipy.stats.contingency.odds_ratio(kind='sample') and its 95% interval (Woolf)
  p_trend     Cochran-Armitage as T * r^2 with r the Pearson correlation of genotype score and case status
              (numpy.corrcoef on the expanded samples), p from chi2(1)

Also ac_all / an_all: ALT copies and called alleles over every sample, half-calls included (as
bcftools +fill-tags counts them).

Usage: exact_reference.py VCF PHENO OUT.tsv
"""
import gzip
import math
import sys
from fractions import Fraction

import numpy as np
from scipy import stats
from scipy.stats.contingency import odds_ratio

TIE = Fraction(1, 10**7)


def open_text(path):
    return gzip.open(path, 'rt') if path.endswith(('.gz', '.bgz')) else open(path)


def read_phenotype(path, samples):
    """sample -> 1 (case) / 0 (control); file formats as docs/vcf.md."""
    values = {}
    with open(path) as f:
        lines = [l.rstrip('\n\r') for l in f if l.strip()]
    rows = [l.replace(',', '\t').split('\t') for l in lines]
    plink = any(r[1].strip() == '2' for r in rows)
    for r in rows:
        sample, value = r[0].strip(), r[1].strip().lower()
        if value in ('case',):
            values[sample] = 1
        elif value in ('control',):
            values[sample] = 0
        elif value in ('-9', 'na', ''):
            continue
        elif plink and value in ('2', '1', '0'):
            if value != '0':
                values[sample] = 1 if value == '2' else 0
        elif not plink and value in ('1', '0'):
            values[sample] = int(value)
        # anything else: the header line
    return [values.get(s) for s in samples]


def hwe_exact(hets, hom1, hom2):
    """Exact HWE p: sum of P(h) <= P(observed) (relative tie 1e-7), in exact rationals."""
    n = hets + hom1 + hom2
    if n == 0:
        return 1.0
    n_a = 2 * hom1 + hets
    n_b = 2 * n - n_a
    f = math.factorial

    def prob(h):
        aa = (n_a - h) // 2
        bb = (n_b - h) // 2
        return Fraction(f(n) * 2**h * f(n_a) * f(n_b), f(aa) * f(h) * f(bb) * f(2 * n))

    observed = prob(hets)
    total = Fraction(0)
    tail = Fraction(0)
    for h in range(n_a % 2, min(n_a, n_b) + 1, 2):
        p = prob(h)
        total += p
        if p <= observed * (1 + TIE):
            tail += p
    return float(tail / total)


def trend(scores_cases, scores_controls):
    y = np.array([1] * len(scores_cases) + [0] * len(scores_controls), dtype=float)
    s = np.array(scores_cases + scores_controls, dtype=float)
    if len(y) == 0 or y.min() == y.max() or s.min() == s.max():
        return math.nan
    r = np.corrcoef(y, s)[0, 1]
    return len(y) * r * r


def fmt(x):
    return 'NA' if x is None or (isinstance(x, float) and math.isnan(x)) else repr(float(x))


def main(vcf, pheno, out):
    samples = None
    rows = []
    with open_text(vcf) as f:
        for line in f:
            if line.startswith('##'):
                continue
            fields = line.rstrip('\n').split('\t')
            if line.startswith('#CHROM'):
                samples = fields[9:]
                status = read_phenotype(pheno, samples)
                continue
            chrom, pos, vid, ref, alts = fields[0], fields[1], fields[2], fields[3], fields[4].split(',')
            gt_index = fields[8].split(':').index('GT')
            calls = []
            for value in fields[9:]:
                parts = value.split(':')
                gt = parts[gt_index] if gt_index < len(parts) else '.'
                calls.append(gt.replace('|', '/').split('/'))
            for k, alt in enumerate(alts, start=1):
                rows.append(variant_row(len(rows), chrom, pos, vid, ref, alt, str(k), calls, status))
    columns = ['variant_id', 'chrom', 'pos', 'rsid', 'ref', 'alt', 'ac_all', 'an_all',
               'ac_cases', 'an_cases', 'ac_controls', 'an_controls',
               'case_hom_ref', 'case_het', 'case_hom_alt', 'control_hom_ref', 'control_het', 'control_hom_alt',
               'af', 'hwe_p', 'hwe_p_all', 'chisq', 'p_chisq', 'p_fisher', 'or', 'or_lo', 'or_hi', 'p_trend']
    with open(out, 'w') as f:
        f.write('\t'.join(columns) + '\n')
        for r in rows:
            f.write('\t'.join(r[c] if isinstance(r[c], str) else fmt(r[c]) if isinstance(r[c], float) else str(r[c]) for c in columns) + '\n')


def variant_row(index, chrom, pos, vid, ref, alt, k, calls, status):
    ac_all = an_all = 0
    groups = {1: [0, 0, [0, 0, 0], []], 0: [0, 0, [0, 0, 0], []]}
    for alleles, s in zip(calls, status):
        called = [a for a in alleles if a != '.']
        ac_all += sum(1 for a in called if a == k)
        an_all += len(called)
        if s is None or len(called) != len(alleles) or not called:
            continue
        copies = sum(1 for a in called if a == k)
        g = groups[s]
        g[0] += copies
        g[1] += len(called)
        if len(called) == 2:
            g[2][copies] += 1
            g[3].append(copies)
    (a, an_case, case_geno, case_scores), (c, an_control, control_geno, control_scores) = groups[1], groups[0]
    b, d = an_case - a, an_control - c
    table = [[a, b], [c, d]]
    alleles = a + b + c + d
    if (a + b) * (c + d) * (a + c) * (b + d) == 0:
        chisq = p_chisq = math.nan
    else:
        chisq, p_chisq = stats.chi2_contingency(table, correction=False)[:2]
    p_fisher = stats.fisher_exact(table)[1] if alleles > 0 else math.nan
    if b * c == 0:
        orr = lo = hi = math.nan
    else:
        result = odds_ratio(table, kind='sample')
        orr = result.statistic
        if 0 in (a, b, c, d):
            lo = hi = math.nan
        else:
            ci = result.confidence_interval(0.95)
            lo, hi = ci.low, ci.high
    t = trend(case_scores, control_scores)
    return {
        'variant_id': str(index), 'chrom': chrom, 'pos': pos, 'rsid': vid, 'ref': ref, 'alt': alt,
        'ac_all': ac_all, 'an_all': an_all, 'ac_cases': a, 'an_cases': an_case, 'ac_controls': c, 'an_controls': an_control,
        'case_hom_ref': case_geno[0], 'case_het': case_geno[1], 'case_hom_alt': case_geno[2],
        'control_hom_ref': control_geno[0], 'control_het': control_geno[1], 'control_hom_alt': control_geno[2],
        'af': (a + c) / alleles if alleles else math.nan,
        'hwe_p': hwe_exact(control_geno[1], control_geno[0], control_geno[2]),
        'hwe_p_all': hwe_exact(case_geno[1] + control_geno[1], case_geno[0] + control_geno[0], case_geno[2] + control_geno[2]),
        'chisq': float(chisq), 'p_chisq': float(p_chisq), 'p_fisher': float(p_fisher),
        'or': float(orr), 'or_lo': float(lo), 'or_hi': float(hi),
        'p_trend': float(stats.chi2.sf(t, 1)) if not math.isnan(t) else math.nan,
    }


if __name__ == '__main__':
    main(*sys.argv[1:4])
