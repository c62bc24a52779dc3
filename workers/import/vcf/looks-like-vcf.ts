import { open } from 'node:fs/promises';
import { constants, inflateRawSync } from 'node:zlib';

const HEAD_BYTES = 64 * 1024;

/** The first decompressed bytes of a file (gzip or BGZF inflated as far as the head allows). */
async function textHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    try {
      // Skip the gzip header (fixed 10 bytes plus the optional fields) and inflate what is there.
      const flags = bytes[3]!;
      let at = 10;
      if (flags & 4) at += 2 + (bytes[10]! | (bytes[11]! << 8));
      for (const bit of [8, 16]) if (flags & bit) at = bytes.indexOf(0, at) + 1;
      if (flags & 2) at += 2;
      return inflateRawSync(bytes.subarray(at), { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      return Buffer.alloc(0);
    }
  } finally {
    await handle.close();
  }
}

/**
 * A VCF, by its content: the text (plain, gzip or BGZF) starts with `##fileformat=VCF` or the `#CHROM`
 * column line; or, failing that, by its name (`.vcf`, `.vcf.gz`, `.vcf.bgz`), so that a damaged VCF is
 * reported by the VCF reader, which says what is wrong with it.
 */
export async function looksLikeVcf(path: string): Promise<boolean> {
  if (/\.vcf(\.b?gz|\.bgzf)?$/i.test(path)) return true;
  const head = (await textHead(path).catch(() => Buffer.alloc(0))).toString('latin1', 0, 64);
  return head.startsWith('##fileformat=VCF') || head.startsWith('#CHROM\tPOS\tID\tREF\tALT');
}
