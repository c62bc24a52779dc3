import { describe, expect, it } from 'vitest';
import { IPC_SCHEMAS, type IpcChannel } from './ipc-schemas.js';
import { registerIpcHandlers, type IpcHandlers, type InvokeEventLike } from './ipc-handlers.js';

function setUp() {
  const registered = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const calls: [IpcChannel, unknown[]][] = [];
  const handlers = Object.fromEntries(Object.keys(IPC_SCHEMAS).map((channel) => [channel, (_event: InvokeEventLike, ...args: unknown[]) => {
    calls.push([channel as IpcChannel, args]);
    return 'done';
  }])) as unknown as IpcHandlers<InvokeEventLike>;
  registerIpcHandlers({ handle: (channel, listener) => registered.set(channel, listener) }, handlers);
  const call = (channel: string, url: string | null, ...args: unknown[]) => registered.get(channel)!({ senderFrame: url === null ? null : { url } }, ...args);
  return { registered, calls, call };
}

describe('IPC handler registration', () => {
  it('registers every channel of the schema table and nothing else', () => {
    expect([...setUp().registered.keys()].sort()).toEqual(Object.keys(IPC_SCHEMAS).sort());
  });

  it('passes a valid call from our page to its handler', () => {
    const { call, calls } = setUp();
    expect(call('pmw:read-notebook', 'app://pmw/index.html', '/home/ana/notebooks/a.md')).toBe('done');
    expect(calls).toEqual([['pmw:read-notebook', ['/home/ana/notebooks/a.md']]]);
  });

  it('refuses calls from any other origin or a frame that is gone, before the handler runs', () => {
    const { call, calls } = setUp();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', 'app://user@pmw/', 'http://127.0.0.1:3000/', null]) {
      expect(() => call('pmw:info', url), String(url)).toThrow(/only the pmw window may call it/);
    }
    expect(calls).toEqual([]);
  });

  it('refuses arguments that do not fit the schema, before the handler runs', () => {
    const { call, calls } = setUp();
    expect(() => call('pmw:read-notebook', 'app://pmw/index.html', 'relative.md')).toThrow('pmw:read-notebook: argument 1 must be an absolute file path, got "relative.md"');
    expect(() => call('pmw:save-notebook', 'app://pmw/index.html', 'a.md')).toThrow('pmw:save-notebook takes 2 arguments, got 1');
    expect(calls).toEqual([]);
  });
});
