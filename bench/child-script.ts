import { fork, spawn } from 'node:child_process';

/**
 * Runs a TypeScript file of the benchmark in a child Node with this process's loader flags (tsx), its
 * output shown as it comes. The child's memory stays out of this process's peak RSS.
 */
export function runChildScript(script: string, args: readonly string[], what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, script, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${what} failed (${signal ?? `exit status ${code}`})`));
    });
  });
}

/**
 * Like `runChildScript`, for a child that measures something in a process of its own and sends one
 * message back (`process.send`) before it exits: resolves with that message.
 */
export function childScriptReport<T>(script: string, args: readonly string[], what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [...args], { execArgv: process.execArgv, stdio: 'inherit' });
    let report: { value: T } | null = null;
    child.on('message', (message) => { report = { value: message as T }; });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 && report) resolve(report.value);
      else reject(new Error(`${what} ${code === 0 ? 'sent no report' : `failed (${signal ?? `exit status ${code}`})`}`));
    });
  });
}
