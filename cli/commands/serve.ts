import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { EngineThread } from '../../workers/engine/engine-thread.js';
import { ensureRendererBuilt } from '../../renderer/build.js';
import { COMMON_OPTIONS, integerOption, parseCommandLine, requirePositionals } from '../arguments.js';
import type { Command } from '../command.js';
import type { CliIo } from '../io.js';
import { isWildcard } from '../serve/access.js';
import { serveFolders } from '../serve/folders.js';
import { restrictFileAccess } from '../../workers/engine/guard/restrict-file-access.js';
import { startServer } from '../serve/server.js';
import { currentPlatform, resolveWorkspacePath, samplesWorkspacePath } from '../workspace-path.js';
import { importSamples } from './start.js';

const NAME = 'serve';
/** How long stopping waits for the engine to finish opening before it stops the thread anyway. */
const STOP_WAIT_MS = 30_000;

const HELP = `Usage: pmw serve [--workspace W] [--port P] [--host H] [--samples] [--no-open]

Opens the workspace and serves the notebook view to a browser on this machine. Prints the address to
open, with a secret token (like Jupyter): every request needs it, the first page load turns it into a
cookie. Only pages of this server may use its WebSocket; the browser may import only files it uploads
(and the bundled samples), and its SQL cannot read other files. See docs/serve.md.

Options:
  --workspace W     the workspace file (default: $PMW_WORKSPACE, else workspace.duckdb in the pmw data
                    folder; with --samples, samples.duckdb there, as pmw start)
  --port P          the port (default: any free one, printed)
  --host H          the address to listen on (default 127.0.0.1, this machine only); 0.0.0.0 reaches
                    the whole network and prints a warning
  --samples         import the bundled samples first, as pmw start does
  --no-open         do not open a browser
  -h, --help        show this help

Stop it with Ctrl-C.`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  port: { type: 'string' },
  host: { type: 'string' },
  samples: { type: 'boolean' },
  open: { type: 'boolean' },
} as const;

/** Opens the address in the desktop's browser when there is one; a machine without one just prints it. */
function openBrowser(url: string, io: CliIo): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => io.err('(no browser could be opened; open the address above yourself)\n'));
  child.unref();
}

function waitForInterrupt(io: CliIo): Promise<void> {
  return new Promise((resolve) => {
    const stop = io.onInterrupt(() => {
      stop();
      resolve();
    });
  });
}

export const serveCommand: Command = {
  name: NAME,
  summary: 'serve the notebook view to a browser on this machine (token-protected)',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(NAME, { args: argv, options: OPTIONS });
    if (values.help) { io.out(HELP + '\n'); return 0; }
    requirePositionals(NAME, positionals, []);
    const port = integerOption(NAME, 'port', values.port, 0, 0, 65535);
    const host = values.host ?? '127.0.0.1';
    const facts = currentPlatform(io.env);
    const workspace = values.samples ? samplesWorkspacePath(values.workspace, facts) : resolveWorkspacePath(values.workspace, facts);

    const bundle = await ensureRendererBuilt();
    if (bundle.built) io.err(`renderer bundled in ${bundle.ms} ms\n`);
    // The engine thread starts now and opens the workspace while the server already answers: the browser
    // loads and paints the page meanwhile, and its WebSocket waits for `ready`.
    const engine = new EngineThread();
    const folders = await serveFolders(workspace, io.env);
    const ready = (async () => {
      const info = await engine.openWorkspace(workspace);
      io.out(`pmw ${info.engineVersion} (DuckDB ${info.duckdbVersion}), workspace ${info.path}\n`);
      if (values.samples) await importSamples(engine, io);
      await mkdir(folders.uploads, { recursive: true });
      await restrictFileAccess(engine, [folders.uploads, ...folders.samples]);
    })();
    ready.catch(() => undefined);
    let server: Awaited<ReturnType<typeof startServer>> | null = null;
    try {
      server = await startServer({ openEnginePort: () => engine.openPort(), engineReady: ready, workspace, folders, rendererDir: bundle.dir, host, port });
      if (isWildcard(host)) {
        io.err(`warning: --host ${host} serves the workspace to every machine that can reach this one; anyone with the token can read all its data\n`);
      }
      io.out(`Serving on ${server.origin} — open this address (it holds the access token):\n  ${server.url}\nUploads go to ${folders.uploads}. Stop with Ctrl-C.\n`);
      if (values.open !== false) openBrowser(server.url, io);
      // A workspace that cannot be opened (locked by another pmw, damaged) ends the server with its error.
      const interrupted = waitForInterrupt(io);
      await Promise.race([interrupted, ready.then(() => interrupted)]);
      io.err('stopping pmw serve\n');
    } finally {
      await server?.close();
      // Ctrl-C while the engine is still opening the workspace (or importing the samples): let that finish
      // first — stopping the thread in the middle of DuckDB's work can take the process down with it.
      await Promise.race([ready.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
      await engine.terminate();
    }
    return 0;
  },
};
