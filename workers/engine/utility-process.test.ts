/**
 * The engine entry as Electron's utility process runs it, here in a Node child process
 * (test/helpers/fork-engine-process.ts): the protocol of engine-process-protocol.ts and the call guard on
 * the window's port — granted files and folders, bundled samples, nothing else.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { FromEngineProcess } from './engine-process-protocol.js';
import { installErrorTransfer } from './transfer.js';
import { portEndpoint } from '../../renderer/platform/port-endpoint.js';
import { remoteEngineClient } from '../../renderer/platform/remote-engine.js';
import { ENGINE_ENTRY, forkEngineProcess, type ForkedEngine } from '../../test/helpers/fork-engine-process.js';
import { useTempDir } from '../../test/helpers/temp-dir.js';

const SMALL = fileURLToPath(new URL('../../samples/small', import.meta.url));
installErrorTransfer();
const tempDir = useTempDir();
let engine: ForkedEngine | null = null;

afterEach(() => {
  if (engine?.process.exitCode === null) engine.process.kill('SIGKILL');
  engine = null;
});

function replies(child: ForkedEngine): () => Promise<FromEngineProcess> {
  const queue: FromEngineProcess[] = [];
  const waiting: ((message: FromEngineProcess) => void)[] = [];
  child.onMessage((message) => {
    const next = waiting.shift();
    if (next) next(message as FromEngineProcess);
    else queue.push(message as FromEngineProcess);
  });
  return () => new Promise((resolve) => {
    const queued = queue.shift();
    if (queued) resolve(queued);
    else waiting.push(resolve);
  });
}

describe('engine process entry', () => {
  it('imports the bundled samples before ready when asked (the samples workspace)', async () => {
    engine = forkEngineProcess(ENGINE_ENTRY);
    const next = replies(engine);
    const workspace = join(tempDir(), 'samples.duckdb');
    const gibleed = fileURLToPath(new URL('../../samples/gibleed', import.meta.url));
    // No synthetic folder here: only GiBleed is planned (planSampleImports), and the open still succeeds.
    engine.postMessage({ type: 'open', workspace, samples: [gibleed], importSamples: { directory: join(tempDir(), 'none'), gibleed } });
    expect(await next()).toMatchObject({ type: 'ready', info: { path: workspace, datasets: 1 } });
    const { port1, port2 } = new MessageChannel();
    engine.postMessage({ type: 'connect' }, [port2]);
    const client = remoteEngineClient(portEndpoint(port1));
    const [dataset] = await client.datasets();
    expect(dataset).toMatchObject({ name: 'gibleed', kind: 'omop' });
    // Eunomia GiBleed: 2,694 persons.
    expect(dataset!.tables.find((t) => t.table === 'gibleed.person')?.rows).toBe(2694);
    engine.postMessage({ type: 'close' });
    expect(await next()).toEqual({ type: 'closed' });
    port1.close();
  });

  it('opens, serves a port with only granted paths, and closes cleanly on request', async () => {
    engine = forkEngineProcess(ENGINE_ENTRY);
    const next = replies(engine);
    const workspace = join(tempDir(), 'w.duckdb');
    engine.postMessage({ type: 'open', workspace, samples: [join(SMALL, 'vcf')] });
    const { port1, port2 } = new MessageChannel();
    // Sent before the workspace is open: served once it is.
    engine.postMessage({ type: 'connect' }, [port2]);
    expect(await next()).toMatchObject({ type: 'ready', info: { path: workspace, datasets: 0 } });
    const client = remoteEngineClient(portEndpoint(port1));

    // Methods outside the window's list never reach the engine (a raw Comlink proxy can name any).
    const raw = Comlink.wrap<Record<string, (...args: unknown[]) => Promise<unknown>>>(portEndpoint(port1));
    for (const method of ['openWorkspace', 'close', 'exportResult']) {
      await expect(raw[method]!('/tmp/x')).rejects.toMatchObject({ code: 'READ_ONLY', message: `${method} cannot be called from the window` });
    }
    expect(await client.datasets()).toEqual([]);

    // A bundled sample folder passes; a file beside it that was never granted does not.
    const vcf = await client.importFile({ path: join(SMALL, 'vcf', 'cohort.vcf'), name: 'cohort' });
    expect(vcf.dataset.kind).toBe('vcf');
    const person = join(SMALL, 'omop', 'person.csv');
    await expect(client.importFile({ path: person })).rejects.toMatchObject({ code: 'BAD_REQUEST', hint: expect.stringMatching(/Import…|drop it/) });
    // The window's SQL cannot read it either: DuckDB itself is limited to the allowed files.
    const readPerson = `select count(*) as n from read_csv('${person}')`;
    await expect(client.query(readPerson)).rejects.toMatchObject({ code: 'QUERY_ERROR', message: expect.stringMatching(/Permission|access/i) });
    // Granting the folder makes its contents importable (the workspace reopens with the longer list first).
    engine.postMessage({ type: 'grant', paths: [join(SMALL, 'omop')] });
    await expect(client.importFile({ path: person, name: 'person' })).resolves.toMatchObject({ dataset: { rows: 1000 } });
    expect(await client.datasets()).toHaveLength(2);
    const counted = await client.query(readPerson);
    expect(counted.columns[0]!.data.kind === 'bigint' ? Number(counted.columns[0]!.data.values[0]) : NaN).toBe(1000);
    // Files outside what was granted stay out of reach.
    await expect(client.query(`select * from read_csv('${join(SMALL, 'faers', 'DEMO24Q1.txt')}')`)).rejects.toMatchObject({ code: 'QUERY_ERROR' });
    // Relative paths and `..` are refused even inside a granted folder.
    await expect(client.importFile({ path: join(SMALL, 'omop', '..', 'faers') })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const exited = new Promise<number | null>((resolve) => engine!.onExit((code) => resolve(code)));
    engine.postMessage({ type: 'close' });
    expect(await next()).toEqual({ type: 'closed' });
    expect(await exited).toBe(0);
  }, 60_000);
});
