/**
 * How the engine process hears from the process that started it. In Electron's utility process that is
 * `process.parentPort` (a message's ports in `event.ports`); under plain Node (child_process.fork, the tests)
 * it is the IPC channel, with ports carried by IpcPorts. Nothing here imports electron.
 */
import type { MessagePort } from 'node:worker_threads';
import { IpcPorts, isIpcEnvelope } from './ipc-ports.js';

export interface ParentChannel {
  /** Every message from the parent, with the ports it transferred. */
  onMessage(listener: (message: unknown, ports: readonly unknown[]) => void): void;
  post(message: unknown): void;
}

/** The part of Electron's `process.parentPort` used here. */
interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports?: readonly unknown[] }) => void): unknown;
  postMessage(message: unknown): void;
}

function electronParentChannel(parentPort: ElectronParentPort): ParentChannel {
  return {
    onMessage: (listener) => { parentPort.on('message', (event) => listener(event.data, event.ports ?? [])); },
    post: (message) => parentPort.postMessage(message),
  };
}

function nodeIpcParentChannel(): ParentChannel {
  const send = process.send?.bind(process);
  if (!send) throw new Error('the engine process needs a parent: start it with Electron utilityProcess.fork or child_process.fork');
  const ports = new IpcPorts((envelope) => send(envelope), 'child');
  return {
    onMessage: (listener) => {
      process.on('message', (raw: unknown) => {
        if (!isIpcEnvelope(raw)) return;
        const received = ports.receive(raw);
        if (received) listener(received.message, received.ports);
      });
    },
    post: (message) => ports.post(message, [] as MessagePort[]),
  };
}

/** The channel of the process this code runs in. */
export function currentParentChannel(): ParentChannel {
  const parentPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  return parentPort ? electronParentChannel(parentPort) : nodeIpcParentChannel();
}
