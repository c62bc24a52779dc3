import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMITTED_SMALL } from './duckdb-testkit.js';
import { DEFAULT_SEED } from './effects.js';
import { generateSamples, MANIFEST_FILE } from './generate.js';

const scratch = mkdtempSync(join(tmpdir(), 'pmw-samples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file under a directory, as relative path → bytes. */
function readTree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

function expectSameTree(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [path, bytes] of expected) {
    expect(actual.get(path)?.equals(bytes), `${path} differs`).toBe(true);
  }
}

describe('generateSamples', () => {
  it('writes byte-identical files for the same seed and size', async () => {
    await generateSamples({ size: 'small', seed: 7, out: join(scratch, 'a') });
    await generateSamples({ size: 'small', seed: 7, out: join(scratch, 'b') });
    expectSameTree(readTree(join(scratch, 'b')), readTree(join(scratch, 'a')));
  });

  it('writes different data for another seed', async () => {
    await generateSamples({ size: 'small', seed: 8, out: join(scratch, 'c') });
    const first = readTree(join(scratch, 'a'));
    const other = readTree(join(scratch, 'c'));
    for (const path of ['omop/person.csv', 'faers/DEMO24Q1.txt', 'vcf/cohort.vcf']) {
      expect(other.get(path)?.equals(first.get(path) as Buffer), path).toBe(false);
    }
    // The vocabulary does not depend on the seed.
    expect(other.get('omop/concept.csv')?.equals(first.get('omop/concept.csv') as Buffer)).toBe(true);
  });

  it('matches the committed samples/small (regenerate with npm run samples -- --size small)', async () => {
    const out = join(scratch, 'fresh-small');
    await generateSamples({ size: 'small', seed: DEFAULT_SEED, out });
    expectSameTree(readTree(COMMITTED_SMALL), readTree(out));
  });

  it('lists every written file in the manifest with its size and hash', () => {
    const tree = readTree(COMMITTED_SMALL);
    const manifest = JSON.parse((tree.get(MANIFEST_FILE) as Buffer).toString('utf8')) as { files: { path: string; bytes: number }[] };
    expect(manifest.files.map((file) => file.path).sort()).toEqual([...tree.keys()].filter((path) => path !== MANIFEST_FILE).sort());
    for (const file of manifest.files) expect(tree.get(file.path)?.length, file.path).toBe(file.bytes);
  });

  it('keeps the committed small set within 5 MB', () => {
    const total = [...readTree(COMMITTED_SMALL).values()].reduce((sum, bytes) => sum + bytes.length, 0);
    expect(total).toBeLessThanOrEqual(5_000_000);
  });

  it('removes FAERS quarters left by an earlier run into the same directory', async () => {
    const out = join(scratch, 'a');
    const stale = join(out, 'faers', 'DEMO23Q4.txt');
    await import('node:fs').then(({ writeFileSync }) => writeFileSync(stale, 'old'));
    await generateSamples({ size: 'small', seed: 7, out });
    expect(() => statSync(stale)).toThrow();
  });
});
