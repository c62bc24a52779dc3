/**
 * MessagePorts over a Node IPC channel (child_process.fork with `serialization: 'advanced'`), so the engine
 * process runs under plain Node — tests, or a build without Electron — exactly as in Electron's utility
 * process, where the parent port carries ports natively. Each port sent gets a connection id; its traffic
 * travels as binary frames (wire-codec.ts, the same framing `pmw serve` uses on its WebSocket), including
 * the ports its own messages carry. Received ports arrive as local worker_threads MessagePorts, and like
 * Electron's, ports reach the receiver in `event.ports`, never inside the data.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { SocketChannels, type ChannelPair, type PortLike } from '../../renderer/platform/socket-endpoint.js';

/** What travels on the IPC channel: a message with the connection ids of its ports, or one frame of a connection. */
export type IpcEnvelope =
  | { pmwIpc: 'message'; message: unknown; connections: number[] }
  | { pmwIpc: 'frame'; connection: number; frame: Uint8Array };

export function isIpcEnvelope(value: unknown): value is IpcEnvelope {
  return value !== null && typeof value === 'object' && ((value as { pmwIpc?: unknown }).pmwIpc === 'message' || (value as { pmwIpc?: unknown }).pmwIpc === 'frame');
}

/** A frame's payload: the data and, beside it, the ports it transfers. */
interface Carried {
  data: unknown;
  ports: unknown[];
}

export class IpcPorts {
  private readonly connections = new Map<number, SocketChannels>();
  private nextId: number;

  /** `side` keeps the two ends' connection ids apart: the parent names odd ones, the child even ones. */
  constructor(private readonly send: (envelope: IpcEnvelope) => void, side: 'parent' | 'child') {
    this.nextId = side === 'parent' ? 1 : 2;
  }

  /** Sends `message` with `ports` (local MessagePorts); the far side receives them as its own ports. */
  post(message: unknown, ports: readonly MessagePort[] = []): void {
    const connections = ports.map((port) => {
      const id = this.nextId;
      this.nextId += 2;
      this.connect(id, port, 1);
      return id;
    });
    this.send({ pmwIpc: 'message', message, connections });
  }

  /** Handles an envelope from the IPC channel; a message is handed back with its ports, a frame routed. */
  receive(envelope: IpcEnvelope): { message: unknown; ports: MessagePort[] } | null {
    if (envelope.pmwIpc === 'frame') {
      this.connections.get(envelope.connection)?.receive(envelope.frame);
      return null;
    }
    const ports = envelope.connections.map((id) => {
      const { port1, port2 } = new MessageChannel();
      this.connect(id, port2, 2);
      return port1;
    });
    return { message: envelope.message, ports };
  }

  /** Ends every connection (the other process is gone). */
  closeAll(): void {
    for (const channels of this.connections.values()) channels.closeAll();
    this.connections.clear();
  }

  /**
   * Bridges a local port to connection `id`: its messages out as frames, frames in as its messages. The side
   * that sent the port names the ports of its frames odd (1), the receiving side even (2).
   */
  private connect(id: number, port: MessagePort, firstPortId: 1 | 2): void {
    const local = port as unknown as PortLike;
    const channels = new SocketChannels({
      send: (frame) => this.send({ pmwIpc: 'frame', connection: id, frame }),
      newChannel: () => new MessageChannel() as unknown as ChannelPair,
      firstPortId,
      onMainMessage: (data) => {
        const carried = data as Carried;
        local.postMessage(carried.data, carried.ports as never[]);
      },
    });
    this.connections.set(id, channels);
    local.addEventListener('message', (event) => {
      const ports = [...(event.ports ?? [])];
      channels.postMain({ data: event.data, ports } satisfies Carried, ports);
    });
    local.start?.();
  }
}
