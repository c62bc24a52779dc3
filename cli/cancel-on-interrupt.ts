import type { Engine } from '../workers/engine/api.js';
import type { CliIo } from './io.js';

export interface InterruptWatch {
  /** True once Ctrl-C was pressed. */
  readonly requested: boolean;
  /** Asks again; for work that had not registered its task yet when Ctrl-C came. */
  repeat(): void;
  dispose(): void;
}

/**
 * While a task runs, Ctrl-C cancels it through the engine, which rolls back and rejects with a CANCELLED
 * error the command reports as usual. A second Ctrl-C stops the process at once, in case the task does
 * not answer.
 */
export function cancelOnInterrupt(
  io: CliIo,
  engine: Pick<Engine, 'cancel'>,
  taskId: string,
  forceExit: () => void = () => process.exit(130),
): InterruptWatch {
  let requested = false;
  const cancel = (): void => { void engine.cancel(taskId).catch(() => undefined); };
  const stop = io.onInterrupt(() => {
    if (requested) {
      forceExit();
      return;
    }
    requested = true;
    io.err('\r\u001b[2Kcancelling… (Ctrl-C again to stop at once)\n');
    cancel();
  });
  return {
    get requested() { return requested; },
    repeat: () => { if (requested) cancel(); },
    dispose: stop,
  };
}
