import { createHmac } from 'node:crypto';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';

/** An in-memory DuckDB for the privacy tests; `close` frees it. */
async function memoryConnection(): Promise<{ connection: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return { connection, close: () => { connection.closeSync(); instance.closeSync(); } };
}

/**
 * Opens an in-memory DuckDB before the file's tests (running `setup` on it) and closes it after them;
 * the tests reach it as `db.connection`.
 */
export function useMemoryConnection(setup?: (connection: DuckDBConnection) => Promise<void>): { readonly connection: DuckDBConnection } {
  let opened: Awaited<ReturnType<typeof memoryConnection>> | undefined;
  beforeAll(async () => {
    opened = await memoryConnection();
    await setup?.(opened.connection);
  });
  afterAll(() => opened?.close());
  return {
    get connection(): DuckDBConnection {
      if (opened === undefined) throw new Error('the test database is opened in beforeAll');
      return opened.connection;
    },
  };
}

/** Rows of a query as plain objects (BIGINT → bigint, DATE → Date, …). */
export async function queryRows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

/** A fixed workspace secret for tests: bytes 0x00, 0x11, …, 0xff, 0x00, … (32 bytes, every nibble used). */
export const TEST_SECRET_HEX = '00112233445566778899aabbccddeeff'.repeat(2);

/**
 * Two small hand-written tables in schema `clinic`: five persons (one with a Chinese name, one without a
 * name, one without a birth date) and four visits, for checking transforms value by value.
 */
export async function createClinicTables(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE SCHEMA IF NOT EXISTS clinic;
    CREATE OR REPLACE TABLE clinic.person (person_id BIGINT, name VARCHAR, birth_date DATE, age INTEGER, postcode VARCHAR, gender VARCHAR);
    INSERT INTO clinic.person VALUES
      (1, '张伟', '1950-03-04', 74, '100083', 'M'),
      (2, 'Li Na', '1988-11-30', 35, '100084', 'F'),
      (3, 'O''Brien', '1931-01-01', 93, '200001', 'F'),
      (4, NULL, '2001-06-15', 23, NULL, 'M'),
      (5, 'Wang Fang', NULL, NULL, '100083', 'X');
    CREATE OR REPLACE TABLE clinic.visit (person_id INTEGER, visit_start DATE, visit_end TIMESTAMP, ward VARCHAR);
    INSERT INTO clinic.visit VALUES
      (1, '2020-01-01', '2020-01-03 10:00:00', 'A'),
      (1, '2020-06-01', NULL, 'B'),
      (2, '2021-02-28', '2021-03-01 08:00:00', 'A'),
      (5, NULL, NULL, 'C');`);
}

/** HMAC-SHA-256 hex of a text under TEST_SECRET_HEX, by node:crypto: the independent reference. */
export function referenceHmacHex(text: string): string {
  return createHmac('sha256', Buffer.from(TEST_SECRET_HEX, 'hex')).update(text, 'utf8').digest('hex');
}

/** A person's date shift computed in Node: first 8 digest bytes, big-endian, mod (2N + 1), minus N. */
export function referenceDateShift(person: string, maxDays: number): number {
  const digest = Buffer.from(referenceHmacHex(`pmw-date-shift:${person}`), 'hex');
  return Number(digest.readBigUInt64BE(0) % BigInt(2 * maxDays + 1)) - maxDays;
}
