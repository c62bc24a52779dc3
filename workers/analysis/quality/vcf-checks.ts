import type { Dataset, DatasetTable } from '../../engine/api.js';
import { quoteLiteral } from '../../db/quote.js';
import { quoteTableName } from '../../engine/catalog.js';
import type { QueryCheck, RowCheck, TablePlan } from './check-plan.js';
import { shortName } from './check-plan.js';
import { completenessCheck, referenceCheck, rowColumn } from './column-checks.js';
import { THRESHOLDS } from './thresholds.js';
import { duplicateKeyCheck } from './uniqueness-checks.js';

const BASES = '[ACGTNacgtn]';

/** REF (VCF 4.3, §1.6.1): each base one of A, C, G, T, N, in either case. */
export const REF_PATTERN = `${BASES}+`;

/**
 * One ALT allele (VCF 4.3, §1.6.1 and §5.4): bases (with `*`, the allele missing because of an upstream
 * deletion), a symbolic allele `<ID>` (`<DEL>`, `<DUP:TANDEM>`, `<NON_REF>`, `<*>`; no whitespace, comma or
 * angle bracket inside), a breakend joined to a mate (`G]17:198982]`, `]13:123456]T`, `C[2:321682[`,
 * `[17:198983[A`, the mate's contig possibly `<ctg>`), or a single breakend (`.A`, `G.`).
 */
export const ALT_PATTERN = [
  `[ACGTNacgtn*]+`,
  '<[^<>,\\s]+>',
  `${BASES}+[\\[\\]][^\\[\\]\\s]+:[0-9]+[\\[\\]]`,
  `[\\[\\]][^\\[\\]\\s]+:[0-9]+[\\[\\]]${BASES}+`,
  `\\.${BASES}+`,
  `${BASES}+\\.`,
].join('|');

/** Tables of a VCF dataset the checks read; the packed genotype storage and the header lines are left out. */
const CHECKED = new Set(['variant', 'sample', 'vcf_sample', 'annotation']);

/**
 * A `vcf` dataset: CHROM, POS and REF required and ALT nearly always given; REF and ALT in VCF's alphabet;
 * (chrom, pos, ref, alt) unique; sample names unique (`sample`, `vcf_sample`); every linked sample in
 * `sample`; every linked person_id in the person table of an OMOP dataset of the workspace (`omopPersons`;
 * the check is left out when the workspace has none). Every other column's null share is informational.
 */
export function vcfPlans(dataset: Dataset, omopPersons: { dataset: string; table: string }[]): TablePlan[] {
  const tables = dataset.tables.filter((t) => t.rows > 0 && CHECKED.has(shortName(t.table)));
  const sampleTable = dataset.tables.find((t) => shortName(t.table) === 'sample');
  return tables.map((table) => {
    const short = shortName(table.table);
    const rowChecks = table.columns.map((c) => completenessCheck(table.table, c.name, variantThreshold(short, c.name)));
    const queryChecks: QueryCheck[] = [];
    if (short === 'variant') {
      rowChecks.push(alleleCheck(table.table, 'ref', REF_PATTERN, 'REF is not made of the bases A, C, G, T, N'));
      rowChecks.push(alleleCheck(table.table, 'alt', ALT_PATTERN, 'ALT is not bases, *, a symbolic <ID> or a breakend'));
      queryChecks.push(duplicateKeyCheck(table.table, ['chrom', 'pos', 'ref', 'alt']));
    }
    if (short === 'sample' || short === 'vcf_sample') queryChecks.push(duplicateKeyCheck(table.table, ['sample']));
    if (short === 'vcf_sample') rowChecks.push(...linkChecks(table, sampleTable?.table, omopPersons));
    return { table: table.table, rowChecks, queryChecks };
  });
}

function variantThreshold(table: string, column: string): number {
  if (table !== 'variant') return THRESHOLDS.informational;
  if (column === 'chrom' || column === 'pos' || column === 'ref') return THRESHOLDS.required;
  return column === 'alt' ? THRESHOLDS.missingAlt : THRESHOLDS.informational;
}

function alleleCheck(table: string, column: 'ref' | 'alt', pattern: string, description: string): RowCheck {
  const c = rowColumn(column);
  return {
    id: `conformance.vcf_${column}.${shortName(table)}.${column}`, category: 'conformance', column, threshold: THRESHOLDS.conformance,
    description,
    applies: `${c} IS NOT NULL`,
    fails: `NOT regexp_full_match(${c}, ${quoteLiteral(pattern)})`,
  };
}

function linkChecks(table: DatasetTable, sampleTable: string | undefined, omopPersons: { dataset: string; table: string }[]): RowCheck[] {
  const checks: RowCheck[] = [];
  if (sampleTable) {
    checks.push(referenceCheck({
      id: 'integrity.sample.vcf_sample', category: 'integrity', table: table.table, column: 'sample',
      target: sampleTable, targetColumn: 'sample', description: 'linked sample not found among the VCF\'s samples',
    }));
  }
  if (omopPersons.length > 0) {
    const c = rowColumn('person_id');
    const found = omopPersons.map((p) => `EXISTS (SELECT 1 FROM ${quoteTableName(p.table)} r WHERE r.person_id = ${c})`);
    checks.push({
      id: 'integrity.person.vcf_sample', category: 'integrity', column: 'person_id', threshold: THRESHOLDS.integrity,
      description: `person_id not found in the persons of OMOP dataset${omopPersons.length > 1 ? 's' : ''} ${omopPersons.map((p) => p.dataset).join(', ')}`,
      applies: `${c} IS NOT NULL`,
      fails: `NOT (${found.join(' OR ')})`,
    });
  }
  return checks;
}
