/**
 * The engine host with the real engine entry in a real child process (test/helpers/fork-engine-process.ts
 * stands in for Electron's utilityProcess): import through a port, SIGKILL the process while a long query
 * runs, see `crashed`, restart, and find the workspace intact.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineState } from './bridge-api.js';
import { createEngineHost, type EngineHost } from './engine-host.js';
import { cellValue } from '../workers/db/columnar.js';
import { installErrorTransfer } from '../workers/engine/transfer.js';
import { portEndpoint } from '../renderer/platform/port-endpoint.js';
import type { EngineClient } from '../renderer/platform/platform.js';
import { remoteEngineClient } from '../renderer/platform/remote-engine.js';
import { ENGINE_ENTRY, nodeEngineHostDeps } from '../test/helpers/fork-engine-process.js';
import { useTempDir } from '../test/helpers/temp-dir.js';

const PERSON_CSV = fileURLToPath(new URL('../samples/small/omop/person.csv', import.meta.url));
/** A query that runs for minutes: 10^10 rows hashed and summed. */
const LONG_QUERY = 'SELECT sum(hash(a.range * b.range)) AS s FROM range(100000) a, range(100000) b';
/** Every row of the imported table as text, in key order, hashed: equal before and after the crash. */
const CONTENT_CHECKSUM = "SELECT count(*) AS n, md5(string_agg(p::VARCHAR, '|' ORDER BY person_id)) AS digest FROM person p";

installErrorTransfer();
const tempDir = useTempDir();
let host: EngineHost<MessagePort> | null = null;

afterEach(async () => {
  await host?.stop();
  host = null;
});

function connect(engineHost: EngineHost<MessagePort>): EngineClient {
  return remoteEngineClient(portEndpoint(engineHost.openRendererPort()));
}

async function firstRow(client: EngineClient, sql: string): Promise<unknown[]> {
  const page = await client.query(sql);
  return page.columns.map((column) => cellValue(column, 0));
}

function nextState(engineHost: EngineHost<MessagePort>, status: EngineState['status']): Promise<EngineState> {
  return new Promise((resolve) => {
    const stop = engineHost.onState((state) => {
      if (state.status === status) {
        stop();
        resolve(state);
      }
    });
  });
}

describe('engine host', () => {
  it('survives a SIGKILL mid-query: crashed, restarted, workspace intact', async () => {
    const deps = nodeEngineHostDeps();
    const states: string[] = [];
    host = createEngineHost(deps, { entry: ENGINE_ENTRY, workspace: join(tempDir(), 'w.duckdb'), samples: [] });
    host.onState((state) => states.push(state.status));
    const opened = await host.start();
    expect(opened.datasets).toBe(0);
    let client = connect(host);

    // Not granted yet: the guard in the engine process refuses the path.
    await expect(client.importFile({ path: PERSON_CSV, name: 'person' })).rejects.toMatchObject({
      code: 'BAD_REQUEST', message: expect.stringMatching(/not in the files you chose or dropped/),
    });
    host.grantPaths([PERSON_CSV]);
    const progress: number[] = [];
    const imported = await client.importFile({ path: PERSON_CSV, name: 'person' }, (p) => progress.push(p.fraction ?? -1));
    // Reference: the file itself — lines after the header, SHA-256 of its bytes computed here.
    const bytes = readFileSync(PERSON_CSV);
    const dataLines = bytes.toString('utf8').trim().split('\n').length - 1;
    expect(imported.dataset.rows).toBe(dataLines);
    expect(imported.dataset.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(progress.length).toBeGreaterThan(0);
    const [rowsBefore, digestBefore] = await firstRow(client, CONTENT_CHECKSUM);
    expect(Number(rowsBefore)).toBe(dataLines);

    const crashed = nextState(host, 'crashed');
    let querySettled = false;
    client.query(LONG_QUERY).then(() => { querySettled = true; }, () => { querySettled = true; });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(querySettled).toBe(false);
    const processBefore = deps.forked[0]!.process;
    expect(processBefore.exitCode).toBeNull();
    processBefore.kill('SIGKILL');
    expect((await crashed).detail).toBe('killed by SIGKILL');
    expect(host.state.status).toBe('crashed');

    const reopened = await host.restart();
    expect(deps.forked).toHaveLength(2);
    expect(reopened.datasets).toBe(1);
    client = connect(host);
    const [dataset] = await client.datasets();
    expect(dataset).toMatchObject({ name: 'person', rows: dataLines, sha256: imported.dataset.sha256 });
    expect(await firstRow(client, CONTENT_CHECKSUM)).toEqual([rowsBefore, digestBefore]);
    const audit = await client.verifyAudit();
    expect(audit.ok).toBe(true);
    expect(audit.firstBad).toBeUndefined();
    // A new query works, and grants survived the restart: the same file may be imported again.
    expect(Number((await firstRow(client, 'SELECT count(*) FROM person WHERE year_of_birth < 1950'))[0])).toBeGreaterThan(0);
    await expect(client.importFile({ path: PERSON_CSV, name: 'person_again', onDuplicate: 'import' })).resolves.toMatchObject({ dataset: { rows: dataLines } });
    expect(states).toEqual(['starting', 'ready', 'crashed', 'restarting', 'ready']);

    // A requested stop is not a crash, and the process ends by itself (closed the workspace, exit code 0).
    const current = deps.forked[1]!.process;
    await host.stop();
    host = null;
    expect(current.exitCode).toBe(0);
    expect(states.at(-1)).toBe('ready');
  }, 60_000);

  it('refuses to start on a file that is not a workspace, with the engine’s error', async () => {
    const notWorkspace = join(tempDir(), 'not-a-workspace.duckdb');
    await import('node:fs/promises').then((fs) => fs.writeFile(notWorkspace, 'this is text, not DuckDB'));
    host = createEngineHost(nodeEngineHostDeps(), { entry: ENGINE_ENTRY, workspace: notWorkspace });
    await expect(host.start()).rejects.toMatchObject({ code: expect.stringMatching(/WORKSPACE_/) });
    expect(host.state.status).toBe('crashed');
  }, 30_000);
});
