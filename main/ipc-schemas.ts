/**
 * The IPC channels the preload may invoke, and the schema of each one's arguments. Main checks every call
 * against its schema before doing anything (main/ipc-handlers.ts); a call that does not fit is refused with an
 * error naming the channel, the argument and what was expected. No dependency: the argument shapes are few.
 */

export type Schema =
  | { type: 'string'; maxLength: number; pattern?: RegExp }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'absolute-path' }
  | { type: 'array'; items: Schema; maxItems: number }
  | { type: 'bytes'; maxBytes: number };

const MB = 1024 * 1024;
/** A notebook or file name as the user would type it; the folder is never the renderer's to choose. */
const FILE_NAME: Schema = { type: 'string', maxLength: 255, pattern: /^[^/\\\0]+$/ };
const PATH: Schema = { type: 'absolute-path' };

/** Channel → schemas of its positional arguments. */
export const IPC_SCHEMAS = {
  'pmw:request-engine-port': [],
  'pmw:restart-engine': [],
  'pmw:choose-data-paths': [{ type: 'enum', values: ['files', 'folder'] }],
  'pmw:grant-dropped-paths': [{ type: 'array', items: PATH, maxItems: 10_000 }],
  'pmw:list-notebooks': [],
  'pmw:read-notebook': [PATH],
  'pmw:choose-notebook': [],
  'pmw:save-notebook': [FILE_NAME, { type: 'string', maxLength: 16 * MB }],
  'pmw:save-file': [FILE_NAME, { type: 'bytes', maxBytes: 2048 * MB }],
  'pmw:info': [],
  'pmw:set-language': [{ type: 'enum', values: ['en', 'zh-CN'] }],
} as const satisfies Record<string, readonly Schema[]>;

export type IpcChannel = keyof typeof IPC_SCHEMAS;

/** Main → renderer messages (sent, never invoked). */
export const ENGINE_PORT_CHANNEL = 'pmw:engine-port';
export const ENGINE_STATE_CHANNEL = 'pmw:engine-state';
export const MENU_CHANNEL = 'pmw:menu';

export class IpcArgumentError extends Error {
  override readonly name = 'IpcArgumentError';
}

function isAbsolutePath(value: string): boolean {
  // POSIX `/…`, Windows `C:\…` or `\\server\share…`; checked by shape so the rule is the same on every OS.
  return /^\//.test(value) || /^[A-Za-z]:[\\/]/.test(value) || /^\\\\[^\\]+\\/.test(value);
}

/** Why `value` does not fit `schema`, or null when it does. */
export function schemaProblem(schema: Schema, value: unknown): string | null {
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return `must be text, got ${describe(value)}`;
      if (value.length === 0) return 'must not be empty';
      if (value.length > schema.maxLength) return `must be at most ${schema.maxLength} characters, got ${value.length}`;
      if (schema.pattern && !schema.pattern.test(value)) return `must match ${schema.pattern}`;
      return null;
    case 'enum':
      return typeof value === 'string' && schema.values.includes(value) ? null : `must be one of ${schema.values.join(', ')}, got ${describe(value)}`;
    case 'absolute-path':
      if (typeof value !== 'string' || value.length === 0 || value.length > 4096) return `must be an absolute file path, got ${describe(value)}`;
      if (value.includes('\0')) return 'must not contain a NUL character';
      return isAbsolutePath(value) ? null : `must be an absolute file path, got "${value}"`;
    case 'array': {
      if (!Array.isArray(value)) return `must be a list, got ${describe(value)}`;
      if (value.length > schema.maxItems) return `must have at most ${schema.maxItems} items, got ${value.length}`;
      for (const [index, item] of value.entries()) {
        const problem = schemaProblem(schema.items, item);
        if (problem) return `item ${index + 1} ${problem}`;
      }
      return null;
    }
    case 'bytes': {
      const size = value instanceof ArrayBuffer ? value.byteLength : ArrayBuffer.isView(value) ? value.byteLength : -1;
      if (size < 0) return `must be binary data (an ArrayBuffer), got ${describe(value)}`;
      return size > schema.maxBytes ? `must be at most ${schema.maxBytes / MB} MB, got ${Math.ceil(size / MB)} MB` : null;
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value;
}

/** Throws an IpcArgumentError unless `args` are exactly what `channel` takes. */
export function validateIpcArguments(channel: string, args: readonly unknown[]): asserts channel is IpcChannel {
  if (!Object.hasOwn(IPC_SCHEMAS, channel)) throw new IpcArgumentError(`${channel} is not an IPC channel of pmw`);
  const schemas: readonly Schema[] = IPC_SCHEMAS[channel as IpcChannel];
  if (args.length !== schemas.length) {
    throw new IpcArgumentError(`${channel} takes ${schemas.length} argument${schemas.length === 1 ? '' : 's'}, got ${args.length}`);
  }
  schemas.forEach((schema, index) => {
    const problem = schemaProblem(schema, args[index]);
    if (problem) throw new IpcArgumentError(`${channel}: argument ${index + 1} ${problem}`);
  });
}
