import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { extractZip, listZipEntries } from './zip-archive.js';
import { writeZip } from './testing/write-zip.js';

describe('zip archives', () => {
  const temp = useTempDir();
  const always = { isCancelled: () => false };

  it('lists file entries and extracts only the selected ones, keeping their folders', async () => {
    const zip = join(temp(), 'a.zip');
    writeZip(zip, [{ name: 'x/DEMO24Q1.txt', data: 'demo' }, { name: 'x/readme.pdf', data: 'pdf' }, { name: 'x/', data: '' }]);
    expect(await listZipEntries(zip)).toEqual([{ name: 'x/DEMO24Q1.txt', uncompressedSize: 4 }, { name: 'x/readme.pdf', uncompressedSize: 3 }]);
    const into = join(temp(), 'out');
    const written = await extractZip(zip, into, { ...always, select: (name) => name.endsWith('.txt') });
    expect(written).toEqual([join(into, 'x/DEMO24Q1.txt')]);
    expect(readFileSync(join(into, 'x/DEMO24Q1.txt'), 'utf8')).toBe('demo');
    expect(existsSync(join(into, 'x/readme.pdf'))).toBe(false);
  });

  it('refuses absolute paths and archives that would expand beyond the limit', async () => {
    const absolute = join(temp(), 'abs.zip');
    writeZip(absolute, [{ name: '/etc/DEMO24Q1.txt', data: 'x' }]);
    await expect(listZipEntries(absolute)).rejects.toMatchObject({ code: 'FILE_COMPRESSION', message: 'abs.zip holds an entry that points outside the archive (/etc/DEMO24Q1.txt)' });

    const big = join(temp(), 'big.zip');
    writeZip(big, [{ name: 'DEMO24Q1.txt', data: Buffer.alloc(1_000_000, 0x24) }]);
    const into = join(temp(), 'out');
    await expect(extractZip(big, into, { ...always, select: () => true, maxBytes: 100_000 }))
      .rejects.toMatchObject({ code: 'FILE_COMPRESSION', message: expect.stringMatching(/^big\.zip would expand to 0\.0 GiB, more than/) as unknown as string });
    expect(existsSync(join(into, 'DEMO24Q1.txt'))).toBe(false);
  });

  it('refuses a name given twice, and a file that is not a zip', async () => {
    const twice = join(temp(), 'twice.zip');
    writeZip(twice, [{ name: 'DEMO24Q1.txt', data: 'a' }, { name: 'DEMO24Q1.txt', data: 'b' }]);
    await expect(extractZip(twice, join(temp(), 'out'), { ...always, select: () => true })).rejects.toMatchObject({ message: 'twice.zip holds DEMO24Q1.txt twice' });
    const fake = join(temp(), 'fake.zip');
    writeZip(fake, []);
    expect(await listZipEntries(fake)).toEqual([]);
  });
});
