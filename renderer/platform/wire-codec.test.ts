import { describe, expect, it } from 'vitest';
import type { ResultPage, SurvivalResult } from '../../workers/engine/api.js';
import { decodeFrame, encodeFrame, WireCodecError, type PortNaming } from './wire-codec.js';

/** The reference for "what survives" is the platform's own structured clone, which postMessage uses. */
function roundTrip(data: unknown): unknown {
  return decodeFrame(encodeFrame({ channel: 0, data })).data;
}

function expectSameAsStructuredClone(data: unknown): void {
  expect(roundTrip(data)).toStrictEqual(structuredClone(data));
}

describe('wire codec: Comlink messages as binary frames', () => {
  it('keeps the values JSON loses: undefined, BigInt, NaN, ±Infinity, -0, Dates, Maps, Sets', () => {
    const data = {
      missing: undefined, big: -9007199254740993n, nan: NaN, inf: Infinity, minusInf: -Infinity,
      date: new Date(Date.UTC(2024, 0, 31, 12, 30)), badDate: new Date(NaN),
      map: new Map<unknown, unknown>([[1n, 'a'], ['b', [undefined, null]]]), set: new Set([1, 'x', 2n]),
      nested: [[1, [2, [3, { deep: undefined }]]], { a: { b: { c: NaN } } }], empty: {}, text: 'λ 中文 \u0000',
    };
    expectSameAsStructuredClone(data);
    const back = roundTrip({ zero: -0, plain: 0 }) as { zero: number; plain: number };
    expect(Object.is(back.zero, -0)).toBe(true);
    expect(Object.is(back.plain, 0)).toBe(true);
  });

  it('carries every typed array kind with its exact values and type, including views into a larger buffer', () => {
    const backing = new ArrayBuffer(64);
    new Uint8Array(backing).forEach((_, i, a) => { a[i] = i; });
    const data = {
      f64: Float64Array.of(1.5, NaN, -Infinity, 5e-324, -0),
      f32: Float32Array.of(0.1, 3.4e38),
      i64: BigInt64Array.of(-(2n ** 63n), 2n ** 63n - 1n, 0n),
      u64: BigUint64Array.of(2n ** 64n - 1n),
      i32: Int32Array.of(-2147483648), u32: Uint32Array.of(4294967295), i16: Int16Array.of(-1), u16: Uint16Array.of(65535),
      i8: Int8Array.of(-128), u8: Uint8Array.of(0, 255), clamped: Uint8ClampedArray.of(255),
      window: new Float64Array(backing, 8, 3), oddBytes: new Uint8Array(backing, 3, 5),
      raw: backing.slice(0, 7), dataView: new DataView(backing, 16, 8),
    };
    expectSameAsStructuredClone(data);
    const back = roundTrip(data) as typeof data;
    expect(back.window.byteOffset).toBe(0);
    expect([...back.oddBytes]).toEqual([3, 4, 5, 6, 7]);
    expect(Object.is(back.f64[4], -0)).toBe(true);
  });

  it('round-trips a ResultPage with number, bigint, boolean, string and json columns', () => {
    const page: ResultPage = {
      taskId: 't1', rowCount: 3, offset: 0, hasMore: true, totalRows: 10, elapsedMs: 4,
      columns: [
        { name: 'x', type: 'DOUBLE', data: { kind: 'number', values: Float64Array.of(1, NaN, 3), valid: Uint8Array.of(1, 0, 1) } },
        { name: 'id', type: 'BIGINT', data: { kind: 'bigint', values: BigInt64Array.of(147289n, -1n, 9007199254740993n), valid: Uint8Array.of(1, 1, 1) } },
        { name: 'ok', type: 'BOOLEAN', data: { kind: 'boolean', values: Uint8Array.of(1, 0, 0), valid: Uint8Array.of(1, 1, 0) } },
        { name: 's', type: 'VARCHAR', data: { kind: 'string', values: ['a', null, '$'] } },
        { name: 'j', type: 'STRUCT', data: { kind: 'json', values: [{ $: 'not a tag' }, [1, 2], null] } },
      ],
    };
    expectSameAsStructuredClone(page);
  });

  it('round-trips a SurvivalResult with its Float64Array curves and NaN limits', () => {
    const curve = {
      label: 'target', persons: 3, events: 2, time: Float64Array.of(1, 2, 5), nRisk: Float64Array.of(3, 2, 1),
      nEvent: Float64Array.of(1, 1, 0), nCensor: Float64Array.of(0, 0, 1), surv: Float64Array.of(2 / 3, 1 / 3, 1 / 3),
      lower: Float64Array.of(0.3, 0.05, NaN), upper: Float64Array.of(1, 1, NaN), median: 2, medianLower: 1, medianUpper: null,
    };
    const result: SurvivalResult = {
      curves: [curve, { ...curve, label: 'comparator' }], atRisk: [{ time: 0, counts: [3, null] }],
      logRank: { chisq: 0.5, df: 1, p: 0.48, observed: [2, 2], expected: [1.8, 2.2] },
      excluded: { priorOutcome: 0, inBothCohorts: 1, noTime: 0 }, minCellCount: 0, warnings: [], elapsedMs: 12,
    };
    expectSameAsStructuredClone(result);
  });

  it('keeps user objects that own a "$" key apart from the tags', () => {
    const data = { $: 'port', id: 3, nested: { $: 'undefined' }, list: [{ $: 'bigint', value: '1' }] };
    expectSameAsStructuredClone(data);
  });

  it('names transferred ports through the caller and carries routing and close flags', () => {
    const port = { fake: 'port' };
    const names: object[] = [];
    const naming: PortNaming = { idForPort: (p) => names.push(p) + 6, portForId: (id) => ({ received: id }) };
    const message = { id: 'abc', type: 'APPLY', argumentList: [{ type: 'HANDLER', name: 'proxy', value: port }] };
    const frame = decodeFrame(encodeFrame({ channel: 5, data: message }, [port], naming), naming);
    expect(names).toEqual([port]);
    expect(frame).toEqual({ channel: 5, data: { ...message, argumentList: [{ type: 'HANDLER', name: 'proxy', value: { received: 7 } }] } });
    expect(decodeFrame(encodeFrame({ channel: 9, close: true }))).toEqual({ channel: 9, close: true, data: undefined });
  });

  it('refuses what structured clone refuses, and frames that are cut short or name missing buffers', () => {
    expect(() => encodeFrame({ channel: 0, data: { f: () => 1 } })).toThrow(WireCodecError);
    expect(() => encodeFrame({ channel: 0, data: Symbol('s') })).toThrow(/symbol cannot be sent/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => encodeFrame({ channel: 0, data: cyclic })).toThrow(/contains itself/);
    expect(() => encodeFrame({ channel: 0, data: { p: {} } }, [{}])).not.toThrow();
    const port = {};
    expect(() => encodeFrame({ channel: 0, data: port }, [port])).toThrow(/cannot carry MessagePorts/);
    const frame = encodeFrame({ channel: 0, data: Float64Array.of(1, 2) });
    expect(() => decodeFrame(frame.subarray(0, frame.length - 8))).toThrow(/shorter than its buffers/);
    expect(() => decodeFrame(frame.subarray(0, 2))).toThrow(/too short/);
  });

  it('decodes a frame that sits at an odd offset inside a larger buffer (as Node sockets deliver them)', () => {
    const frame = encodeFrame({ channel: 0, data: { v: Float64Array.of(Math.PI) } });
    const shifted = new Uint8Array(frame.length + 3);
    shifted.set(frame, 3);
    expect(decodeFrame(shifted.subarray(3)).data).toStrictEqual({ v: Float64Array.of(Math.PI) });
  });
});
