import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AuditAction, AuditEntry, AuditVerification } from './api.js';

export const GENESIS_HASH = '0'.repeat(64);
const VERIFY_PAGE = 10_000;

export const AUDIT_TABLE_SQL = `CREATE TABLE IF NOT EXISTS _audit (
  seq BIGINT PRIMARY KEY,
  logged_at VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  dataset VARCHAR,
  detail VARCHAR NOT NULL,
  rows BIGINT,
  prev_hash VARCHAR NOT NULL,
  hash VARCHAR NOT NULL
)`;

export interface AuditRecord {
  action: AuditAction;
  dataset: string | null;
  detail: string;
  rows: number | null;
}

/**
 * The hash of an entry covers every field and the previous entry's hash, so editing, inserting or
 * deleting any entry breaks the chain from that point on.
 */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const canonical = JSON.stringify([entry.seq, entry.at, entry.action, entry.dataset, entry.detail, entry.rows, entry.prevHash]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * The append-only audit trail. Appends are serialised through one queue so the chain stays linear even
 * when several tasks finish at once; an append can join the caller's transaction (imports do, so a
 * rolled-back import leaves no entry).
 */
export class AuditLog {
  private head: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  private queue: Promise<unknown> = Promise.resolve();

  async load(connection: DuckDBConnection): Promise<void> {
    const reader = await connection.runAndReadAll('SELECT seq, hash FROM _audit ORDER BY seq DESC LIMIT 1');
    const row = reader.getRowsJS()[0];
    this.head = row ? { seq: Number(row[0]), hash: String(row[1]) } : { seq: 0, hash: GENESIS_HASH };
  }

  get headHash(): string {
    return this.head.hash;
  }

  get entries(): number {
    return this.head.seq;
  }

  /**
   * Runs `work` with exclusive right to append. `append` writes on the given connection; the new head is
   * kept only if `work` resolves, i.e. after the caller committed.
   */
  withAppendLock<T>(work: (append: (c: DuckDBConnection, r: AuditRecord) => Promise<void>) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      let head = this.head;
      const append = async (connection: DuckDBConnection, record: AuditRecord): Promise<void> => {
        const entry = { seq: head.seq + 1, at: new Date().toISOString(), ...record, prevHash: head.hash };
        const hash = hashAuditEntry(entry);
        await connection.run(
          'INSERT INTO _audit (seq, logged_at, action, dataset, detail, rows, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [entry.seq, entry.at, entry.action, entry.dataset, entry.detail, entry.rows, entry.prevHash, hash],
        );
        head = { seq: entry.seq, hash };
      };
      const result = await work(append);
      this.head = head;
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Appends one entry in its own transaction. */
  append(connection: DuckDBConnection, record: AuditRecord): Promise<void> {
    return this.withAppendLock((append) => append(connection, record));
  }

  async list(connection: DuckDBConnection, limit: number, offset: number): Promise<AuditEntry[]> {
    const reader = await connection.runAndReadAll(
      'SELECT seq, logged_at, action, dataset, detail, rows, prev_hash, hash FROM _audit ORDER BY seq DESC LIMIT $1 OFFSET $2',
      [limit, offset],
    );
    return reader.getRowsJS().map(toAuditEntry);
  }

  /** Recomputes every hash and link, page by page, and names the first entry that does not match. */
  async verify(connection: DuckDBConnection): Promise<AuditVerification> {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (;;) {
      const reader = await connection.runAndReadAll(
        'SELECT seq, logged_at, action, dataset, detail, rows, prev_hash, hash FROM _audit WHERE seq >= $1 ORDER BY seq LIMIT $2',
        [expectedSeq, VERIFY_PAGE],
      );
      const entries = reader.getRowsJS().map(toAuditEntry);
      for (const entry of entries) {
        const problem = checkEntry(entry, expectedSeq, prevHash);
        if (problem) return { ok: false, entries: expectedSeq - 1, firstBad: { seq: entry.seq, problem } };
        prevHash = entry.hash;
        expectedSeq += 1;
      }
      if (entries.length < VERIFY_PAGE) break;
    }
    const total = Number((await connection.runAndReadAll('SELECT count(*) FROM _audit')).getRowsJS()[0]?.[0] ?? 0);
    if (total !== expectedSeq - 1) {
      return { ok: false, entries: expectedSeq - 1, firstBad: { seq: expectedSeq, problem: 'entries out of sequence (an entry was removed or renumbered)' } };
    }
    return { ok: true, entries: expectedSeq - 1 };
  }
}

function checkEntry(entry: AuditEntry, expectedSeq: number, prevHash: string): string | null {
  if (entry.seq !== expectedSeq) return `expected entry ${expectedSeq} but found ${entry.seq} (an entry was removed)`;
  if (entry.prevHash !== prevHash) return 'its link to the previous entry does not match (an earlier entry was changed or removed)';
  if (hashAuditEntry(entry) !== entry.hash) return 'its contents do not match its hash (the entry was edited)';
  return null;
}

function toAuditEntry(row: unknown[]): AuditEntry {
  return {
    seq: Number(row[0]),
    at: String(row[1]),
    action: String(row[2]) as AuditAction,
    dataset: row[3] === null ? null : String(row[3]),
    detail: String(row[4]),
    rows: row[5] === null ? null : Number(row[5]),
    prevHash: String(row[6]),
    hash: String(row[7]),
  };
}
