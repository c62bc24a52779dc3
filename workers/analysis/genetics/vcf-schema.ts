import { quoteIdentifier } from '../../db/quote.js';
import type { Dataset } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';

/** The quoted schema of a `vcf` dataset (docs/vcf.md); fails for datasets of other kinds. */
export function vcfSchemaOf(dataset: Dataset): string {
  if (dataset.kind !== 'vcf') {
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `dataset ${dataset.name} holds ${dataset.kind} data, not a VCF; variant queries and association need one`,
      hint: 'import a VCF (pmw import FILE.vcf.gz) and name that dataset',
    });
  }
  return quoteIdentifier(dataset.name);
}
