/**
 * Node stand-ins for Electron's `utilityProcess.fork` and `MessageChannelMain`, so main/engine-host.ts runs
 * the real engine entry (workers/engine/utility-process.ts, through tsx) in a real child process that a test
 * can kill. Ports cross the IPC channel with IpcPorts, as they cross Electron's parent port natively.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { EngineChild, EngineHostDeps } from '../../main/engine-host.js';
import { IpcPorts, isIpcEnvelope } from '../../workers/engine/ipc-ports.js';

export const ENGINE_ENTRY = fileURLToPath(new URL('../../workers/engine/utility-process.ts', import.meta.url));

export type ForkedEngine = EngineChild<MessagePort> & { process: ChildProcess };

export function forkEngineProcess(entry: string): ForkedEngine {
  const child = fork(entry, [], {
    execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ports = new IpcPorts((envelope) => { if (child.connected) child.send(envelope); }, 'parent');
  const messageListeners: ((message: unknown) => void)[] = [];
  child.on('message', (raw: unknown) => {
    if (!isIpcEnvelope(raw)) return;
    const received = ports.receive(raw);
    if (received) for (const listener of messageListeners) listener(received.message);
  });
  child.on('exit', () => ports.closeAll());
  return {
    process: child,
    postMessage: (message, transfer = []) => ports.post(message, transfer),
    onMessage: (listener) => { messageListeners.push(listener); },
    onExit: (listener) => { child.on('exit', (code, signal) => listener(code, signal)); },
    kill: () => { child.kill(); },
  };
}

/** Deps for createEngineHost; `forked` lists every process started, newest last (a test kills it). */
export function nodeEngineHostDeps(): EngineHostDeps<MessagePort> & { forked: ForkedEngine[] } {
  const forked: ForkedEngine[] = [];
  return {
    forked,
    fork(entry) {
      const engine = forkEngineProcess(entry);
      forked.push(engine);
      return engine;
    },
    newChannel: () => new MessageChannel(),
  };
}
