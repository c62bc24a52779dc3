/**
 * `pmw`, the Precision Medicine Workbench on the command line. Run with `npx tsx cli/pmw.ts <command>`,
 * `npm run pmw -- <command>`, or the `pmw` bin.
 */
import { runPmw } from './dispatch.js';
import { processIo } from './io.js';

// `pmw query ... | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// The exit code is set rather than forced, so output still queued for a pipe is written before Node exits.
process.exitCode = await runPmw(process.argv.slice(2), processIo());
