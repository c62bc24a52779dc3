import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnScan, FindingKind, PrivacyScan } from '../../../engine/api.js';
import { PmwError } from '../../../engine/errors.js';
import { plantedColumns, writePlantedTable, type PlantedColumn } from './planted-table.js';
import { scanTables, type ScanTarget } from './scan-tables.js';

const ROWS = 20_000;
const SEED = 20240607;

let connection: DuckDBConnection;
let columns: PlantedColumn[];
let target: ScanTarget;
let scan: Omit<PrivacyScan, 'dataset'>;

function scanned(name: string): ColumnScan | undefined {
  return scan.columns.find((c) => c.table === 'patients' && c.column === name);
}

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  columns = plantedColumns(SEED, ROWS);
  await writePlantedTable(connection, 'patients', columns);
  target = { table: 'patients', rows: ROWS, columns: columns.map((c) => ({ name: c.name, type: c.type })) };
  scan = await scanTables(connection, [target]);
});

afterAll(() => connection.closeSync());

describe('scanTables on planted identifiers', () => {
  it('is given every kind of finding the API names to find', () => {
    const kinds = new Set(columns.flatMap((c) => c.planted.map((p) => p.kind)));
    const all: FindingKind[] = ['person_name', 'national_id', 'ssn', 'phone', 'email', 'address', 'record_number', 'birth_date', 'postcode', 'pseudonymous_key'];
    expect([...kinds].sort()).toEqual([...all].sort());
  });

  it('finds each planted identifier in at least 99 % of the rows it was planted in, and in no other row', () => {
    for (const column of columns) {
      for (const planted of column.planted) {
        const finding = scanned(column.name)?.findings.find((f) => f.kind === planted.kind && f.evidence === planted.evidence);
        const found = finding?.rows ?? 0;
        expect({ column: column.name, ...planted, found: found >= 0.99 * planted.rows && found <= planted.rows })
          .toEqual({ column: column.name, ...planted, found: true });
      }
    }
  });

  it('has a recall of at least 99 % for every kind of structured identifier, by content and in free text', () => {
    const recall = new Map<string, { planted: number; found: number }>();
    for (const column of columns) {
      for (const planted of column.planted.filter((p) => p.evidence !== 'name' && p.kind !== 'pseudonymous_key')) {
        const key = `${planted.kind}/${planted.evidence}`;
        const finding = scanned(column.name)?.findings.find((f) => f.kind === planted.kind && f.evidence === planted.evidence);
        const sum = recall.get(key) ?? { planted: 0, found: 0 };
        recall.set(key, { planted: sum.planted + planted.rows, found: sum.found + (finding?.rows ?? 0) });
      }
    }
    const kinds: string[] = ['national_id/content', 'national_id/free_text', 'phone/content', 'phone/free_text', 'ssn/content',
      'ssn/free_text', 'email/content', 'email/free_text', 'birth_date/free_text'];
    expect([...recall.keys()].sort()).toEqual([...kinds].sort());
    for (const [key, { planted, found }] of recall) {
      expect(planted, key).toBeGreaterThan(300);
      expect(found / planted, key).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('reports nothing it was not given: look-alikes, names of things, dates, codes and numbers stay clear', () => {
    for (const column of columns) {
      const expected = column.planted.map((p) => `${p.kind}/${p.evidence}`).sort();
      const found = (scanned(column.name)?.findings ?? []).map((f) => `${f.kind}/${f.evidence}`).sort();
      expect({ column: column.name, found }).toEqual({ column: column.name, found: expected });
    }
    for (const clear of ['misc', 'order_no', 'lab_result', 'concept_code', 'concept_name', 'drug_name', 'care_site_name', '药品名称',
      'visit_date', 'order_number', 'amount', 'person_id', 'dob', 'zip3', 'surname', 'email']) {
      expect(scanned(clear), clear).toBeUndefined();
    }
  });

  it('gives each column the verdict its findings call for', () => {
    const verdict = (name: string): string | undefined => scanned(name)?.verdict;
    for (const name of ['patient_name', '姓名', '身份证号', 'MobilePhone', '联系电话', 'e-mail', '电子邮件', 'SSN', 'social_security_number',
      'home_address', '家庭住址', 'mrn', '病历号', 'field_a', 'field_b', 'field_c', 'field_d', 'value_x', 'value_y', 'notes', '病程记录']) {
      expect(verdict(name), name).toBe('identifier');
    }
    for (const name of ['date_of_birth', '出生日期', 'zip', '邮编']) expect(verdict(name), name).toBe('quasi_identifier');
    // `phone` holds HMAC digests (the hash transform's output): its name no longer makes it a phone column.
    for (const name of ['person_uuid', 'hashed_id', 'phone', 'visit_uuid']) expect(verdict(name), name).toBe('pseudonymous');
    expect(scan.identifierColumns).toBe(21);
    expect(scan.quasiIdentifierColumns).toBe(4);
    expect(scan.pseudonymousColumns).toBe(4);
    expect(scan.columnsScanned).toBe(columns.length);
    expect(scan.rows).toBe(ROWS);
  });

  it('states shares and non-null counts from the data', () => {
    const field = scanned('field_a')!;
    const nonNull = columns.find((c) => c.name === 'field_a')!.values.filter((v) => v !== null).length;
    expect(field.nonNull).toBe(nonNull);
    const finding = field.findings[0]!;
    expect(finding.share).toBeCloseTo(finding.rows / nonNull, 12);
    expect(scanned('patient_name')!.findings[0]).toMatchObject({ evidence: 'name', share: 1, rows: scanned('patient_name')!.nonNull });
  });

  it('shows up to three masked examples per finding, none of which holds a whole planted value', () => {
    for (const column of columns) {
      const result = scanned(column.name);
      if (!result) continue;
      const whole = [...column.identifiers, ...column.values.filter((v): v is string => v !== null && column.planted.some((p) => p.evidence !== 'free_text'))];
      for (const finding of result.findings) {
        expect(finding.examples.length, `${column.name} ${finding.kind}`).toBeGreaterThan(0);
        expect(finding.examples.length).toBeLessThanOrEqual(3);
        for (const example of finding.examples) {
          expect(example).toContain('*');
          const leaked = whole.find((value) => value.trim().length > 1 && example.includes(value.trim()));
          expect(leaked, `${column.name}: ${example}`).toBeUndefined();
        }
      }
    }
  });

  it('masks e-mail addresses as first letters and the top-level domain', () => {
    for (const example of scanned('e-mail')!.findings[1]!.examples) expect(example).toMatch(/^.\*\*\*@.\*\*\*\.[a-z]+$/);
  });
});

describe('scanTables options and errors', () => {
  it('reads as many examples as asked, none when asked for none', async () => {
    const one = await scanTables(connection, [target], { examples: 1 });
    expect(one.columns.every((c) => c.findings.every((f) => f.examples.length <= 1))).toBe(true);
    const none = await scanTables(connection, [target], { examples: 0 });
    expect(none.columns.flatMap((c) => c.findings.flatMap((f) => f.examples))).toEqual([]);
    await expect(scanTables(connection, [target], { examples: -1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('scans several tables, schema-qualified ones too, announcing each', async () => {
    await connection.run(`CREATE SCHEMA IF NOT EXISTS clinic2`);
    await connection.run(`CREATE OR REPLACE TABLE clinic2.contacts AS SELECT 'x' || i || '@example.org' AS contact, i AS n FROM range(10) t(i)`);
    const seen: [number, number, string][] = [];
    const two = await scanTables(connection, [target, { table: 'clinic2.contacts', rows: 10, columns: [{ name: 'contact', type: 'VARCHAR' }, { name: 'n', type: 'BIGINT' }] }], {
      onTable: (index, count, table) => seen.push([index, count, table]),
    });
    expect(seen).toEqual([[0, 2, 'patients'], [1, 2, 'clinic2.contacts']]);
    expect(two.rows).toBe(ROWS + 10);
    expect(two.columns.find((c) => c.table === 'clinic2.contacts')).toMatchObject({ column: 'contact', verdict: 'identifier', nonNull: 10 });
    expect(two.columnsScanned).toBe(columns.length + 2);
  });

  it('stops between statements when cancelled', async () => {
    let calls = 0;
    const stop = new PmwError({ code: 'CANCELLED', message: 'the scan was cancelled' });
    const run = scanTables(connection, [target, target], { throwIfCancelled: () => { if (++calls === 2) throw stop; } });
    await expect(run).rejects.toBe(stop);
    expect(calls).toBe(2);
  });

  it('names the table when it cannot be read', async () => {
    const missing = scanTables(connection, [{ table: 'no_such_table', rows: 0, columns: [{ name: 'x', type: 'VARCHAR' }] }]);
    await expect(missing).rejects.toMatchObject({ code: 'QUERY_ERROR', message: expect.stringContaining('no_such_table') });
  });

  it('lists nothing for an empty table', async () => {
    await connection.run(`CREATE OR REPLACE TABLE empty_people (patient_name VARCHAR, phone VARCHAR)`);
    const empty = await scanTables(connection, [{ table: 'empty_people', rows: 0, columns: [{ name: 'patient_name', type: 'VARCHAR' }, { name: 'phone', type: 'VARCHAR' }] }]);
    expect(empty).toMatchObject({ rows: 0, columns: [], columnsScanned: 2, identifierColumns: 0 });
  });
});

