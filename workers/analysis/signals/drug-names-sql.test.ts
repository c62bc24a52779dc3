import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { drugNamesSql, foldForMatch, foldNameSql, stripSaltSql } from './drug-names-sql.js';

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
});

async function normalized(name: string): Promise<string> {
  const reader = await connection.runAndReadAll(`SELECT ${stripSaltSql(foldNameSql('$1'))}`, [name]);
  return String(reader.getRowsJS()[0]?.[0]);
}

describe('drug names', () => {
  it('folds case, punctuation and spaces, and strips salt forms', async () => {
    expect(await normalized('Diclofenac Sodium')).toBe('DICLOFENAC');
    expect(await normalized(' diclofenac  potassium. ')).toBe('DICLOFENAC');
    expect(await normalized('Metformin Hydrochloride Monohydrate')).toBe('METFORMIN');
    expect(await normalized('Caféine-citrate')).toBe('CAFÉINE');
  });

  it('keeps a name made only of salt words', async () => {
    expect(await normalized('Sodium chloride')).toBe('SODIUM CHLORIDE');
    expect(await normalized('POTASSIUM CHLORIDE')).toBe('POTASSIUM CHLORIDE');
  });

  it('prefers prod_ai, splits multi-ingredient products, applies synonyms; verbatim leaves names alone', async () => {
    await connection.run(`CREATE OR REPLACE TABLE pv_drug AS SELECT * FROM (VALUES
      (1, 'PS', 'Vicoprofen', 'HYDROCODONE BITARTRATE\\IBUPROFEN'), (2, 'SS', 'Voltaren gel', ''), (3, 'C', 'aspirin', NULL)
    ) v(report_id, "role", drug, ingredient);
    CREATE OR REPLACE TABLE synonyms AS SELECT 'VOLTAREN GEL' AS name, 'DICLOFENAC' AS ingredient`);
    const rows = (await connection.runAndReadAll(`${drugNamesSql('pv_drug', 'normalized', 'synonyms')} ORDER BY ALL`)).getRowsJS();
    expect(rows).toEqual([[1, 'PS', 'HYDROCODONE'], [1, 'PS', 'IBUPROFEN'], [2, 'SS', 'DICLOFENAC'], [3, 'C', 'ASPIRIN']]);
    const verbatim = (await connection.runAndReadAll(`${drugNamesSql('pv_drug', 'verbatim', null)} ORDER BY ALL`)).getRowsJS();
    expect(verbatim.map((r) => r[2])).toEqual(['Vicoprofen', 'Voltaren gel', 'aspirin']);
  });

  it('folds what a user types the same way', () => {
    expect(foldForMatch(' Diclofenac  sodium', 'normalized', 'drug')).toBe('DICLOFENAC');
    expect(foldForMatch('sodium chloride', 'normalized', 'drug')).toBe('SODIUM CHLORIDE');
    expect(foldForMatch('Gastrointestinal  haemorrhage', 'normalized', 'event')).toBe('GASTROINTESTINAL HAEMORRHAGE');
    expect(foldForMatch('Prevagen', 'verbatim', 'drug')).toBe('Prevagen');
  });
});
