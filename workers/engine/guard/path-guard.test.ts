import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside } from './path-guard.js';

describe('resolveInside', () => {
  let dir: string;
  let root: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pmw-guard-'));
    root = join(dir, 'samples');
    await mkdir(join(root, 'vcf'), { recursive: true });
    await writeFile(join(root, 'vcf', 'phenotype.tsv'), 'sample\tcase\n');
    await writeFile(join(dir, 'secret.txt'), 'no\n');
    await symlink(join(dir, 'secret.txt'), join(root, 'link.txt'));
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('accepts absolute and relative paths (from the base folder) that land inside a root', async () => {
    const inside = join(root, 'vcf', 'phenotype.tsv');
    expect(await resolveInside(inside, [root], dir)).toBe(inside);
    expect(await resolveInside('samples/vcf/phenotype.tsv', [root], dir)).toBe(inside);
  });

  it('refuses paths outside the roots, .. segments, symlinks out, NUL and missing files', async () => {
    expect(await resolveInside('secret.txt', [root], dir)).toBeNull();
    expect(await resolveInside(join(dir, 'secret.txt'), [root], dir)).toBeNull();
    expect(await resolveInside('samples/../secret.txt', [root], dir)).toBeNull();
    expect(await resolveInside(join(root, 'link.txt'), [root], dir)).toBeNull();
    expect(await resolveInside('samples/vcf/phenotype.tsv\0', [root], dir)).toBeNull();
    expect(await resolveInside('samples/vcf/none.tsv', [root], dir)).toBeNull();
  });
});
