/**
 * `npm start`: builds the desktop app and launches it when Electron's binary is installed. Where it is not
 * (it cannot be downloaded on our build machines), it says why in one line and runs `pmw start` instead —
 * the bundled samples and an SQL prompt in the terminal, as the README's first command promises.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runPmw } from '../cli/dispatch.js';
import { processIo } from '../cli/io.js';
import { buildDesktop } from './build.js';
import { findElectronBinary } from './electron-binary.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const electron = findElectronBinary();
if (electron.path === null) {
  process.stderr.write(`Desktop app not started: ${electron.missing}. Running pmw start instead.\n`);
  process.exitCode = await runPmw(['start', ...process.argv.slice(2)], processIo());
} else {
  const { ms } = await buildDesktop();
  process.stderr.write(`desktop app built in ${ms} ms; starting Electron\n`);
  const child = spawn(electron.path, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => { process.exitCode = code ?? (signal ? 1 : 0); });
}
