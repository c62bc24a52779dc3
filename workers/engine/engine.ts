import { mkdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { profileTable } from '../analysis/quality/profile.js';
import { openDatabase } from '../db/open-database.js';
import { pageQuery } from '../db/page-query.js';
import { TaskRegistry } from '../db/tasks.js';
import { exportResult } from '../db/export-result.js';
import { runSignalScreen } from '../analysis/signals/screen.js';
import { runSignalTrend } from '../analysis/signals/trend.js';
import { runCohort } from '../analysis/cohort/run-cohort.js';
import { runAssociation } from '../analysis/genetics/run-association.js';
import { runCarriers } from '../analysis/genetics/run-carriers.js';
import { runVariants } from '../analysis/genetics/run-variants.js';
import { runPgx } from '../analysis/pgx/run-pgx.js';
import { runCharacterize, runIncidenceAnalysis, runSurvivalAnalysis } from '../analysis/cohort/analyses.js';
import { resolveImportKind } from '../import/faers/detect-import-kind.js';
import { importFaers } from '../import/faers/import-faers.js';
import { importTableFile } from '../import/import-file.js';
import { importOmop } from '../import/omop/import-omop.js';
import { importReports } from '../import/reports/import-reports.js';
import { inspectSource } from '../import/source.js';
import { importVcf } from '../import/vcf/import-vcf.js';
import { linkSamples } from '../import/vcf/link-samples.js';
import type {
  AppliedTransform, CatalogDocument, ExportOptions, KAnonymityResult, KAnonymitySpec, PrivacyPolicy, PrivacyScan, QualityReport, Transform,
} from './api.js';
import type {
  AssociationResult, AssociationSpec, AuditEntry, AuditVerification, CarrierQuery, CharacterizeResult, CharacterizeSpec, CohortResult, CohortSpec, ColumnProfile,
  Dataset, Engine, ImportRequest, ImportResult, IncidenceResult, IncidenceSpec, Progress, QueryOptions, ResultPage,
  PgxResult, PgxSpec, SignalResult, SignalSpec, SurvivalResult, SurvivalSpec, TrendSpec, VariantQuery, WorkspaceInfo,
} from './api.js';
import { AuditLog } from './audit-log.js';
import { listDatasets, quoteTableName, requireDataset } from './catalog.js';
import { PmwError } from './errors.js';
import { describeCatalog } from './catalog-export.js';
import { datasetKAnonymity, datasetQuality, privacyWarnings, scanDataset, transformDataset } from './engine-privacy.js';
import { checkedImportRequest, checkedString } from './request-checks.js';
import { checkPolicyChange, effectiveMinCellCount, readPrivacyPolicy, writePrivacyPolicy } from './privacy-policy.js';
import { ENGINE_VERSION } from './version.js';
import { ensureWorkspaceSchema } from './workspace-schema.js';

/** Workspace files open in this process: DuckDB would let two instances share one file and corrupt it. */
const openPaths = new Set<string>();

interface OpenWorkspace {
  path: string;
  instance: DuckDBInstance;
  /** For catalog reads and audit appends; each task gets a connection of its own. */
  connection: DuckDBConnection;
  audit: AuditLog;
}

/** The Engine on one DuckDB workspace file, in this thread. Hosts: CLI (direct), worker thread (Comlink). */
export class WorkspaceEngine implements Engine {
  private workspace: OpenWorkspace | null = null;
  private readonly tasks = new TaskRegistry();

  async openWorkspace(path: string): Promise<WorkspaceInfo> {
    await this.close();
    const absolute = path === ':memory:' ? path : resolve(path);
    if (openPaths.has(absolute)) {
      throw new PmwError({ code: 'WORKSPACE_LOCKED', message: `workspace ${absolute} is already open in this program`, hint: 'use the window or engine that has it open', file: absolute });
    }
    if (absolute !== ':memory:') await mkdir(dirname(absolute), { recursive: true }).catch(() => undefined);
    const instance = await openDatabase(absolute);
    try {
      const connection = await instance.connect();
      await ensureWorkspaceSchema(connection, absolute);
      const audit = new AuditLog();
      await audit.load(connection);
      this.workspace = { path: absolute, instance, connection, audit };
      if (absolute !== ':memory:') openPaths.add(absolute);
    } catch (error) {
      instance.closeSync();
      throw error;
    }
    return this.info();
  }

  async info(): Promise<WorkspaceInfo> {
    const ws = this.open();
    const version = await ws.connection.runAndReadAll('SELECT version()');
    return {
      path: ws.path,
      datasets: (await listDatasets(ws.connection)).length,
      auditEntries: ws.audit.entries,
      engineVersion: ENGINE_VERSION,
      duckdbVersion: String(version.getRowsJS()[0]?.[0] ?? ''),
    };
  }

  async close(): Promise<void> {
    const ws = this.workspace;
    if (!ws) return;
    this.tasks.cancelAll();
    this.workspace = null;
    openPaths.delete(ws.path);
    ws.connection.closeSync();
    ws.instance.closeSync();
  }

  async datasets(): Promise<Dataset[]> {
    return listDatasets(this.open().connection);
  }

  async dataset(nameOrId: string): Promise<Dataset> {
    return requireDataset(this.open().connection, checkedString('dataset', nameOrId));
  }

  async importFile(req: ImportRequest, progress?: (p: Progress) => void): Promise<ImportResult> {
    const result = await this.importOnly(req, progress);
    if (result.duplicateOf) return result;
    const warnings = [...(result.warnings ?? []), ...privacyWarnings(result.dataset)];
    try {
      const quality = await this.runQuality(result.dataset, req.taskId, progress);
      if (quality.failed > 0) warnings.push(`data quality: ${quality.failed} of ${quality.checks.length} checks failed (pmw quality ${result.dataset.name})`);
      return { ...result, warnings, quality };
    } catch (error) {
      if (error instanceof PmwError && error.code === 'CANCELLED') return { ...result, warnings: [...warnings, 'the data quality report was cancelled; run it again with pmw quality'] };
      return { ...result, warnings: [...warnings, `the data quality report failed: ${error instanceof Error ? error.message : String(error)}`] };
    }
  }

  private async importOnly(req: ImportRequest, progress?: (p: Progress) => void): Promise<ImportResult> {
    const ws = this.open();
    const request = checkedImportRequest(req);
    const kind = await resolveImportKind(request);
    if (kind === 'vcf') {
      const options = { taskId: request.taskId, label: `the import of ${basename(resolve(request.path))}`, onProgress: progress };
      return this.tasks.run(ws.instance, options, (task) => importVcf(task, ws.audit, request));
    }
    if (kind === 'faers' || kind === 'omop') {
      const options = { taskId: request.taskId, label: `the import of ${basename(resolve(request.path))}`, onProgress: progress };
      const importFolder = kind === 'faers' ? importFaers : importOmop;
      return this.tasks.run(ws.instance, options, (task) => importFolder(task, ws.audit, request));
    }
    const source = await inspectSource(request.path, request.format ?? 'auto');
    const options = { taskId: request.taskId, label: `the import of ${source.fileName}`, onProgress: progress };
    if (kind === 'reports') return this.tasks.run(ws.instance, options, (task) => importReports(task, ws.audit, source, request));
    return this.tasks.run(ws.instance, options, (task) => importTableFile(task, ws.audit, source, request));
  }

  async query(sql: string, opts: QueryOptions = {}): Promise<ResultPage> {
    const ws = this.open();
    const text = checkedString('sql', sql);
    const page = await this.tasks.run(ws.instance, { taskId: opts.taskId, label: 'the query' }, (task) => pageQuery(task, text, opts));
    const detail = opts.params === undefined ? text : JSON.stringify({ sql: text, params: opts.params }, bigintAsString);
    await ws.audit.append(ws.connection, { action: 'query', dataset: null, detail, rows: page.rowCount });
    return page;
  }

  async profile(nameOrId: string, opts: { table?: string; bins?: number; top?: number } = {}): Promise<ColumnProfile[]> {
    const ws = this.open();
    const dataset = await requireDataset(ws.connection, checkedString('dataset', nameOrId));
    const table = opts.table ? dataset.tables.find((t) => t.table === opts.table) : dataset.tables[0];
    if (!table) {
      throw new PmwError({ code: 'BAD_REQUEST', message: `dataset ${dataset.name} has no table ${opts.table ?? ''}`, hint: `its tables are: ${dataset.tables.map((t) => t.table).join(', ')}` });
    }
    const bins = Math.max(1, Math.min(200, Math.trunc(opts.bins ?? 20)));
    const top = Math.max(1, Math.min(100, Math.trunc(opts.top ?? 5)));
    const profiles = await this.tasks.run(ws.instance, { label: 'the profile' }, (task) =>
      profileTable(task.connection, quoteTableName(table.table), table.columns, { bins, top }));
    await ws.audit.append(ws.connection, { action: 'profile', dataset: dataset.id, detail: JSON.stringify({ table: table.table, bins, top }), rows: table.rows });
    return profiles;
  }

  async cancel(taskId: string): Promise<void> {
    this.tasks.cancel(checkedString('taskId', taskId));
  }

  async audit(opts: { limit?: number; offset?: number } = {}): Promise<AuditEntry[]> {
    const ws = this.open();
    return ws.audit.list(ws.connection, Math.max(0, Math.trunc(opts.limit ?? 100)), Math.max(0, Math.trunc(opts.offset ?? 0)));
  }

  async verifyAudit(): Promise<AuditVerification> {
    const ws = this.open();
    return ws.audit.verify(ws.connection);
  }

  async signals(requested: SignalSpec, progress?: (p: Progress) => void): Promise<SignalResult> {
    const ws = this.open();
    const spec = await this.withPolicy(requested);
    const dataset = await requireDataset(ws.connection, checkedString('dataset', spec?.dataset));
    return this.tasks.run(ws.instance, { taskId: spec.taskId, label: 'the signal screen', onProgress: progress }, (task) =>
      runSignalScreen(task, ws.audit, dataset, spec));
  }

  async signalTrend(requested: TrendSpec, progress?: (p: Progress) => void): Promise<ResultPage> {
    const ws = this.open();
    const spec = await this.withPolicy(requested);
    const dataset = await requireDataset(ws.connection, checkedString('dataset', spec?.dataset));
    return this.tasks.run(ws.instance, { taskId: spec.taskId, label: 'the signal trend', onProgress: progress }, (task) =>
      runSignalTrend(task, ws.audit, dataset, spec));
  }

  async cohort(requested: CohortSpec, progress?: (p: Progress) => void): Promise<CohortResult> {
    const ws = this.open();
    const spec = await this.withPolicy(requested);
    return this.tasks.run(ws.instance, { taskId: spec?.taskId, label: 'the cohort', onProgress: progress }, (task) =>
      runCohort(task, ws.audit, spec));
  }

  async characterize(requested: CharacterizeSpec, progress?: (p: Progress) => void): Promise<CharacterizeResult> {
    const ws = this.open();
    const spec = await this.withPolicy(requested);
    return this.tasks.run(ws.instance, { taskId: spec?.taskId, label: 'the characterization', onProgress: progress }, (task) =>
      runCharacterize(task, ws.audit, spec));
  }

  async incidence(requested: IncidenceSpec, progress?: (p: Progress) => void): Promise<IncidenceResult> {
    const ws = this.open();
    const spec = await this.withPolicy(requested);
    return this.tasks.run(ws.instance, { taskId: spec?.taskId, label: 'the incidence analysis', onProgress: progress }, (task) =>
      runIncidenceAnalysis(task, ws.audit, spec));
  }

  async survival(requested: SurvivalSpec, progress?: (p: Progress) => void): Promise<SurvivalResult> {
    const ws = this.open();
    const spec = await this.withPolicy(requested);
    return this.tasks.run(ws.instance, { taskId: spec?.taskId, label: 'the survival analysis', onProgress: progress }, (task) =>
      runSurvivalAnalysis(task, ws.audit, spec));
  }

  async variants(requested: VariantQuery): Promise<ResultPage> {
    const ws = this.open();
    const query = await this.withPolicy(requested);
    const dataset = await requireDataset(ws.connection, checkedString('dataset', query?.dataset));
    const page = await this.tasks.run(ws.instance, { label: 'the variants query' }, (task) => runVariants(task, dataset, query));
    await ws.audit.append(ws.connection, { action: 'query', dataset: dataset.id, detail: JSON.stringify({ variants: query }), rows: page.rowCount });
    return page;
  }

  async carriers(query: CarrierQuery): Promise<ResultPage> {
    const ws = this.open();
    const dataset = await requireDataset(ws.connection, checkedString('dataset', query?.dataset));
    const page = await this.tasks.run(ws.instance, { label: 'the carriers query' }, (task) => runCarriers(task, dataset, query));
    await ws.audit.append(ws.connection, { action: 'query', dataset: dataset.id, detail: JSON.stringify({ carriers: query }), rows: page.rowCount });
    return page;
  }

  async linkSamples(nameOrId: string, path: string): Promise<{ linked: number; unknownSamples: string[] }> {
    const ws = this.open();
    const dataset = await requireDataset(ws.connection, checkedString('dataset', nameOrId));
    return this.tasks.run(ws.instance, { label: `linking the samples of ${dataset.name}` }, (task) =>
      linkSamples(task, ws.audit, dataset, checkedString('path', path)));
  }

  async association(requested: AssociationSpec, progress?: (p: Progress) => void): Promise<AssociationResult> {
    const ws = this.open();
    const spec = await this.withPolicy(requested);
    const dataset = await requireDataset(ws.connection, checkedString('dataset', spec?.dataset));
    return this.tasks.run(ws.instance, { taskId: spec.taskId, label: 'the association', onProgress: progress }, async (task) => {
      const started = performance.now();
      const result = await runAssociation(task, ws.audit, dataset, spec);
      return { ...result, elapsedMs: performance.now() - started };
    });
  }

  async pgx(requested: PgxSpec, progress?: (p: Progress) => void): Promise<PgxResult> {
    const ws = this.open();
    const spec = await this.withPolicy(requested);
    const dataset = await requireDataset(ws.connection, checkedString('dataset', spec?.dataset));
    return this.tasks.run(ws.instance, { taskId: spec.taskId, label: 'the pharmacogenomic calls', onProgress: progress }, async (task) => {
      const started = performance.now();
      const result = await runPgx(task, ws.audit, dataset, spec);
      return { ...result, elapsedMs: performance.now() - started };
    });
  }

  async exportResult(source: { table?: string; sql?: string }, path: string, opts: ExportOptions = {}): Promise<{ path: string; rows: number }> {
    const ws = this.open();
    const result = await this.tasks.run(ws.instance, { label: 'the export' }, (task) => exportResult(task.connection, source, checkedString('path', path), opts.note));
    await ws.audit.append(ws.connection, { action: 'export', dataset: null, detail: JSON.stringify({ sql: result.sql, path: result.path }), rows: result.rows });
    return { path: result.path, rows: result.rows };
  }

  async privacyPolicy(): Promise<PrivacyPolicy> {
    return readPrivacyPolicy(this.open().connection);
  }

  async setPrivacyPolicy(change: Partial<PrivacyPolicy>): Promise<PrivacyPolicy> {
    const ws = this.open();
    const checked = checkPolicyChange(change);
    const policy = { ...(await readPrivacyPolicy(ws.connection)), ...checked };
    await ws.audit.withAppendLock(async (append) => {
      await ws.connection.run('BEGIN TRANSACTION');
      try {
        await writePrivacyPolicy(ws.connection, policy);
        await append(ws.connection, { action: 'policy', dataset: null, detail: JSON.stringify({ change: checked, policy }), rows: null });
        await ws.connection.run('COMMIT');
      } catch (error) {
        await ws.connection.run('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
    return policy;
  }

  async scanPrivacy(nameOrId: string, opts: { table?: string; taskId?: string } = {}, progress?: (p: Progress) => void): Promise<PrivacyScan> {
    const ws = this.open();
    const dataset = await requireDataset(ws.connection, checkedString('dataset', nameOrId));
    return this.tasks.run(ws.instance, { taskId: opts.taskId, label: `the identifier scan of ${dataset.name}`, onProgress: progress }, (task) =>
      scanDataset(task, ws.audit, dataset, opts.table));
  }

  async applyTransforms(nameOrId: string, transforms: Transform[], opts: { taskId?: string } = {}, progress?: (p: Progress) => void): Promise<{ dataset: Dataset; applied: AppliedTransform[] }> {
    const ws = this.open();
    const dataset = await requireDataset(ws.connection, checkedString('dataset', nameOrId));
    return this.tasks.run(ws.instance, { taskId: opts.taskId, label: `the transforms of ${dataset.name}`, onProgress: progress }, (task) =>
      transformDataset(task, ws.audit, dataset, transforms));
  }

  async kAnonymity(spec: KAnonymitySpec, progress?: (p: Progress) => void): Promise<KAnonymityResult> {
    const ws = this.open();
    const dataset = await requireDataset(ws.connection, checkedString('dataset', spec?.dataset));
    return this.tasks.run(ws.instance, { taskId: spec.taskId, label: 'the k-anonymity report', onProgress: progress }, (task) =>
      datasetKAnonymity(task, ws.audit, dataset, spec));
  }

  async quality(nameOrId: string, opts: { taskId?: string } = {}, progress?: (p: Progress) => void): Promise<QualityReport> {
    const ws = this.open();
    const dataset = await requireDataset(ws.connection, checkedString('dataset', nameOrId));
    return this.runQuality(dataset, opts.taskId, progress);
  }

  async exportCatalog(): Promise<CatalogDocument> {
    const ws = this.open();
    return this.tasks.run(ws.instance, { label: 'the catalog export' }, async (task) => {
      const document = await describeCatalog(task.connection, await listDatasets(task.connection));
      await ws.audit.append(ws.connection, { action: 'export', dataset: null, detail: JSON.stringify({ catalog: 'dcat' }), rows: null });
      return document;
    });
  }

  private runQuality(dataset: Dataset, taskId: string | undefined, progress?: (p: Progress) => void): Promise<QualityReport> {
    const ws = this.open();
    return this.tasks.run(ws.instance, { taskId, label: `the data quality report of ${dataset.name}`, onProgress: progress }, (task) =>
      datasetQuality(task, ws.audit, dataset));
  }

  /** The spec with the minimum cell count in force: the policy's, or a larger one the spec asks for. */
  private async withPolicy<T extends { minCellCount?: number }>(spec: T): Promise<T> {
    if (!spec || typeof spec !== 'object') return spec;
    const policy = await readPrivacyPolicy(this.open().connection);
    return { ...spec, minCellCount: effectiveMinCellCount(policy, spec.minCellCount) };
  }

  /** The hash of the newest audit entry; keep it elsewhere to detect removal of entries at the end. */
  auditHead(): string {
    return this.open().audit.headHash;
  }

  private open(): OpenWorkspace {
    if (!this.workspace) {
      throw new PmwError({ code: 'WORKSPACE_CLOSED', message: 'no workspace is open', hint: 'open a workspace first' });
    }
    return this.workspace;
  }
}

function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
