/**
 * The engine process of the desktop app: Electron's main starts it with `utilityProcess.fork` (under plain
 * Node, `child_process.fork` works the same — the tests do that) and talks to it per
 * engine-process-protocol.ts. The Engine and DuckDB live here, never in main or the window.
 */
import { WorkspaceEngine } from './engine.js';
import { serveEngineProcess } from './engine-process.js';
import { currentParentChannel } from './parent-channel.js';
import { installErrorTransfer } from './transfer.js';

installErrorTransfer();
// Give IPC a moment to flush the `closed` reply before the process ends.
serveEngineProcess(currentParentChannel(), new WorkspaceEngine(), (code) => setTimeout(() => process.exit(code), 50));
