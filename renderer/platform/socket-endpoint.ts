/**
 * Comlink over one WebSocket. Channel 0 carries the Comlink endpoint's own messages; every MessagePort that
 * travels in a message (a `Comlink.proxy(progress)` callback) gets a channel of its own on the same socket,
 * bridged to a local MessageChannel, so callbacks work in both directions. Used by the browser (web.ts),
 * by `pmw serve` (its relay), and by Node tests, with the WebSocket and MessageChannel of each environment.
 */
import { decodeFrame, encodeFrame, type PortNaming } from './wire-codec.js';

/** The part of a MessagePort the bridge uses; the DOM's and Node's both fit. */
export interface PortLike {
  postMessage(message: unknown, transfer: never[]): void;
  addEventListener(type: 'message' | 'close', listener: (event: { data?: unknown; ports?: readonly unknown[] }) => void): void;
  start?(): void;
  close(): void;
}

export interface ChannelPair {
  port1: PortLike;
  port2: PortLike;
}

/** What a received main-channel message is handed on with: its data and the local ports it carries. */
export type MainMessageHandler = (data: unknown, ports: PortLike[]) => void;

export interface SocketChannelsOptions {
  send(frame: Uint8Array): void;
  newChannel(): ChannelPair;
  /** Ids this side gives its ports: the browser odd (1), the server even (2), so both can name ports at once. */
  firstPortId: 1 | 2;
  onMainMessage: MainMessageHandler;
}

/** The channels multiplexed on one socket: the main one and a bridge per port either side sent. */
export class SocketChannels {
  private readonly bridges = new Map<number, PortLike>();
  private nextPortId: number;
  private closed = false;

  constructor(private readonly options: SocketChannelsOptions) {
    this.nextPortId = options.firstPortId;
  }

  /** Sends a main-channel message; MessagePorts in `transfer` are bridged and named in the frame. */
  postMain(data: unknown, transfer: readonly unknown[] = []): void {
    this.sendFrame(0, data, transfer);
  }

  /** Handles one frame received from the socket. */
  receive(bytes: Uint8Array): void {
    if (this.closed) return;
    const ports: PortLike[] = [];
    const naming: PortNaming = {
      idForPort: () => { throw new Error('a received frame names ports, it does not send them'); },
      portForId: (id) => {
        const { port1, port2 } = this.options.newChannel();
        this.bridge(id, port2);
        ports.push(port1);
        return port1;
      },
    };
    const frame = decodeFrame(bytes, naming);
    if (frame.channel === 0) {
      this.options.onMainMessage(frame.data, ports);
      return;
    }
    const port = this.bridges.get(frame.channel);
    if (!port) {
      for (const orphan of ports) orphan.close();
      return;
    }
    if (frame.close) this.unbridge(frame.channel, false);
    else port.postMessage(frame.data, ports as never[]);
  }

  /** Ends every bridge (the socket closed); their local ports are closed. */
  closeAll(): void {
    this.closed = true;
    for (const id of [...this.bridges.keys()]) this.unbridge(id, false);
  }

  /** Closes the bridges of ports handed to a message that was never delivered. */
  discard(ports: readonly PortLike[]): void {
    for (const port of ports) port.close();
  }

  private sendFrame(channel: number, data: unknown, transfer: readonly unknown[], close = false): void {
    if (this.closed) return;
    const naming: PortNaming = {
      idForPort: (port) => {
        const id = this.nextPortId;
        this.nextPortId += 2;
        this.bridge(id, port as PortLike);
        return id;
      },
      portForId: () => { throw new Error('a frame being sent cannot name received ports'); },
    };
    this.options.send(encodeFrame({ channel, data, close }, transfer, naming));
  }

  private bridge(id: number, port: PortLike): void {
    this.bridges.set(id, port);
    port.addEventListener('message', (event) => {
      if (this.bridges.get(id) === port) this.sendFrame(id, event.data, event.ports ?? []);
    });
    // Node's ports say when the other end closed (a released Comlink proxy); tell the far side to close too.
    port.addEventListener('close', () => this.unbridge(id, true));
    port.start?.();
  }

  private unbridge(id: number, tellFarSide: boolean): void {
    const port = this.bridges.get(id);
    if (!port) return;
    this.bridges.delete(id);
    port.close();
    if (tellFarSide) this.sendFrame(id, undefined, [], true);
  }

  /** Bridged ports still open, for tests and diagnostics. */
  get openBridges(): number {
    return this.bridges.size;
  }
}

/** The part of a WebSocket the endpoint uses; the browser's and the `ws` package's both fit. */
export interface WebSocketLike {
  binaryType: string;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message' | 'close', listener: (event: { data?: unknown; code?: number; reason?: string }) => void): void;
}

/** Why calls fail once the socket is gone: the PmwErrorData shape the UI shows. */
export interface DisconnectError {
  code: string;
  message: string;
  hint?: string;
}

type Listener = (event: { data: unknown }) => void;

/**
 * A Comlink Endpoint on a WebSocket. Calls still waiting when the socket closes, and calls made after, fail
 * with `disconnectError` (sent as the serialized throw that the `throw` transfer handler of both ends reads:
 * `{ isPmwError: true, data }`) instead of waiting for ever.
 */
export class SocketEndpoint {
  private readonly listeners = new Set<Listener>();
  private readonly pending = new Set<string>();
  private readonly channels: SocketChannels;
  private readonly closeListeners = new Set<(error: DisconnectError) => void>();
  private disconnected: DisconnectError | null = null;

  constructor(private readonly socket: WebSocketLike, newChannel: () => ChannelPair, private readonly disconnectError: (code?: number, reason?: string) => DisconnectError) {
    socket.binaryType = 'arraybuffer';
    this.channels = new SocketChannels({
      send: (frame) => socket.send(frame),
      newChannel,
      firstPortId: 1,
      onMainMessage: (data) => this.deliver(data),
    });
    socket.addEventListener('message', (event) => {
      if (event.data instanceof ArrayBuffer) this.channels.receive(new Uint8Array(event.data));
    });
    socket.addEventListener('close', (event) => this.onSocketClosed(event.code, event.reason));
  }

  postMessage(message: unknown, transfer: unknown[] = []): void {
    const id = (message as { id?: unknown } | null)?.id;
    if (this.disconnected) {
      if (typeof id === 'string') queueMicrotask(() => this.failCall(id));
      return;
    }
    if (typeof id === 'string') this.pending.add(id);
    this.channels.postMain(message, transfer);
  }

  addEventListener(_type: string, listener: Listener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.listeners.delete(listener);
  }

  /** Calls `listener` once when the socket closes; returns the function that stops listening. */
  onDisconnect(listener: (error: DisconnectError) => void): () => void {
    if (this.disconnected) {
      const error = this.disconnected;
      queueMicrotask(() => listener(error));
      return () => undefined;
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  close(): void {
    this.socket.close(1000, 'closed by the page');
  }

  private deliver(data: unknown): void {
    const id = (data as { id?: unknown } | null)?.id;
    if (typeof id === 'string') this.pending.delete(id);
    for (const listener of [...this.listeners]) listener({ data });
  }

  private failCall(id: string): void {
    this.deliver({ id, type: 'HANDLER', name: 'throw', value: { isPmwError: true, data: this.disconnected } });
  }

  private onSocketClosed(code?: number, reason?: string): void {
    if (this.disconnected) return;
    this.disconnected = this.disconnectError(code, reason);
    this.channels.closeAll();
    for (const id of [...this.pending]) this.failCall(id);
    for (const listener of [...this.closeListeners]) listener(this.disconnected);
    this.closeListeners.clear();
  }
}
