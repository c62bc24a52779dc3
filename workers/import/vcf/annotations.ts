import type { FieldDeclaration } from './vcf-header.js';
import { percentDecode } from './info-values.js';

export type AnnotationSource = 'CSQ' | 'ANN' | 'EFF';

/** One transcript annotation of one ALT row, as stored in `annotation`. */
export interface Annotation {
  source: AnnotationSource;
  gene: string | null;
  consequence: string | null;
  impact: string | null;
  feature: string | null;
  biotype: string | null;
  hgvsC: string | null;
  hgvsP: string | null;
}

/** Where each wanted subfield sits in an annotation entry, from the header's field order. */
interface AnnotationLayout {
  source: AnnotationSource;
  allele: number;
  alleleNumber: number;
  consequence: number;
  impact: number;
  gene: number;
  geneId: number;
  feature: number;
  biotype: number;
  hgvsC: number;
  hgvsP: number;
}

/** SnpEff's ANN order (snpEff documentation, "ANN field"), used when the header does not spell it out. */
const ANN_FIELDS = ['Allele', 'Annotation', 'Annotation_Impact', 'Gene_Name', 'Gene_ID', 'Feature_Type', 'Feature_ID',
  'Transcript_BioType', 'Rank', 'HGVS.c', 'HGVS.p', 'cDNA.pos / cDNA.length', 'CDS.pos / CDS.length', 'AA.pos / AA.length', 'Distance', 'ERRORS / WARNINGS / INFO'];
/** SnpEff's older EFF order inside `EFFECT(...)` (snpEff documentation, "EFF field"). */
const EFF_FIELDS = ['Effect_Impact', 'Functional_Class', 'Codon_Change', 'Amino_Acid_Change', 'Amino_Acid_Length', 'Gene_Name',
  'Transcript_BioType', 'Gene_Coding', 'Transcript_ID', 'Exon_Rank', 'Genotype_Number', 'ERRORS', 'WARNINGS'];

const IMPACT_RANK: Record<string, number> = { HIGH: 4, MODERATE: 3, LOW: 2, MODIFIER: 1 };

/** The field names a Description lists after `Format:` (VEP) or inside `'...'`/`(...)` (SnpEff). */
function describedFields(description: string, source: AnnotationSource): string[] | null {
  if (source === 'CSQ') {
    const match = /Format:\s*([^"']+)/.exec(description);
    return match ? match[1]!.trim().split('|').map((f) => f.trim()) : null;
  }
  if (source === 'EFF') {
    const match = /\(\s*([^)]*)\)/.exec(description);
    return match ? match[1]!.replace(/\[|\]/g, '').split('|').map((f) => f.trim()).filter((f) => f !== '') : null;
  }
  const match = /'([^']+)'/.exec(description);
  return match && match[1]!.includes('|') ? match[1]!.split('|').map((f) => f.trim()) : null;
}

function indexOfAny(fields: string[], names: string[]): number {
  const lower = fields.map((f) => f.toLowerCase());
  for (const name of names) {
    const at = lower.indexOf(name.toLowerCase());
    if (at >= 0) return at;
  }
  return -1;
}

function layoutFor(source: AnnotationSource, fields: string[]): AnnotationLayout {
  const at = (...names: string[]) => indexOfAny(fields, names);
  return {
    source,
    allele: at('Allele'),
    alleleNumber: at('ALLELE_NUM', 'Genotype_Number', 'Genotype'),
    consequence: source === 'EFF' ? -1 : at('Consequence', 'Annotation'),
    impact: at('IMPACT', 'Annotation_Impact', 'Effect_Impact'),
    gene: at('SYMBOL', 'Gene_Name'),
    geneId: at('Gene', 'Gene_ID'),
    feature: at('Feature', 'Feature_ID', 'Transcript_ID', 'Transcript'),
    biotype: at('BIOTYPE', 'Transcript_BioType', 'Gene_BioType'),
    hgvsC: at('HGVSc', 'HGVS.c'),
    hgvsP: at('HGVSp', 'HGVS.p', 'Amino_Acid_Change', 'Amino_acid_change'),
  };
}

/** The annotation keys this header declares (CSQ, ANN, EFF), each with its field order. */
export function annotationLayouts(info: Map<string, FieldDeclaration>): AnnotationLayout[] {
  const layouts: AnnotationLayout[] = [];
  for (const source of ['CSQ', 'ANN', 'EFF'] as const) {
    const declaration = info.get(source);
    if (!declaration) continue;
    const fields = describedFields(declaration.description, source) ?? (source === 'ANN' ? ANN_FIELDS : source === 'EFF' ? EFF_FIELDS : null);
    if (fields) layouts.push(layoutFor(source, fields));
  }
  return layouts;
}

function field(parts: string[], index: number): string | null {
  if (index < 0) return null;
  const value = parts[index]?.trim();
  return value ? percentDecode(value) : null;
}

/** VEP writes alleles without the base all alleles share (`AT>A` is `-`); both forms are matched. */
function vepAlleles(ref: string, alts: string[]): string[] {
  const first = ref[0];
  const shared = first !== undefined && alts.every((a) => a[0] === first && !a.startsWith('<'));
  return shared ? alts.map((a) => a.slice(1) || '-') : alts;
}

/** One annotation entry split into its subfields (`EFFECT(a|b)` for EFF). */
function entryParts(entry: string, layout: AnnotationLayout): { parts: string[]; effect: string | null } {
  if (layout.source !== 'EFF') return { parts: entry.split('|'), effect: null };
  const open = entry.indexOf('(');
  const close = entry.lastIndexOf(')');
  if (open < 0) return { parts: [], effect: entry };
  return { parts: entry.slice(open + 1, close < 0 ? undefined : close).split('|'), effect: entry.slice(0, open) };
}

/**
 * Spreads the annotation entries of one record over its ALT rows: by the allele number field when there is
 * one, else by the Allele field (as written or VEP-trimmed); a record with one ALT takes every entry.
 * Returns per ALT (0-based) its annotations, and how many entries matched no ALT.
 */
export function annotateRecord(layout: AnnotationLayout, text: string, ref: string, alts: string[]): { perAlt: Annotation[][]; unmatched: number } {
  const perAlt: Annotation[][] = alts.map(() => []);
  if (perAlt.length === 0) perAlt.push([]);
  let unmatched = 0;
  const trimmed = layout.source === 'CSQ' ? vepAlleles(ref, alts) : alts;
  for (const entry of text.split(',')) {
    if (entry === '' || entry === '.') continue;
    const { parts, effect } = entryParts(entry, layout);
    let target = perAlt.length === 1 ? 0 : -1;
    if (target < 0) {
      const number = Number(field(parts, layout.alleleNumber));
      if (Number.isInteger(number) && number >= 1 && number <= alts.length) target = number - 1;
      else {
        const allele = field(parts, layout.allele);
        if (allele !== null) target = Math.max(alts.indexOf(allele), trimmed.indexOf(allele));
      }
    }
    if (target < 0) {
      unmatched++;
      continue;
    }
    perAlt[target]!.push({
      source: layout.source,
      gene: field(parts, layout.gene) ?? field(parts, layout.geneId),
      consequence: effect ?? field(parts, layout.consequence),
      impact: field(parts, layout.impact),
      feature: field(parts, layout.feature),
      biotype: field(parts, layout.biotype),
      hgvsC: field(parts, layout.hgvsC),
      hgvsP: field(parts, layout.hgvsP),
    });
  }
  return { perAlt, unmatched };
}

/** The most severe annotation (HIGH > MODERATE > LOW > MODIFIER; the first of equals), or null. */
export function mostSevere(annotations: Annotation[]): Annotation | null {
  let best: Annotation | null = null;
  let bestRank = -1;
  for (const annotation of annotations) {
    const rank = IMPACT_RANK[(annotation.impact ?? '').toUpperCase()] ?? 0;
    if (rank > bestRank) {
      best = annotation;
      bestRank = rank;
    }
  }
  return best;
}

export type { AnnotationLayout };
