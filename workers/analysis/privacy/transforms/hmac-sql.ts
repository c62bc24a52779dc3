import { PmwError } from '../../../engine/errors.js';
import { quoteLiteral } from '../../../db/quote.js';

/** SHA-256 works on 64-byte blocks; HMAC pads the key to one block (RFC 2104, section 2). */
const BLOCK_BYTES = 64;
const INNER_PAD = 0x36;
const OUTER_PAD = 0x5c;

/** The workspace secret must be 32 bytes written as 64 hex characters. */
export function checkSecretHex(secretHex: string): void {
  if (!/^[0-9a-fA-F]{64}$/.test(secretHex)) {
    throw new PmwError({
      code: 'INTERNAL',
      message: 'the workspace secret is not 64 hex characters (32 bytes)',
      hint: 'the secret is created with the workspace; reopen the workspace or report this',
    });
  }
}

/** The key zero-padded to one block, each byte XORed with `pad`, as hex. */
function paddedKeyHex(secretHex: string, pad: number): string {
  const key = Buffer.alloc(BLOCK_BYTES);
  Buffer.from(secretHex, 'hex').copy(key);
  for (let i = 0; i < BLOCK_BYTES; i++) key[i] = (key[i] ?? 0) ^ pad;
  return key.toString('hex');
}

/**
 * A SQL expression for the lower-case hex HMAC-SHA-256 (RFC 2104) of `textSql`'s UTF-8 bytes under the
 * 32-byte key `secretHex`: sha256((K ⊕ opad) ‖ sha256((K ⊕ ipad) ‖ message)). The padded keys are built
 * here and go into the SQL as hex literals; DuckDB's sha256() hashes the BLOBs. Null text gives null.
 */
export function hmacSha256HexSql(secretHex: string, textSql: string): string {
  checkSecretHex(secretHex);
  const innerKey = `unhex(${quoteLiteral(paddedKeyHex(secretHex, INNER_PAD))})`;
  const outerKey = `unhex(${quoteLiteral(paddedKeyHex(secretHex, OUTER_PAD))})`;
  const inner = `sha256(${innerKey} || encode(${textSql}))`;
  return `sha256(${outerKey} || unhex(${inner}))`;
}
