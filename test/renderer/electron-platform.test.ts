/**
 * The desktop platform against a fake bridge, real MessagePorts (worker_threads) and a real in-process
 * Engine exposed on them as the engine process exposes it: calls and progress through the port, a crash
 * failing calls in flight, a restart carrying on through the same `engine` object, and files staged by path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineState, NotebookEntry, PmwBridge } from '../../main/bridge-api.js';
import { cellValue } from '../../workers/db/columnar.js';
import { WorkspaceEngine } from '../../workers/engine/engine.js';
import { installErrorTransfer } from '../../workers/engine/transfer.js';
import { connectElectron, ENGINE_PORT_MESSAGE, type ElectronPlatform } from '../../renderer/platform/electron.js';
import { portEndpoint } from '../../renderer/platform/port-endpoint.js';

const OMOP = fileURLToPath(new URL('../../samples/small/omop', import.meta.url));
const PERSON_CSV = join(OMOP, 'person.csv');

/** A bridge as the preload offers it, with the engine side of each port served by `engine`. */
class FakeBridge implements PmwBridge {
  readonly window = new EventTarget();
  readonly enginePorts: MessagePort[] = [];
  readonly saved: { name: string; bytes: Uint8Array }[] = [];
  granted: string[] = [];
  restarts = 0;
  private readonly stateListeners = new Set<(state: EngineState) => void>();

  constructor(private readonly engine: WorkspaceEngine) {}

  requestEnginePort(): void {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(this.engine, portEndpoint(port2));
    this.enginePorts.push(port2);
    queueMicrotask(() => this.window.dispatchEvent(new MessageEvent('message', { data: { type: ENGINE_PORT_MESSAGE }, ports: [port1] as never[] })));
  }
  onEngineState(listener: (state: EngineState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }
  emit(state: EngineState): void {
    for (const listener of this.stateListeners) listener(state);
  }
  async restartEngine(): Promise<void> { this.restarts += 1; }
  async chooseDataPaths(): Promise<string[]> { return []; }
  async grantDroppedFiles(files: File[]): Promise<string[]> {
    return files.map((file, index) => this.granted[index] ?? file.name);
  }
  async listNotebooks(): Promise<NotebookEntry[]> { return [{ path: '/nb/a.md', name: 'a.md', where: 'workspace' }]; }
  async readNotebook(path: string): Promise<string> { return `# ${path}`; }
  async chooseNotebook(): Promise<NotebookEntry | null> { return null; }
  async saveNotebook(): Promise<NotebookEntry | null> { return null; }
  async saveFile(name: string, data: ArrayBuffer): Promise<string | null> {
    this.saved.push({ name, bytes: new Uint8Array(data) });
    return `/downloads/${name}`;
  }
  async info(): Promise<{ workspace: string; appVersion: string }> { return { workspace: ':memory:', appVersion: 'test' }; }
  async setLanguage(): Promise<void> {}
  onMenu(): () => void { return () => undefined; }
}

describe('connectElectron', () => {
  const engine = new WorkspaceEngine();
  let bridge: FakeBridge;
  let platform: ElectronPlatform;

  beforeAll(async () => {
    installErrorTransfer();
    await engine.openWorkspace(':memory:');
    bridge = new FakeBridge(engine);
    platform = await connectElectron(bridge, bridge.window);
  });
  afterAll(async () => {
    for (const port of bridge.enginePorts) port.close();
    await engine.close();
  });

  it('calls the engine through the port, progress callbacks included', async () => {
    const fractions: (number | null)[] = [];
    const imported = await platform.engine.importFile({ path: PERSON_CSV, name: 'person' }, (p) => fractions.push(p.fraction));
    // Reference: the CSV's own line count, header excluded.
    const lines = readFileSync(PERSON_CSV, 'utf8').trim().split('\n').length - 1;
    expect(imported.dataset.rows).toBe(lines);
    expect(fractions.length).toBeGreaterThan(0);
    const page = await platform.engine.query('SELECT count(*) AS n FROM person');
    expect(Number(cellValue(page.columns[0]!, 0))).toBe(lines);
    await expect(platform.engine.query('SELECT * FROM no_such_table')).rejects.toMatchObject({ code: 'QUERY_ERROR' });
  });

  it('fails calls in flight when the engine crashes, and carries on after a restart', async () => {
    const states: string[] = [];
    const disconnects: string[] = [];
    platform.onEngineState((state) => states.push(state.status));
    platform.onDisconnect((error) => disconnects.push(error.message));
    // The process is gone: its end of the port answers nothing any more.
    bridge.enginePorts.at(-1)!.close();
    const hanging = platform.engine.datasets();
    bridge.emit({ status: 'crashed', detail: 'killed by SIGKILL' });
    await expect(hanging).rejects.toMatchObject({ code: 'WORKSPACE_CLOSED', message: 'the engine stopped (killed by SIGKILL)' });
    await expect(platform.engine.query('SELECT 1')).rejects.toMatchObject({ code: 'WORKSPACE_CLOSED' });
    expect(disconnects).toEqual(['the engine stopped (killed by SIGKILL)']);

    const engineBefore = platform.engine;
    await platform.restartEngine();
    bridge.emit({ status: 'ready' });
    expect(bridge.restarts).toBe(1);
    expect(bridge.enginePorts).toHaveLength(2);
    expect(platform.engine).toBe(engineBefore);
    expect((await platform.engine.datasets()).map((d) => d.name)).toEqual(['person']);
    expect(states).toEqual(['crashed', 'ready']);
  });

  it('stages files by the paths the bridge granted: one file, or the one folder of several', async () => {
    const never = new AbortController().signal;
    const progress: [number, number][] = [];
    const file = (name: string): File => new File(['a,b\n1,2\n'], name);
    bridge.granted = [PERSON_CSV];
    expect(await platform.stageFiles([file('person.csv')], (sent, total) => progress.push([sent, total]), never)).toBe(PERSON_CSV);
    expect(progress).toEqual([[8, 8]]);
    bridge.granted = [join(OMOP, 'person.csv'), join(OMOP, 'death.csv')];
    expect(await platform.stageFiles([file('person.csv'), file('death.csv')], () => undefined, never)).toBe(OMOP);
    bridge.granted = ['/data/a/person.csv', '/data/b/death.csv'];
    await expect(platform.stageFiles([file('person.csv'), file('death.csv')], () => undefined, never))
      .rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'the 2 files do not lie in one folder' });
  });

  it('reads notebooks and saves through the bridge; a cancelled save dialog is CANCELLED', async () => {
    expect(await platform.listNotebooks()).toEqual([{ path: '/nb/a.md', name: 'a.md', where: 'workspace' }]);
    expect(await platform.readNotebook('/nb/a.md')).toBe('# /nb/a.md');
    await expect(platform.writeNotebook('b.md', '# b')).rejects.toMatchObject({ code: 'CANCELLED' });
    await platform.saveDownload('rows.csv', new Blob(['x\n1\n']));
    expect(bridge.saved).toEqual([{ name: 'rows.csv', bytes: new TextEncoder().encode('x\n1\n') }]);
  });
});
