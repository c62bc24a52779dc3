/**
 * A Comlink Endpoint on a message port that crosses into or out of an Electron utility process. Electron's
 * MessagePortMain hands transferred ports to the receiver in `event.ports` only (never inside `data`) and
 * loses a message that transfers an ArrayBuffer (electron/electron#34905). So both ends send ports beside the
 * data — each Comlink wire value holding a port carries `{ [PORT_MARK]: index }` instead — transfer only
 * ports (buffers are copied), and put the ports back where the marks are on receipt. DOM-free: the renderer,
 * the engine process (Electron or Node) and the Node tests use it with their own kind of port.
 */
import type * as Comlink from 'comlink';

/** A DOM or Node worker_threads MessagePort: an EventTarget with `event.ports`. */
interface TargetPort {
  postMessage(message: unknown, transfer: never[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown; ports?: readonly unknown[] }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown; ports?: readonly unknown[] }) => void): void;
  start?(): void;
  close(): void;
}

/** Electron's MessagePortMain: a Node-style emitter whose `message` event is `{ data, ports }`. */
interface EmitterPort {
  postMessage(message: unknown, transfer?: never[]): void;
  on(type: 'message', listener: (event: { data: unknown; ports?: readonly unknown[] }) => void): unknown;
  off(type: 'message', listener: (event: { data: unknown; ports?: readonly unknown[] }) => void): unknown;
  start(): void;
  close(): void;
}

export type AnyPort = TargetPort | EmitterPort;

export const PORT_MARK = 'pmw:port';

type Listener = (event: { data: unknown; ports?: readonly unknown[] }) => void;
/** Comlink's listener type (a function, or an object with handleEvent). */
type ComlinkListener = Parameters<Comlink.Endpoint['addEventListener']>[1];

/** Calls a listener given as a function or as an object with `handleEvent`. */
export function callListener(listener: ComlinkListener, event: unknown): void {
  const target = listener as unknown as ((event: unknown) => void) | { handleEvent(event: unknown): void };
  if (typeof target === 'function') target(event);
  else target.handleEvent(event);
}

/** Comlink's messages hold ports only as the `value` of a wire value (a `Comlink.proxy` argument or return). */
function wireValues(message: unknown): { value?: unknown }[] {
  if (message === null || typeof message !== 'object') return [];
  const { argumentList, value } = message as { argumentList?: unknown; value?: unknown };
  const list = Array.isArray(argumentList) ? [...argumentList] : [];
  if (value !== null && typeof value === 'object') list.push(value);
  return list.filter((item): item is { value?: unknown } => item !== null && typeof item === 'object');
}

function isMark(value: unknown): value is { [PORT_MARK]: number } {
  return value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)[PORT_MARK] === 'number';
}

/** Replaces each transferred port in `message` by its mark; returns the ports to transfer. */
export function detachPorts(message: unknown, transfer: readonly unknown[]): unknown[] {
  const ports: unknown[] = [];
  for (const wire of wireValues(message)) {
    if (wire.value !== undefined && transfer.includes(wire.value)) {
      ports.push(wire.value);
      wire.value = { [PORT_MARK]: ports.length - 1 };
    }
  }
  return ports;
}

/** Puts received ports back where their marks are, each as an endpoint Comlink can use. */
export function attachPorts(message: unknown, ports: readonly unknown[]): void {
  for (const wire of wireValues(message)) {
    if (isMark(wire.value)) {
      const port = ports[wire.value[PORT_MARK]];
      wire.value = port === undefined ? undefined : portEndpoint(port as AnyPort);
    }
  }
}

function isEmitterPort(port: AnyPort): port is EmitterPort {
  return !('addEventListener' in port) && typeof (port as EmitterPort).on === 'function';
}

/** The Endpoint: marks ports on the way out, restores them on the way in. */
export function portEndpoint(port: AnyPort): Comlink.Endpoint & { close(): void } {
  const wrapped = new Map<ComlinkListener, Listener>();
  return {
    postMessage(message: unknown, transfer: unknown[] = []) {
      port.postMessage(message, detachPorts(message, transfer) as never[]);
    },
    addEventListener(_type: string, listener: ComlinkListener) {
      const receive: Listener = (event) => {
        attachPorts(event.data, event.ports ?? []);
        callListener(listener, event);
      };
      wrapped.set(listener, receive);
      if (isEmitterPort(port)) port.on('message', receive);
      else port.addEventListener('message', receive);
    },
    removeEventListener(_type: string, listener: ComlinkListener) {
      const receive = wrapped.get(listener);
      if (!receive) return;
      wrapped.delete(listener);
      if (isEmitterPort(port)) port.off('message', receive);
      else port.removeEventListener('message', receive);
    },
    start: () => port.start?.(),
    close: () => port.close(),
  };
}
