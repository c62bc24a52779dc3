import { quoteIdentifier } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import type {
  CharacterizeResult, CharacterizeSpec, CohortRef, Dataset, IncidenceResult, IncidenceSpec, SurvivalResult, SurvivalSpec,
} from '../../engine/api.js';
import type { AuditLog } from '../../engine/audit-log.js';
import { characterize } from '../characterize/characterize.js';
import { runIncidence } from '../outcomes/incidence.js';
import { runSurvival } from '../outcomes/survival.js';
import { requireSameDataset, resolveCohortRef, type CohortTableRef } from './run-cohort.js';

/** The spec as the audit trail keeps it: cohorts as their definitions or table names, no task id. */
function auditedSpec(spec: { taskId?: string }): Record<string, unknown> {
  const { taskId: _taskId, ...kept } = spec;
  const strip = (value: unknown): unknown => {
    if (value && typeof value === 'object' && !Array.isArray(value) && 'taskId' in value) {
      const { taskId: _t, ...rest } = value as Record<string, unknown>;
      return rest;
    }
    return value;
  };
  return Object.fromEntries(Object.entries(kept).map(([k, v]) => [k, strip(v)]));
}

/** Resolves the named cohorts (target first), checks they share a dataset, and runs `work` on them. */
async function withCohorts<T extends { warnings: string[] }>(
  task: Task,
  audit: AuditLog,
  analysis: string,
  spec: { taskId?: string },
  refs: [string, CohortRef | undefined, boolean][],
  work: (cohorts: Record<string, CohortTableRef | undefined>, dataset: Dataset) => Promise<T>,
): Promise<T & { elapsedMs: number }> {
  const started = performance.now();
  const cohorts: Record<string, CohortTableRef | undefined> = {};
  for (const [role, ref, required] of refs) {
    if (ref === undefined && !required) continue;
    cohorts[role] = await resolveCohortRef(task, ref, role);
  }
  const dataset = requireSameDataset(Object.values(cohorts));
  const result = await work(cohorts, dataset);
  const warnings = [...Object.values(cohorts).flatMap((c) => c?.warnings ?? []), ...result.warnings];
  await audit.append(task.connection, { action: 'analysis', dataset: dataset.id, detail: JSON.stringify({ analysis, spec: auditedSpec(spec) }), rows: null });
  return { ...result, warnings, elapsedMs: performance.now() - started };
}

const tableOf = (c: CohortTableRef | undefined) => (c ? { table: c.table, label: c.label } : undefined);

export function runCharacterize(task: Task, audit: AuditLog, spec: CharacterizeSpec): Promise<CharacterizeResult> {
  const { target, comparator, ...options } = spec;
  return withCohorts(task, audit, 'characterize', spec, [['target', target, true], ['comparator', comparator, false]], (c, dataset) =>
    characterize(task, quoteIdentifier(dataset.name), tableOf(c.target)!, tableOf(c.comparator), options));
}

export function runIncidenceAnalysis(task: Task, audit: AuditLog, spec: IncidenceSpec): Promise<IncidenceResult> {
  const { target, outcome, ...options } = spec;
  return withCohorts(task, audit, 'incidence', spec, [['target', target, true], ['outcome', outcome, true]], (c) =>
    runIncidence(task, tableOf(c.target)!, tableOf(c.outcome)!, options));
}

export function runSurvivalAnalysis(task: Task, audit: AuditLog, spec: SurvivalSpec): Promise<SurvivalResult> {
  const { target, outcome, comparator, ...options } = spec;
  return withCohorts(task, audit, 'survival', spec, [['target', target, true], ['outcome', outcome, true], ['comparator', comparator, false]], (c) =>
    runSurvival(task, tableOf(c.target)!, tableOf(c.outcome)!, tableOf(c.comparator), options));
}
