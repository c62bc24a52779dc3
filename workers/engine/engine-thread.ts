import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type {
  AssociationResult, AssociationSpec, AuditEntry, AuditVerification, CarrierQuery, CharacterizeResult, CharacterizeSpec, CohortResult, CohortSpec, ColumnProfile,
  Dataset, Engine, ImportRequest, ImportResult, IncidenceResult, IncidenceSpec, Progress, QueryOptions, ResultPage,
  PgxResult, PgxSpec, SignalResult, SignalSpec, SurvivalResult, SurvivalSpec, TrendSpec, VariantQuery, WorkspaceInfo,
} from './api.js';
import type { AppliedTransform, CatalogDocument, ExportOptions, KAnonymityResult, KAnonymitySpec, PrivacyPolicy, PrivacyScan, QualityReport, Transform } from './api.js';
import { EXPOSE_ON_PORT } from './expose-on-port.js';
import { installErrorTransfer } from './transfer.js';

/**
 * Running from TypeScript sources (tests, `tsx`), the worker must register tsx itself before importing
 * its entry: loaders registered in the parent do not reach worker threads. Built JavaScript needs none.
 */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/** The Engine in a worker thread, behind the same interface as the in-process one. */
export class EngineThread implements Engine {
  private readonly worker: Worker;
  private readonly remote: Comlink.Remote<Engine>;

  constructor() {
    installErrorTransfer();
    const url = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
    this.worker = startWorker(url);
    this.remote = Comlink.wrap<Engine>(nodeEndpoint(this.worker));
  }

  openWorkspace(path: string): Promise<WorkspaceInfo> { return this.remote.openWorkspace(path); }
  close(): Promise<void> { return this.remote.close(); }
  datasets(): Promise<Dataset[]> { return this.remote.datasets(); }
  dataset(nameOrId: string): Promise<Dataset> { return this.remote.dataset(nameOrId); }
  profile(nameOrId: string, opts?: { table?: string; bins?: number; top?: number }): Promise<ColumnProfile[]> {
    return this.remote.profile(nameOrId, opts);
  }
  query(sql: string, opts?: QueryOptions): Promise<ResultPage> { return this.remote.query(sql, opts); }
  cancel(taskId: string): Promise<void> { return this.remote.cancel(taskId); }
  audit(opts?: { limit?: number; offset?: number }): Promise<AuditEntry[]> { return this.remote.audit(opts); }
  verifyAudit(): Promise<AuditVerification> { return this.remote.verifyAudit(); }

  exportResult(source: { table?: string; sql?: string }, path: string, opts?: ExportOptions): Promise<{ path: string; rows: number }> {
    return this.remote.exportResult(source, path, opts);
  }

  variants(query: VariantQuery): Promise<ResultPage> { return this.remote.variants(query); }
  carriers(query: CarrierQuery): Promise<ResultPage> { return this.remote.carriers(query); }
  linkSamples(dataset: string, path: string): Promise<{ linked: number; unknownSamples: string[] }> {
    return this.remote.linkSamples(dataset, path);
  }

  // Callbacks cross the thread boundary as proxies.
  importFile(req: ImportRequest, progress?: (p: Progress) => void): Promise<ImportResult> {
    return this.remote.importFile(req, progress && Comlink.proxy(progress));
  }
  signals(spec: SignalSpec, progress?: (p: Progress) => void): Promise<SignalResult> {
    return this.remote.signals(spec, progress && Comlink.proxy(progress));
  }
  signalTrend(spec: TrendSpec, progress?: (p: Progress) => void): Promise<ResultPage> {
    return this.remote.signalTrend(spec, progress && Comlink.proxy(progress));
  }
  cohort(spec: CohortSpec, progress?: (p: Progress) => void): Promise<CohortResult> {
    return this.remote.cohort(spec, progress && Comlink.proxy(progress));
  }
  characterize(spec: CharacterizeSpec, progress?: (p: Progress) => void): Promise<CharacterizeResult> {
    return this.remote.characterize(spec, progress && Comlink.proxy(progress));
  }
  incidence(spec: IncidenceSpec, progress?: (p: Progress) => void): Promise<IncidenceResult> {
    return this.remote.incidence(spec, progress && Comlink.proxy(progress));
  }
  survival(spec: SurvivalSpec, progress?: (p: Progress) => void): Promise<SurvivalResult> {
    return this.remote.survival(spec, progress && Comlink.proxy(progress));
  }
  association(spec: AssociationSpec, progress?: (p: Progress) => void): Promise<AssociationResult> {
    return this.remote.association(spec, progress && Comlink.proxy(progress));
  }
  pgx(spec: PgxSpec, progress?: (p: Progress) => void): Promise<PgxResult> {
    return this.remote.pgx(spec, progress && Comlink.proxy(progress));
  }
  privacyPolicy(): Promise<PrivacyPolicy> { return this.remote.privacyPolicy(); }
  setPrivacyPolicy(change: Partial<PrivacyPolicy>): Promise<PrivacyPolicy> { return this.remote.setPrivacyPolicy(change); }
  scanPrivacy(dataset: string, opts?: { table?: string; taskId?: string }, progress?: (p: Progress) => void): Promise<PrivacyScan> {
    return this.remote.scanPrivacy(dataset, opts, progress && Comlink.proxy(progress));
  }
  applyTransforms(dataset: string, transforms: Transform[], opts?: { taskId?: string }, progress?: (p: Progress) => void): Promise<{ dataset: Dataset; applied: AppliedTransform[] }> {
    return this.remote.applyTransforms(dataset, transforms, opts, progress && Comlink.proxy(progress));
  }
  kAnonymity(spec: KAnonymitySpec, progress?: (p: Progress) => void): Promise<KAnonymityResult> {
    return this.remote.kAnonymity(spec, progress && Comlink.proxy(progress));
  }
  quality(dataset: string, opts?: { taskId?: string }, progress?: (p: Progress) => void): Promise<QualityReport> {
    return this.remote.quality(dataset, opts, progress && Comlink.proxy(progress));
  }
  exportCatalog(): Promise<CatalogDocument> { return this.remote.exportCatalog(); }

  /**
   * A new port on which the worker exposes this same engine (its open workspace, its tasks): one per client,
   * so replies go only to the client that asked. Closing the port releases it; the engine stays up.
   */
  openPort(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    this.worker.postMessage({ type: EXPOSE_ON_PORT, port: port2 }, [port2]);
    return port1;
  }

  /** Closes the workspace and stops the thread. */
  async terminate(): Promise<void> {
    await this.remote.close().catch(() => undefined);
    this.remote[Comlink.releaseProxy]();
    await this.worker.terminate();
  }
}
