import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** GNU time (Debian package `time`): its `-v` report has the child's peak RSS and CPU times. */
const GNU_TIME = '/usr/bin/time';
/** How often `/proc/<pid>/status` is read when GNU time is missing. */
const POLL_MS = 20;

/** One run of an external program. */
export interface CommandRun {
  ms: number;
  /** Peak resident set size of the program, MiB (NaN when it could not be read). */
  peakRssMiB: number;
  /** User + system CPU time, ms (NaN without GNU time). */
  cpuMs: number;
  /** The last lines it wrote to stdout and stderr, for a failure message. */
  outputTail: string;
}

/** True when `command` is an executable on PATH. */
export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(join(dir, command)));
}

/**
 * Runs `command args` to the end, timing it whole, and reads its peak RSS: from GNU time's `-v` report when
 * /usr/bin/time exists, otherwise by polling the kernel's high-water mark `VmHWM`. Throws when it fails.
 */
export async function runMeasured(command: string, args: readonly string[], cwd?: string): Promise<CommandRun> {
  const report = join(tmpdir(), `pmw-bench-time-${process.pid}-${Date.now()}.txt`);
  const withTime = existsSync(GNU_TIME);
  const [program, programArgs] = withTime ? [GNU_TIME, ['-v', '-o', report, command, ...args]] : [command, [...args]];
  try {
    const started = performance.now();
    const run = await runToExit(program, programArgs, cwd, !withTime);
    const ms = performance.now() - started;
    if (run.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit status ${run.code}):\n${run.outputTail}`);
    if (!withTime) return { ms, peakRssMiB: run.polledHwmKiB / 1024, cpuMs: NaN, outputTail: run.outputTail };
    const text = await readFile(report, 'utf8');
    const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1] ?? NaN);
    return {
      ms,
      peakRssMiB: field('Maximum resident set size \\(kbytes\\)') / 1024,
      cpuMs: (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000,
      outputTail: run.outputTail,
    };
  } finally {
    await rm(report, { force: true });
  }
}

interface Exit {
  code: number | null;
  outputTail: string;
  /** The last `VmHWM` read while it ran, KiB (NaN when not polled). */
  polledHwmKiB: number;
}

function runToExit(program: string, args: string[], cwd: string | undefined, pollMemory: boolean): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keepTail = (chunk: Buffer) => { tail = (tail + chunk.toString('utf8')).slice(-4000); };
    child.stdout.on('data', keepTail);
    child.stderr.on('data', keepTail);
    let hwmKiB = NaN;
    const poll = pollMemory ? setInterval(() => { hwmKiB = Math.max(Number.isNaN(hwmKiB) ? 0 : hwmKiB, readHwmKiB(child.pid)); }, POLL_MS) : null;
    child.on('error', (error) => { if (poll) clearInterval(poll); reject(error); });
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      resolve({ code, outputTail: tail.split('\n').slice(-15).join('\n'), polledHwmKiB: hwmKiB });
    });
  });
}

/** `VmHWM` of a running process, KiB; 0 once it is gone. Synchronous so a poll never overlaps the next. */
function readHwmKiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}
