/** The columns of an association's result table (AssociationResult.resultTable), in order. */
import { PmwError } from '../../engine/errors.js';

export const ASSOCIATION_COLUMNS = [
  'variant_id', 'chrom', 'pos', 'ref', 'alt', 'rsid', 'ac_cases', 'an_cases', 'ac_controls', 'an_controls',
  'af', 'hwe_p', 'chisq', 'p_chisq', 'p_fisher', 'or', 'or_lo', 'or_hi', 'p_trend',
] as const;

/** The first page's order: the most significant first (`p_chisq`), unless `orderBy` names a column. */
export const DEFAULT_ORDER = 'p_chisq';

/** `p_fisher`, `or desc`, `pos asc` → an ORDER BY clause; NULLs last, ties by variant id. */
export function orderByOf(orderBy: string | undefined): string {
  const [column, direction = 'asc', ...rest] = (orderBy ?? DEFAULT_ORDER).trim().split(/\s+/);
  const dir = direction.toLowerCase();
  if (!(ASSOCIATION_COLUMNS as readonly string[]).includes(column ?? '') || rest.length > 0 || (dir !== 'asc' && dir !== 'desc')) {
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `cannot order the association by "${orderBy}"`,
      hint: `name one column (${ASSOCIATION_COLUMNS.join(', ')}), optionally followed by asc or desc`,
    });
  }
  return `"${column}" ${dir.toUpperCase()} NULLS LAST, variant_id`;
}
