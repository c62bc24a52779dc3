import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { WebSocket } from 'ws';
import type { PmwErrorData } from '../../workers/engine/api.js';
import { SocketChannels, type ChannelPair, type PortLike } from '../../renderer/platform/socket-endpoint.js';
import { refusalReply, refuseCall, type CallerWording } from '../../workers/engine/guard/call-guard.js';

const BROWSER: CallerWording = {
  caller: 'the browser',
  readOnlyHint: 'pmw serve opened the workspace itself; the page may call',
  readableFolders: 'the upload folder or the bundled samples',
  outsideHint: 'the browser may import only files uploaded to this server (or the bundled samples); upload it first',
  pathHint: 'upload the file first and pass the path the upload returned',
};

/**
 * Relays one browser connection to its own port into the engine worker. Comlink messages pass unread except
 * for the allowlist check; ports they carry (progress callbacks) are bridged over the socket as channels.
 * When the socket closes, its port and bridges close; the engine stays up for other tabs.
 */
export function relaySocket(socket: WebSocket, enginePort: MessagePort, readableRoots: readonly string[]): SocketChannels {
  // Checks resolve paths on disk; chaining them keeps the page's messages in the order it sent them.
  let checked = Promise.resolve();
  const channels = new SocketChannels({
    send: (frame) => socket.send(frame),
    newChannel: () => new MessageChannel() as unknown as ChannelPair,
    firstPortId: 2,
    onMainMessage: (data, ports) => {
      checked = checked.then(async () => {
        const refusal = await refuseCall(data, readableRoots, BROWSER).catch((error: unknown): PmwErrorData => ({
          code: 'INTERNAL', message: `the server could not check this call: ${error instanceof Error ? error.message : String(error)}`,
        }));
        if (refusal === null) {
          enginePort.postMessage(data, ports as unknown as MessagePort[]);
        } else {
          channels.discard(ports);
          channels.postMain(refusalReply((data as { id?: unknown } | null)?.id, refusal));
        }
      });
    },
  });
  const port = enginePort as unknown as PortLike;
  port.addEventListener('message', (event) => channels.postMain(event.data, event.ports ?? []));
  port.start?.();
  socket.on('message', (data, isBinary) => {
    if (!isBinary || !(data instanceof Uint8Array)) {
      socket.close(1003, 'pmw serve takes binary frames only');
      return;
    }
    try {
      channels.receive(data);
    } catch (error) {
      socket.close(1007, `bad frame: ${error instanceof Error ? error.message : String(error)}`.slice(0, 120));
    }
  });
  socket.on('close', () => {
    channels.closeAll();
    enginePort.close();
  });
  return channels;
}
