import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditEntry } from './audit-log.js';

describe('hashAuditEntry', () => {
  const entry = { seq: 1, at: '2026-01-01T00:00:00.000Z', action: 'query' as const, dataset: null, detail: 'SELECT 1', rows: 1, prevHash: GENESIS_HASH };

  it('is SHA-256 over the canonical JSON of every field and the previous hash', () => {
    // Recomputed here by hand from the documented layout, so a silent format change fails this test.
    const canonical = `[1,"2026-01-01T00:00:00.000Z","query",null,"SELECT 1",1,"${'0'.repeat(64)}"]`;
    expect(hashAuditEntry(entry)).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it('changes when any field or the link changes', () => {
    const base = hashAuditEntry(entry);
    expect(hashAuditEntry({ ...entry, detail: 'SELECT 2' })).not.toBe(base);
    expect(hashAuditEntry({ ...entry, rows: 2 })).not.toBe(base);
    expect(hashAuditEntry({ ...entry, prevHash: 'f'.repeat(64) })).not.toBe(base);
  });
});
