/**
 * Binary frames for Comlink messages over a WebSocket. JSON alone loses what structured clone keeps — typed
 * arrays, BigInt, undefined, NaN and ±Infinity, -0, Dates, Maps, Sets — and cannot carry MessagePorts, so a
 * frame is a JSON header describing the value plus the raw bytes of every buffer it holds:
 *
 *   [u32 LE header length][header JSON, UTF-8][zero padding to 8][buffer 0][padding][buffer 1]...
 *
 * The header tags special values with an object whose `$` key names the kind (`{ "$": "bigint", "value": "12" }`);
 * a plain object that itself owns a `$` key is wrapped (`{ "$": "object", "entries": {...} }`), so no data can be
 * mistaken for a tag. Transferred MessagePorts become `{ "$": "port", "id": n }`; the caller decides what a
 * port id means (socket-endpoint.ts bridges each to a channel of the same socket).
 * Pure TypeScript on TextEncoder/TextDecoder: the same file runs in the browser and in Node.
 */

/** A frame's routing: channel 0 is the Comlink endpoint itself, others are bridged ports; `close` ends one. */
export interface Frame {
  channel: number;
  close?: boolean;
  data?: unknown;
}

/** How transferred ports are named in a frame, and how names become ports again. */
export interface PortNaming {
  /** Called for each MessagePort of the transfer list met in the data; returns its id in this frame. */
  idForPort(port: object): number;
  /** Called for each port marker of a received frame; returns the port handed to the receiver. */
  portForId(id: number): unknown;
}

type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

interface Header {
  channel: number;
  close?: boolean;
  value: Encoded;
  buffers: number[];
}

const VIEW_TYPES = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
} as const;
type ViewType = keyof typeof VIEW_TYPES;

const ALIGNMENT = 8;

/** A value that structured clone would refuse (a function, a symbol) or that the codec does not carry. */
export class WireCodecError extends Error {
  override name = 'WireCodecError';
}

function builtInType(value: object): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

function isViewType(name: string): name is ViewType {
  return Object.hasOwn(VIEW_TYPES, name);
}

function encodeNumber(value: number): Encoded {
  if (Number.isFinite(value) && !Object.is(value, -0)) return value;
  return { $: 'number', value: Object.is(value, -0) ? '-0' : String(value) };
}

class ValueEncoder {
  readonly buffers: Uint8Array[] = [];
  private readonly ancestors = new Set<object>();

  constructor(private readonly transfer: readonly unknown[], private readonly ports: PortNaming | undefined) {}

  encode(value: unknown): Encoded {
    switch (typeof value) {
      case 'undefined': return { $: 'undefined' };
      case 'boolean':
      case 'string': return value;
      case 'number': return encodeNumber(value);
      case 'bigint': return { $: 'bigint', value: value.toString() };
      case 'function':
      case 'symbol': throw new WireCodecError(`a ${typeof value} cannot be sent over the socket`);
    }
    if (value === null) return null;
    const object = value as object;
    if (this.ancestors.has(object)) throw new WireCodecError('a value that contains itself cannot be sent over the socket');
    this.ancestors.add(object);
    try {
      return this.encodeObject(object);
    } finally {
      this.ancestors.delete(object);
    }
  }

  private addBuffer(bytes: Uint8Array): number {
    this.buffers.push(bytes);
    return this.buffers.length - 1;
  }

  private encodeObject(object: object): Encoded {
    const type = builtInType(object);
    if (isViewType(type)) {
      const view = object as ArrayBufferView;
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      return { $: 'view', type, buffer: this.addBuffer(bytes) };
    }
    if (type === 'ArrayBuffer') return { $: 'buffer', buffer: this.addBuffer(new Uint8Array(object as ArrayBuffer)) };
    if (this.transfer.includes(object)) {
      if (!this.ports) throw new WireCodecError('this socket cannot carry MessagePorts');
      return { $: 'port', id: this.ports.idForPort(object) };
    }
    if (Array.isArray(object)) return Array.from(object, (item) => this.encode(item));
    switch (type) {
      case 'Date': return { $: 'date', time: encodeNumber((object as Date).getTime()) };
      case 'Map': return { $: 'map', entries: [...(object as Map<unknown, unknown>)].map(([k, v]) => [this.encode(k), this.encode(v)]) };
      case 'Set': return { $: 'set', values: [...(object as Set<unknown>)].map((v) => this.encode(v)) };
      case 'Error': {
        const error = object as Error;
        return { $: 'error', name: error.name, message: error.message, stack: error.stack ?? null };
      }
    }
    const entries: Record<string, Encoded> = {};
    for (const [key, item] of Object.entries(object)) entries[key] = this.encode(item);
    return Object.hasOwn(entries, '$') ? { $: 'object', entries } : entries;
  }
}

class ValueDecoder {
  constructor(private readonly buffers: ArrayBuffer[], private readonly ports: PortNaming | undefined) {}

  decode(value: Encoded): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => this.decode(item));
    if (!Object.hasOwn(value, '$')) return this.decodeEntries(value);
    return this.decodeTagged(value);
  }

  private decodeEntries(entries: { [key: string]: Encoded }): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(entries)) object[key] = this.decode(item);
    return object;
  }

  private buffer(index: Encoded): ArrayBuffer {
    const buffer = typeof index === 'number' ? this.buffers[index] : undefined;
    if (!buffer) throw new WireCodecError(`the frame names buffer ${String(index)}, which it does not hold`);
    return buffer;
  }

  private decodeTagged(tagged: { [key: string]: Encoded }): unknown {
    switch (tagged.$) {
      case 'undefined': return undefined;
      case 'number': return Number(tagged.value);
      case 'bigint': return BigInt(tagged.value as string);
      case 'date': return new Date(this.decode(tagged.time ?? null) as number);
      case 'buffer': return this.buffer(tagged.buffer ?? null);
      case 'view': return this.decodeView(tagged.type ?? null, this.buffer(tagged.buffer ?? null));
      case 'map': return new Map((tagged.entries as Encoded[][]).map(([k, v]) => [this.decode(k!), this.decode(v!)]));
      case 'set': return new Set((tagged.values as Encoded[]).map((v) => this.decode(v)));
      case 'error': return Object.assign(new Error(tagged.message as string), { name: tagged.name, stack: tagged.stack ?? undefined });
      case 'object': return this.decodeEntries(tagged.entries as { [key: string]: Encoded });
      case 'port': {
        if (!this.ports) throw new WireCodecError('this socket cannot carry MessagePorts');
        return this.ports.portForId(tagged.id as number);
      }
      default: throw new WireCodecError(`unknown value tag ${JSON.stringify(tagged.$)} in a frame`);
    }
  }

  private decodeView(type: Encoded, buffer: ArrayBuffer): ArrayBufferView {
    if (typeof type !== 'string' || !isViewType(type)) throw new WireCodecError(`unknown typed array ${JSON.stringify(type)} in a frame`);
    const View = VIEW_TYPES[type] as new (buffer: ArrayBuffer) => ArrayBufferView;
    const unit = 'BYTES_PER_ELEMENT' in View ? (View.BYTES_PER_ELEMENT as number) : 1;
    if (buffer.byteLength % unit !== 0) throw new WireCodecError(`a ${type} of ${buffer.byteLength} bytes is not whole elements`);
    return new View(buffer);
  }
}

function padded(length: number): number {
  return Math.ceil(length / ALIGNMENT) * ALIGNMENT;
}

/**
 * Encodes one frame. `transfer` is the postMessage transfer list: its ArrayBuffers are copied into the frame
 * like any other, its MessagePorts are named through `ports`.
 */
export function encodeFrame(frame: Frame, transfer: readonly unknown[] = [], ports?: PortNaming): Uint8Array {
  const encoder = new ValueEncoder(transfer, ports);
  const header: Header = { channel: frame.channel, value: encoder.encode(frame.data), buffers: [] };
  if (frame.close) header.close = true;
  header.buffers = encoder.buffers.map((b) => b.byteLength);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = padded(4 + json.byteLength);
  const total = encoder.buffers.reduce((end, b) => padded(end + b.byteLength), start);
  const bytes = new Uint8Array(total);
  new DataView(bytes.buffer).setUint32(0, json.byteLength, true);
  bytes.set(json, 4);
  let offset = start;
  for (const buffer of encoder.buffers) {
    bytes.set(buffer, offset);
    offset = padded(offset + buffer.byteLength);
  }
  return bytes;
}

/** Decodes one frame; every buffer is a fresh copy, so the received bytes can be reused. */
export function decodeFrame(bytes: Uint8Array, ports?: PortNaming): Frame {
  if (bytes.byteLength < 4) throw new WireCodecError(`a frame of ${bytes.byteLength} bytes is too short`);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + headerLength > bytes.byteLength) throw new WireCodecError('a frame is shorter than its header says');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as Header;
  const buffers: ArrayBuffer[] = [];
  let offset = padded(4 + headerLength);
  for (const length of header.buffers) {
    if (offset + length > bytes.byteLength) throw new WireCodecError('a frame is shorter than its buffers say');
    buffers.push(bytes.slice(offset, offset + length).buffer);
    offset = padded(offset + length);
  }
  const frame: Frame = { channel: header.channel, data: new ValueDecoder(buffers, ports).decode(header.value) };
  if (header.close) frame.close = true;
  return frame;
}
