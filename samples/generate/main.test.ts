import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from './effects.js';
import { parseSampleCommand, UsageError } from './main.js';

const mainScript = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('parseSampleCommand', () => {
  it('defaults the seed and the output directory', () => {
    expect(parseSampleCommand(['--size', 'small'])).toEqual({ size: 'small', seed: DEFAULT_SEED, out: 'samples/small' });
    expect(parseSampleCommand(['--size', 'large', '--seed', '5', '--out', '/tmp/x'])).toEqual({ size: 'large', seed: 5, out: '/tmp/x' });
  });

  it('returns null for --help', () => {
    expect(parseSampleCommand(['--help'])).toBeNull();
  });

  it.each([
    [[], /--size is required/],
    [['--size', 'huge'], /small, medium or large/],
    [['--size', 'small', '--seed=-1'], /--seed must be an integer/],
    [['--size', 'small', '--seed', '-1'], /--seed/],
    [['--size', 'small', '--seed', '1.5'], /--seed must be an integer/],
    [['--size', 'small', '--seed', '4294967296'], /--seed must be an integer/],
    [['--size', 'small', '--colour'], /Unknown option/],
    [['--size', 'small', 'extra'], /positional/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSampleCommand(argv)).toThrow(UsageError);
    expect(() => parseSampleCommand(argv)).toThrow(message);
  });
});

describe('npm run samples', () => {
  it('exits 2 with the usage on bad arguments, 0 on --help', () => {
    const bad = spawnSync(process.execPath, ['--import', 'tsx', mainScript, '--size', 'huge'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/error: --size must be small, medium or large/);
    expect(bad.stderr).toMatch(/Usage: npm run samples/);
    const help = spawnSync(process.execPath, ['--import', 'tsx', mainScript, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--seed N/);
  });
});
