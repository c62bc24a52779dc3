import * as Comlink from 'comlink';
import type { PmwErrorData } from './api.js';
import { PmwError } from './errors.js';

interface SerializedThrow {
  isPmwError: boolean;
  data: PmwErrorData | { message: string; name: string; stack?: string };
}

/**
 * Comlink sends a thrown Error as name, message and stack only. Our errors carry a code, a hint and the
 * file position the UI shows, so both ends of every Engine channel install this handler.
 */
export function installErrorTransfer(): void {
  const builtIn = Comlink.transferHandlers.get('throw');
  if (!builtIn || (builtIn as { pmw?: boolean }).pmw) return;
  Comlink.transferHandlers.set('throw', {
    pmw: true,
    canHandle: builtIn.canHandle,
    serialize: ({ value }: { value: unknown }): [SerializedThrow, []] => {
      if (value instanceof PmwError) return [{ isPmwError: true, data: value.toData() }, []];
      const error = value instanceof Error ? value : new Error(String(value));
      return [{ isPmwError: false, data: { message: error.message, name: error.name, stack: error.stack } }, []];
    },
    deserialize: (serialized: SerializedThrow): never => {
      if (serialized.isPmwError) throw new PmwError(serialized.data as PmwErrorData);
      throw Object.assign(new Error(serialized.data.message), serialized.data);
    },
  } as Comlink.TransferHandler<unknown, SerializedThrow> & { pmw: boolean });
}
