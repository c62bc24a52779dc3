import { describe, expect, it } from 'vitest';
import type { DatasetTable, KAnonymityClasses } from '../../../engine/api.js';
import { kAnonymity } from './k-anonymity.js';
import { useMemoryConnection } from '../transforms/testing.js';

const db = useMemoryConnection(async (connection) => {
  await connection.run(`CREATE SCHEMA ward;
    CREATE TABLE ward.admission (id INTEGER, age INTEGER, sex VARCHAR, zip VARCHAR, admitted DATE, weight DOUBLE);
    INSERT INTO ward.admission VALUES
      ( 1, 34, 'F',  '100083', '2020-03-14', 61.5),
      ( 2, 36, 'F',  '100083', '2020-03-02', 70.1),
      ( 3, 31, 'F',  '100083', '2020-07-21', 55.0),
      ( 4, 34, 'M',  '100081', '2020-03-14', 80.2),
      ( 5, 45, 'M',  '200031', '2021-01-05', 90.0),
      ( 6, 47, 'M',  '200032', '2021-01-20', 77.7),
      ( 7, 45, 'M',  '200031', '2021-11-30', 82.3),
      ( 8, 45, 'M',  '200031', '2021-11-30', 68.9),
      ( 9, 62, 'F',  '300012', '2019-05-05', 59.4),
      (10, 62, 'F',  '300015', '2019-05-06', 63.0),
      (11, 93, NULL, '300019', '2019-05-05', 48.2),
      (12, 34, 'F',  '100083', '2020-03-14', 66.6)`);
});

const ADMISSION: DatasetTable = { table: 'ward.admission', rows: 12, columns: [] };

function figures(columns: string[], classes: number, smallestClass: number, classesBelowK: number, recordsBelowK: number): KAnonymityClasses {
  return { columns, classes, smallestClass, recordsBelowK, classesBelowK };
}

describe('kAnonymity on ward.admission (12 rows), counted by hand', () => {
  it('finds the classes, the drivers and the suggestions over age, sex, zip with k = 2', async () => {
    const result = await kAnonymity(db.connection, ADMISSION, { dataset: 'ward', quasiIdentifiers: ['age', 'sex', 'zip'], k: 2 });
    // (age, sex, zip) classes, rows in braces:
    //   (34,F,100083){1,12}  (36,F,100083){2}  (31,F,100083){3}  (34,M,100081){4}  (45,M,200031){5,7,8}
    //   (47,M,200032){6}  (62,F,300012){9}  (62,F,300015){10}  (93,null,300019){11}
    // 9 classes, smallest 1, seven classes of one row below k = 2: 7 records.
    expect(result).toMatchObject({ table: 'ward.admission', k: 2, records: 12, ...figures(['age', 'sex', 'zip'], 9, 1, 7, 7) });
    // age: 34{1,4,12} 36{2} 31{3} 45{5,7,8} 47{6} 62{9,10} 93{11} → 7 classes, 4 of one row.
    // sex: F{1,2,3,9,10,12} M{4,5,6,7,8} null{11} → 3 classes, 1 of one row.
    // zip: 100083{1,2,3,12} 100081{4} 200031{5,7,8} 200032{6} 300012{9} 300015{10} 300019{11} → 7 classes, 5 of one row.
    // (age,sex): (34,F){1,12} (36,F) (31,F) (34,M) (45,M){5,7,8} (47,M) (62,F){9,10} (93,null) → 8 classes, 5 of one row.
    // (age,zip): as the full set without sex → 9 classes, 7 of one row.
    // (sex,zip): (F,100083){1,2,3,12} (M,100081) (M,200031){5,7,8} (M,200032) (F,300012) (F,300015) (null,300019) → 7, 5 of one row.
    // Most records below k first; ties: more classes below k, then fewer columns, then the order of the pairs.
    expect(result.drivers).toEqual([
      figures(['age', 'zip'], 9, 1, 7, 7),
      figures(['zip'], 7, 1, 5, 5),
      figures(['age', 'sex'], 8, 1, 5, 5),
      figures(['sex', 'zip'], 7, 1, 5, 5),
      figures(['age'], 7, 1, 4, 4),
      figures(['sex'], 3, 1, 1, 1),
    ]);
    // Suggestions, each over (generalised column, the other two):
    //   zip to 3 characters: (34,F,100){1,12} (36,F,100) (31,F,100) (34,M,100) (45,M,200){5,7,8} (47,M,200)
    //     (62,F,300){9,10} (93,null,300) → 8 classes, 5 below.  To 2 characters: the same classes, so not kept.
    //   zip values held by < 2 rows → null: 100081, 200032, 300012, 300015, 300019 go; (34,M,null){4}
    //     (47,M,null){6} (62,F,null){9,10} (93,null,null){11} … → 8 classes, 5 below.
    //   age in 10-year bands: (30-39,F,100083){1,2,3,12} (30-39,M,100081) (40-49,M,200031){5,7,8} (40-49,M,200032)
    //     (60-69,F,300012) (60-69,F,300015) (90+,null,300019) → 7 classes, 5 below.
    //   age in 5-year bands: (30-34,F,100083){1,3,12} (35-39,F,100083){2} (30-34,M,100081) (45-49,M,200031){5,7,8}
    //     (45-49,M,200032) (60-64,F,300012) (60-64,F,300015) (90+,null,300019) → 8 classes, 6 below.
    //   sex: F and M both hold ≥ 2 rows, so suppressing rare sexes changes nothing: not kept.
    // Order: 5 below with 8 classes (truncate, then suppressRare, as tried), 5 below with 7 classes, then 6 below.
    expect(result.suggestions.map((s) => [s.transform, s.result])).toEqual([
      [{ kind: 'truncate', column: 'zip', table: 'ward.admission', keep: 3 }, figures(['age', 'sex', 'zip'], 8, 1, 5, 5)],
      [{ kind: 'suppressRare', column: 'zip', table: 'ward.admission', minCount: 2, replacement: null }, figures(['age', 'sex', 'zip'], 8, 1, 5, 5)],
      [{ kind: 'ageBands', column: 'age', table: 'ward.admission', width: 10, topCode: 90 }, figures(['age', 'sex', 'zip'], 7, 1, 5, 5)],
      [{ kind: 'ageBands', column: 'age', table: 'ward.admission', width: 5, topCode: 90 }, figures(['age', 'sex', 'zip'], 8, 1, 6, 6)],
    ]);
    expect(result.suggestions[0]?.description).toBe('zip cut to its first 3 characters: 5 records in classes below k = 2 (now 7)');
  });

  it('suggests month and year for a date, over sex and admitted with k = 2', async () => {
    const result = await kAnonymity(db.connection, ADMISSION, { dataset: 'ward', quasiIdentifiers: ['sex', 'admitted'], k: 2 });
    // (sex, admitted): (F,2020-03-14){1,12} and (M,2021-11-30){7,8} are pairs; the other 8 rows stand alone → 10 classes, 8 below.
    expect(result).toMatchObject(figures(['sex', 'admitted'], 10, 1, 8, 8));
    // admitted alone: 2020-03-14{1,4,12} 2021-11-30{7,8} 2019-05-05{9,11}; 03-02, 07-21, 01-05, 01-20, 05-06 alone → 8 classes, 5 below.
    expect(result.drivers).toEqual([figures(['sex', 'admitted'], 10, 1, 8, 8), figures(['admitted'], 8, 1, 5, 5), figures(['sex'], 3, 1, 1, 1)]);
    // month: (F,2020-03){1,2,12} (F,2020-07){3} (M,2020-03){4} (M,2021-01){5,6} (M,2021-11){7,8} (F,2019-05){9,10} (null,2019-05){11} → 7 classes, 3 below.
    // year: (F,2020){1,2,3,12} (M,2020){4} (M,2021){5,6,7,8} (F,2019){9,10} (null,2019){11} → 5 classes, 2 below.
    expect(result.suggestions.map((s) => [s.transform, s.result])).toEqual([
      [{ kind: 'generalizeDate', column: 'admitted', table: 'ward.admission', to: 'year' }, figures(['sex', 'admitted'], 5, 1, 2, 2)],
      [{ kind: 'generalizeDate', column: 'admitted', table: 'ward.admission', to: 'month' }, figures(['sex', 'admitted'], 7, 1, 3, 3)],
    ]);
  });

  it('has nothing to suggest when no class is below k, and offers no generalisation of a measurement', async () => {
    const one = await kAnonymity(db.connection, ADMISSION, { dataset: 'ward', quasiIdentifiers: ['sex', 'weight'], k: 1 });
    expect(one).toMatchObject({ k: 1, classes: 12, smallestClass: 1, recordsBelowK: 0, classesBelowK: 0, suggestions: [] });
    const weight = await kAnonymity(db.connection, ADMISSION, { dataset: 'ward', quasiIdentifiers: ['weight'] });
    // Twelve distinct weights, default k = 5: every record is alone, and a weight is neither an age nor a category.
    expect(weight).toMatchObject({ k: 5, classes: 12, recordsBelowK: 12, suggestions: [] });
  });

  it('gives zeros for an empty table', async () => {
    await db.connection.run('CREATE TABLE ward.empty AS SELECT * FROM ward.admission LIMIT 0');
    const result = await kAnonymity(db.connection, { table: 'ward.empty', rows: 0, columns: [] }, { dataset: 'ward', quasiIdentifiers: ['age', 'sex'] });
    expect(result).toMatchObject({ records: 0, ...figures(['age', 'sex'], 0, 0, 0, 0), suggestions: [] });
    expect(result.drivers).toEqual([figures(['age'], 0, 0, 0, 0), figures(['sex'], 0, 0, 0, 0), figures(['age', 'sex'], 0, 0, 0, 0)]);
  });

  it.each<[string, unknown, unknown, RegExp, RegExp]>([
    ['k = 0', ['age'], 0, /k must be a whole number of at least 1, not 0/, /k = 5/],
    ['k = 2.5', ['age'], 2.5, /not 2.5/, /k = 5/],
    ['no columns', [], 5, /at least one column/, /columns of ward\.admission: id, age, sex/],
    ['an unknown column', ['age', 'postcode', 'dob'], 5, /ward\.admission has no column "postcode", "dob"/, /id, age, sex, zip, admitted, weight/],
    ['a repeated column', ['age', 'age'], 5, /"age" is listed twice/, /once/],
  ])('refuses %s as BAD_REQUEST', async (_name, quasiIdentifiers, k, message, hint) => {
    const error = await kAnonymity(db.connection, ADMISSION, { dataset: 'ward', quasiIdentifiers: quasiIdentifiers as string[], k: k as number })
      .then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((error as Error).message).toMatch(message);
    expect((error as { hint: string }).hint).toMatch(hint);
  });
});
