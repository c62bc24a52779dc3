import type { Task } from '../../db/tasks.js';
import type { Dataset, QualityReport } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';

/** STUB (replaced by the quality helper): runs every check that applies to the dataset's kind. */
export async function qualityReport(_task: Task, _dataset: Dataset): Promise<Omit<QualityReport, 'elapsedMs'>> {
  throw new PmwError({ code: 'INTERNAL', message: 'qualityReport is not implemented yet' });
}
