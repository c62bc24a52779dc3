import { describe, expect, it } from 'vitest';
import type { Transform } from '../../../engine/api.js';
import { Random } from '../../../../samples/generate/random.js';
import { applyTransforms } from '../transforms/apply-transforms.js';
import { TEST_SECRET_HEX, useMemoryConnection } from '../transforms/testing.js';
import { kAnonymity } from './k-anonymity.js';

const db = useMemoryConnection();

/** 3,000 seeded patients: ages 0–104 (a few null), three sexes, clustered 6-digit postcodes, dates, a rare-ish ethnicity. */
async function createPatients(): Promise<void> {
  const random = new Random(23, 'k-anonymity-patients');
  await db.connection.run(`CREATE SCHEMA IF NOT EXISTS registry;
    CREATE OR REPLACE TABLE registry.patient (age_years SMALLINT, sex VARCHAR, postcode VARCHAR, birth_date DATE, seen_at TIMESTAMP, ethnicity VARCHAR, region INTEGER)`);
  const appender = await db.connection.createAppender('patient', 'registry');
  const ethnicities = ['han', 'han', 'han', 'han', 'zhuang', 'hui', 'manchu', 'uyghur', 'miao', 'yi', 'tujia', 'tibetan', 'mongol', 'dong', 'buyei', 'yao', 'bai'];
  for (let i = 0; i < 3000; i++) {
    if (random.bernoulli(0.02)) appender.appendNull(); else appender.appendSmallInt(Math.min(104, Math.floor(random.exponential(1 / 40))));
    appender.appendVarchar(random.pick(['F', 'M', 'F', 'M', 'X']));
    appender.appendVarchar(`${random.integer(10, 14)}${random.integer(0, 9)}${String(random.integer(0, 999)).padStart(3, '0')}`);
    appender.appendVarchar(`19${random.integer(20, 99)}-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`);
    if (random.bernoulli(0.05)) appender.appendNull(); else appender.appendVarchar(`202${random.integer(0, 3)}-0${random.integer(1, 9)}-1${random.integer(0, 9)} 12:00:00`);
    appender.appendVarchar(random.pick(ethnicities) + (random.bernoulli(0.01) ? `-${random.integer(1, 50)}` : ''));
    appender.appendInteger(random.integer(1, 40));
    appender.endRow();
  }
  appender.closeSync();
}

describe('suggestions predict what applying them gives', () => {
  it.each<[string[], number]>([
    [['age_years', 'sex', 'postcode'], 5],
    [['birth_date', 'sex'], 3],
    [['seen_at', 'ethnicity', 'region'], 5],
    [['age_years', 'ethnicity'], 11],
  ])('over %j with k = %i, kAnonymity after applyTransforms equals each suggestion\'s figures', async (quasiIdentifiers, k) => {
    await createPatients();
    const patient = { table: 'registry.patient', rows: 0, columns: [] };
    const report = await kAnonymity(db.connection, patient, { dataset: 'registry', quasiIdentifiers, k });
    expect(report.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of report.suggestions) {
      expect(suggestion.result.recordsBelowK).toBeLessThan(report.recordsBelowK);
      await db.connection.run('CREATE OR REPLACE TABLE registry.scratch AS FROM registry.patient');
      const scratch = { table: 'registry.scratch', rows: 0, columns: [] };
      const transform = { ...suggestion.transform, table: scratch.table } as Transform;
      await applyTransforms(db.connection, [transform], { secretHex: TEST_SECRET_HEX, tables: [scratch], dateShiftDays: 180 });
      const after = await kAnonymity(db.connection, scratch, { dataset: 'registry', quasiIdentifiers, k });
      const { columns, classes, smallestClass, recordsBelowK, classesBelowK } = after;
      expect({ columns, classes, smallestClass, recordsBelowK, classesBelowK }).toEqual(suggestion.result);
    }
    const order = report.suggestions.map((s) => s.result.recordsBelowK);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
