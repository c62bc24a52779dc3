import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { expect } from 'vitest';
import { Task } from '../../db/tasks.js';
import type { Dataset, DatasetKind, ImportRequest, Progress, QualityCheck, QualityReport } from '../../engine/api.js';
import { AuditLog } from '../../engine/audit-log.js';
import { describeTable, insertDataset } from '../../engine/catalog.js';
import { ensureWorkspaceSchema } from '../../engine/workspace-schema.js';
import { importFaers } from '../../import/faers/import-faers.js';
import { importTableFile } from '../../import/import-file.js';
import { importOmop } from '../../import/omop/import-omop.js';
import { importReports } from '../../import/reports/import-reports.js';
import { inspectSource } from '../../import/source.js';
import { importVcf } from '../../import/vcf/import-vcf.js';
import { qualityReport } from './quality-report.js';

export interface QualityWorkspace {
  connection: DuckDBConnection;
  task: Task;
  audit: AuditLog;
  progress: Progress[];
  /** Runs statements in order. */
  run(...sql: string[]): Promise<void>;
  /** Creates a table from a column list (`id BIGINT, d DATE`) and rows of SQL literals (`1, DATE '2020-01-01'`). */
  table(name: string, columns: string, rows: string[]): Promise<void>;
  /** The first value of the first row. */
  scalar(sql: string): Promise<number>;
  /** A catalog-shaped dataset over tables that exist now (`catalog: true` also writes it to `_catalog`). */
  dataset(kind: DatasetKind, name: string, tables: string[], options?: { catalog?: boolean }): Promise<Dataset>;
  report(dataset: Dataset): Promise<Omit<QualityReport, 'elapsedMs'>>;
  /** Imports a file or folder with the real importer of `request.kind`. */
  importFile(request: ImportRequest & { kind: DatasetKind }): Promise<Dataset>;
  close(): void;
}

/** An in-memory workspace (catalog and audit tables included) and a task on it that records its progress. */
export async function qualityWorkspace(): Promise<QualityWorkspace> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await ensureWorkspaceSchema(connection, ':memory:');
  const audit = new AuditLog();
  await audit.load(connection);
  const progress: Progress[] = [];
  const task = new Task('quality-test', 'the quality report', connection, (p) => progress.push(p));
  const scalar = async (sql: string) => Number((await connection.runAndReadAll(sql)).getRowsJS()[0]?.[0] ?? Number.NaN);
  return {
    connection, task, audit, progress, scalar,
    async run(...sql) {
      for (const statement of sql) await connection.run(statement);
    },
    async table(name, columns, rows) {
      await connection.run(`CREATE TABLE ${name} (${columns})`);
      if (rows.length > 0) await connection.run(`INSERT INTO ${name} VALUES ${rows.map((r) => `(${r})`).join(', ')}`);
    },
    async dataset(kind, name, tables, options = {}) {
      const described = [];
      for (const table of tables) described.push(await describeTable(connection, table));
      const dataset: Dataset = {
        id: `id-${name}`, name, kind, sourceFile: `/fixtures/${name}`, sha256: '0'.repeat(64),
        rows: described[0]?.rows ?? 0, tables: described, importedAt: new Date(0).toISOString(),
        description: 'quality fixture', licence: 'test', privacy: null,
      };
      if (options.catalog) await insertDataset(connection, dataset);
      return dataset;
    },
    report: (dataset) => qualityReport(task, dataset),
    async importFile(request) {
      const importers = {
        table: async () => importTableFile(task, audit, await inspectSource(request.path), request),
        reports: async () => importReports(task, audit, await inspectSource(request.path), request),
        faers: () => importFaers(task, audit, request),
        omop: () => importOmop(task, audit, request),
        vcf: () => importVcf(task, audit, request),
      };
      return (await importers[request.kind]()).dataset;
    },
    close: () => { connection.closeSync(); instance.closeSync(); },
  };
}

/** The check with this id; fails the test naming the ids there are when it is missing. */
export function checkById(report: { checks: QualityCheck[] }, id: string): QualityCheck {
  const check = report.checks.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}; the report has ${report.checks.map((c) => c.id).join(', ')}`);
  return check;
}

/** Failing and denominator of a check, for compact assertions. */
export function counts(report: { checks: QualityCheck[] }, id: string): [number, number] {
  const check = checkById(report, id);
  return [check.failing, check.denominator];
}

/** Rows that the check's listing SQL returns: it must equal the check's failing count. */
export async function listedRows(workspace: QualityWorkspace, check: QualityCheck): Promise<number> {
  return workspace.scalar(`SELECT count(*) FROM (${check.sql})`);
}

/** Asserts each check's [failing, denominator], the check's id in the message of a mismatch. */
export function expectCounts(report: { checks: QualityCheck[] }, expected: Record<string, [number, number]>): void {
  for (const [id, figures] of Object.entries(expected)) expect([id, counts(report, id)]).toEqual([id, figures]);
}

/** Asserts that exactly the checks with planted problems failed. */
export function expectFailed(report: { checks: QualityCheck[] }, expected: Record<string, [number, number]>): void {
  const failed = report.checks.filter((c) => c.status === 'fail').map((c) => c.id).sort();
  expect(failed).toEqual(Object.keys(expected).filter((id) => expected[id]![0] > 0).sort());
}

/** Asserts that each check's listing SQL returns exactly its failing rows. */
export async function expectListingsMatch(workspace: QualityWorkspace, checks: QualityCheck[]): Promise<void> {
  for (const check of checks) expect([check.id, await listedRows(workspace, check)]).toEqual([check.id, check.failing]);
}

/** Nothing fails, and nothing but informational null shares has a failing row. */
export function expectClean(report: { checks: QualityCheck[] }): void {
  expect(report.checks.filter((c) => c.status === 'fail' || (c.failing > 0 && c.threshold < 1))).toEqual([]);
}

/**
 * The LOINC Users' Guide, Appendix C, step by step as written there: the odd-position digits (from the
 * right) read as one number and doubled, the even-position digits put in front, the digits of the result
 * summed, and the distance up to the next multiple of 10 (0 when the sum is one). A reference for the
 * tests, independent of the SQL, which doubles digit by digit.
 */
export function guideCheckDigit(number: string): number {
  const fromRight = [...number].reverse();
  const odd = fromRight.filter((_, i) => i % 2 === 0).reverse().join('') || '0';
  const even = fromRight.filter((_, i) => i % 2 === 1).reverse().join('');
  const step5 = even + String(BigInt(odd) * 2n);
  const sum = [...step5].reduce((total, digit) => total + Number(digit), 0);
  return (10 - (sum % 10)) % 10;
}
