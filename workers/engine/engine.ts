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
import { checkImportKindOptions } from '../import/reports/check-import-kind.js';
import { importReports } from '../import/reports/import-reports.js';
import { inspectSource } from '../import/source.js';
import { importVcf } from '../import/vcf/import-vcf.js';
import { linkSamples } from '../import/vcf/link-samples.js';
import type {
  AssociationResult, AssociationSpec, AuditEntry, AuditVerification, CarrierQuery, CharacterizeResult, CharacterizeSpec, CohortResult, CohortSpec, ColumnProfile,
  Dataset, Engine, ImportRequest, ImportResult, IncidenceResult, IncidenceSpec, Progress, QueryOptions, ResultPage,
  PgxResult, PgxSpec, SignalResult, SignalSpec, SurvivalResult, SurvivalSpec, TrendSpec, VariantQuery, WorkspaceInfo,
} from './api.js';
import { AuditLog } from './audit-log.js';
import { listDatasets, quoteTableName, requireDataset } from './catalog.js';
import { PmwError } from './errors.js';
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

  async signals(spec: SignalSpec, progress?: (p: Progress) => void): Promise<SignalResult> {
    const ws = this.open();
    const dataset = await requireDataset(ws.connection, checkedString('dataset', spec?.dataset));
    return this.tasks.run(ws.instance, { taskId: spec.taskId, label: 'the signal screen', onProgress: progress }, (task) =>
      runSignalScreen(task, ws.audit, dataset, spec));
  }

  async signalTrend(spec: TrendSpec, progress?: (p: Progress) => void): Promise<ResultPage> {
    const ws = this.open();
    const dataset = await requireDataset(ws.connection, checkedString('dataset', spec?.dataset));
    return this.tasks.run(ws.instance, { taskId: spec.taskId, label: 'the signal trend', onProgress: progress }, (task) =>
      runSignalTrend(task, ws.audit, dataset, spec));
  }

  async cohort(spec: CohortSpec, progress?: (p: Progress) => void): Promise<CohortResult> {
    const ws = this.open();
    return this.tasks.run(ws.instance, { taskId: spec?.taskId, label: 'the cohort', onProgress: progress }, (task) =>
      runCohort(task, ws.audit, spec));
  }

  async characterize(spec: CharacterizeSpec, progress?: (p: Progress) => void): Promise<CharacterizeResult> {
    const ws = this.open();
    return this.tasks.run(ws.instance, { taskId: spec?.taskId, label: 'the characterization', onProgress: progress }, (task) =>
      runCharacterize(task, ws.audit, spec));
  }

  async incidence(spec: IncidenceSpec, progress?: (p: Progress) => void): Promise<IncidenceResult> {
    const ws = this.open();
    return this.tasks.run(ws.instance, { taskId: spec?.taskId, label: 'the incidence analysis', onProgress: progress }, (task) =>
      runIncidenceAnalysis(task, ws.audit, spec));
  }

  async survival(spec: SurvivalSpec, progress?: (p: Progress) => void): Promise<SurvivalResult> {
    const ws = this.open();
    return this.tasks.run(ws.instance, { taskId: spec?.taskId, label: 'the survival analysis', onProgress: progress }, (task) =>
      runSurvivalAnalysis(task, ws.audit, spec));
  }

  async variants(query: VariantQuery): Promise<ResultPage> {
    const ws = this.open();
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

  async association(spec: AssociationSpec, progress?: (p: Progress) => void): Promise<AssociationResult> {
    const ws = this.open();
    const dataset = await requireDataset(ws.connection, checkedString('dataset', spec?.dataset));
    return this.tasks.run(ws.instance, { taskId: spec.taskId, label: 'the association', onProgress: progress }, async (task) => {
      const started = performance.now();
      const result = await runAssociation(task, ws.audit, dataset, spec);
      return { ...result, elapsedMs: performance.now() - started };
    });
  }

  async pgx(spec: PgxSpec, progress?: (p: Progress) => void): Promise<PgxResult> {
    const ws = this.open();
    const dataset = await requireDataset(ws.connection, checkedString('dataset', spec?.dataset));
    return this.tasks.run(ws.instance, { taskId: spec.taskId, label: 'the pharmacogenomic calls', onProgress: progress }, async (task) => {
      const started = performance.now();
      const result = await runPgx(task, ws.audit, dataset, spec);
      return { ...result, elapsedMs: performance.now() - started };
    });
  }

  async exportResult(source: { table?: string; sql?: string }, path: string): Promise<{ path: string; rows: number }> {
    const ws = this.open();
    const result = await this.tasks.run(ws.instance, { label: 'the export' }, (task) => exportResult(task.connection, source, checkedString('path', path)));
    await ws.audit.append(ws.connection, { action: 'export', dataset: null, detail: JSON.stringify({ sql: result.sql, path: result.path }), rows: result.rows });
    return { path: result.path, rows: result.rows };
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

function checkedString(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PmwError({ code: 'BAD_REQUEST', message: `${name} must be a non-empty string` });
  }
  return value;
}

function checkedImportRequest(req: ImportRequest): ImportRequest {
  if (!req || typeof req !== 'object') throw new PmwError({ code: 'BAD_REQUEST', message: 'the import request must be an object' });
  checkedString('path', req.path);
  if (req.name !== undefined) checkedString('name', req.name);
  if (req.format !== undefined && !['auto', 'csv', 'parquet'].includes(req.format)) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `unknown format ${String(req.format)}`, hint: 'use auto, csv or parquet' });
  }
  if (req.csv?.encoding !== undefined && !['utf-8', 'latin-1'].includes(req.csv.encoding)) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `unknown encoding ${String(req.csv.encoding)}`, hint: 'use utf-8 or latin-1' });
  }
  checkImportKindOptions(req);
  return req;
}

function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
