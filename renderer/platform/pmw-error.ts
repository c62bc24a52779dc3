/**
 * Errors as the renderer's platforms raise them: the PmwErrorData shape (code, message, hint, line, column)
 * on an Error, and the Comlink `throw` handler that reads the Engine's `{ isPmwError, data }`
 * (workers/engine/transfer.ts) back into one. DOM-free.
 */
import * as Comlink from 'comlink';

/** The error shape the UI shows (PmwErrorData): code, message, hint. */
export type ErrorData = { code: string; message: string; hint?: string };

export function pmwError(data: ErrorData): Error {
  return Object.assign(new Error(data.message), { name: 'PmwError' }, data);
}

/** Installs the `throw` handler once; the Engine's errors then arrive with their code, hint and position. */
export function installErrorTransfer(): void {
  const builtIn = Comlink.transferHandlers.get('throw');
  if (!builtIn || (builtIn as { pmwWeb?: boolean }).pmwWeb) return;
  Comlink.transferHandlers.set('throw', {
    pmwWeb: true,
    canHandle: builtIn.canHandle,
    serialize: builtIn.serialize,
    deserialize: (serialized: { isPmwError?: boolean; data?: ErrorData }) => {
      if (serialized.isPmwError && serialized.data) throw pmwError(serialized.data);
      return builtIn.deserialize(serialized);
    },
  } as Comlink.TransferHandler<unknown, unknown> & { pmwWeb: boolean });
}
