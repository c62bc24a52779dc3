import { quoteIdentifier } from '../../db/quote.js';
import type { Dataset } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';

/** The quoted schema of a `vcf` dataset (docs/vcf.md); fails for datasets of other kinds. */
export function vcfSchemaOf(dataset: Dataset): string {
  if (dataset.kind !== 'vcf') {
    throw new PmwError({
      code: 'BAD_REQUEST',
      message: `dataset ${dataset.name} is a ${dataset.kind} dataset; variant queries and association need a VCF`,
      hint: 'import a VCF (pmw import FILE.vcf.gz) and name that dataset',
    });
  }
  return quoteIdentifier(dataset.name);
}
