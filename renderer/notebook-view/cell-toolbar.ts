/**
 * What a cell's toolbar shows for a runtime state: which buttons work and what the status chip says.
 * Pure (no DOM), so the state machine is tested on its own; cell-view.ts applies it to the buttons.
 */
import type { CellKind, CellState, CellStatus } from '../notebook/notebook.js';
import { formatNumber, t, type MessageKey } from '../i18n/i18n.js';

export interface ToolbarState {
  /** Run (or re-run) is offered: the cell can run and is not queued or running. */
  canRun: boolean;
  /** Cancel is offered while the cell waits or runs. */
  canCancel: boolean;
  status: CellStatus;
  /** The chip's label, e.g. "Running". */
  label: string;
  /** What follows the label: the progress message and percent, the elapsed time, or the error's message. */
  detail: string;
  /** Progress 0..1 when the engine knows it, for a bar under the chip. */
  fraction: number | null;
}

const STATUS_LABELS: Record<CellStatus, MessageKey> = {
  idle: 'view.status.idle',
  queued: 'view.status.queued',
  running: 'view.status.running',
  done: 'view.status.done',
  error: 'view.status.error',
  cancelled: 'view.status.cancelled',
  stale: 'view.status.stale',
};

function detailOf(state: CellState): string {
  switch (state.status) {
    case 'running': {
      const fraction = state.progress?.fraction;
      const message = state.progress?.message ?? '';
      if (fraction === null || fraction === undefined) return message;
      const percent = formatNumber(fraction, { style: 'percent', maximumFractionDigits: 0 });
      return message ? t('view.progress', { message, percent }) : percent;
    }
    case 'done':
      return state.elapsedMs === undefined ? '' : t('view.elapsed', { ms: Math.round(state.elapsedMs) });
    case 'error':
      return state.error?.message ?? '';
    default:
      return '';
  }
}

export function toolbarState(kind: CellKind, state: CellState): ToolbarState {
  const busy = state.status === 'queued' || state.status === 'running';
  return {
    canRun: kind !== 'markdown' && !busy,
    canCancel: busy,
    status: state.status,
    label: t(STATUS_LABELS[state.status]),
    detail: detailOf(state),
    fraction: state.status === 'running' ? state.progress?.fraction ?? null : null,
  };
}
