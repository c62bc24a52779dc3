import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI as a child process (node --import tsx cli/pmw.ts ...) from the repository root, with
 * stdin a closed pipe (not a terminal) and the data folder in `dataDir`.
 */
export function runPmwProcess(args: string[], options: { dataDir: string; env?: Record<string, string>; input?: string }): Promise<ProcessResult> {
  const env: Record<string, string | undefined> = { ...process.env, PMW_DATA_DIR: options.dataDir, ...options.env };
  delete env.PMW_WORKSPACE;
  if (!options.env?.PMW_DEBUG) delete env.PMW_DEBUG;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/pmw.ts', ...args], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
