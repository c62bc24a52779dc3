/**
 * Registers main's IPC handlers: one per channel of main/ipc-schemas.ts, and each call is checked twice
 * before its handler runs — it must come from a frame of our own origin (`app://pmw`), and its arguments
 * must fit the channel's schema. A refused call rejects in the page with the reason.
 */
import { isAppUrl } from './app-origin.js';
import { IPC_SCHEMAS, IpcArgumentError, validateIpcArguments, type IpcChannel } from './ipc-schemas.js';

/** The part of Electron's IpcMainInvokeEvent the checks use; handlers get the whole event. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike<Event extends InvokeEventLike> {
  handle(channel: string, listener: (event: Event, ...args: unknown[]) => unknown): void;
}

/** One function per channel; arguments arrive already validated. */
export type IpcHandlers<Event> = Record<IpcChannel, (event: Event, ...args: never[]) => unknown>;

/** Throws unless the call came from our page. */
export function checkSender(channel: string, event: InvokeEventLike): void {
  const url = event.senderFrame?.url ?? '';
  if (!isAppUrl(url)) throw new IpcArgumentError(`${channel}: refused a call from ${url || 'an unknown frame'}; only the pmw window may call it`);
}

export function registerIpcHandlers<Event extends InvokeEventLike>(ipcMain: IpcMainLike<Event>, handlers: IpcHandlers<Event>): void {
  for (const channel of Object.keys(IPC_SCHEMAS) as IpcChannel[]) {
    const handler = handlers[channel] as (event: Event, ...args: unknown[]) => unknown;
    ipcMain.handle(channel, (event, ...args) => {
      checkSender(channel, event);
      validateIpcArguments(channel, args);
      return handler(event, ...args);
    });
  }
}
