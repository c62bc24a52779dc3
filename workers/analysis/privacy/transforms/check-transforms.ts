import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo, Transform } from '../../../engine/api.js';
import { quoteIdentifier, quoteLiteral } from '../../../db/quote.js';
import { describeTable, quoteTableName } from '../../../engine/catalog.js';
import { PmwError } from '../../../engine/errors.js';
import { checkTransformShape } from './check-transform-shape.js';
import { isDateType, isNumberType, isTextType } from './column-types.js';
import { ageBandMisfitsSql } from './generalize-sql.js';
import { readCount } from './read-count.js';
import { transformRefused, type TransformPlace } from './transform-error.js';
import { transformedSelect, type TransformKeys } from './transform-sql.js';

/** A transform that passed every check, with what applying it needs. */
export interface PlannedTransform {
  /** 1-based position in the request. */
  position: number;
  /** As requested, with `table` and the defaults written out. */
  transform: Transform;
  table: string;
  /** The table's column types just before this transform (after the earlier ones in the list). */
  types: ReadonlyMap<string, string>;
}

/** A table as the transforms before the current one leave it: its columns and a query that gives its rows. */
interface TableState {
  columns: ColumnInfo[];
  relation: string;
}

/**
 * Checks every transform against the tables as the transforms before it leave them (a column dropped or
 * hashed by an earlier transform is gone or text for the later ones) and against the data where the
 * data decides (negative ages, dates without a person key). Reads only; throws BAD_REQUEST naming the
 * transform's position, table and column at the first problem.
 */
export async function checkTransforms(
  connection: DuckDBConnection,
  transforms: readonly unknown[],
  tables: readonly string[],
  keys: Required<TransformKeys>,
): Promise<PlannedTransform[]> {
  if (!Array.isArray(transforms)) throw new PmwError({ code: 'BAD_REQUEST', message: 'transforms must be a list', hint: 'send a list of transforms' });
  const states = new Map<string, TableState>();
  const planned: PlannedTransform[] = [];
  for (const [index, value] of transforms.entries()) {
    const position = index + 1;
    const shaped = checkTransformShape(value, position, keys.dateShiftDays);
    const table = shaped.table ?? tables[0];
    if (table === undefined || !tables.includes(table)) {
      throw transformRefused({ position, kind: shaped.kind, ...(table === undefined ? {} : { table }) },
        tables.length === 0 ? 'the dataset has no tables' : `the dataset has no table "${table}"`,
        `its tables are: ${tables.join(', ')}`);
    }
    const transform: Transform = { ...shaped, table };
    let state = states.get(table);
    if (state === undefined) {
      state = { columns: (await describeTable(connection, table)).columns, relation: quoteTableName(table) };
      states.set(table, state);
    }
    const types = new Map(state.columns.map((c) => [c.name, c.type]));
    await checkColumns(connection, transform, { position, kind: transform.kind, table }, state, types);
    planned.push({ position, transform, table, types });
    state.relation = `(${transformedSelect(state.relation, transform, types, keys)})`;
    state.columns = columnsAfter(transform, state.columns);
  }
  return planned;
}

/** The table's columns once `transform` is applied: `drop` removes one, `hash` and `ageBands` make text. */
function columnsAfter(transform: Transform, columns: ColumnInfo[]): ColumnInfo[] {
  if (transform.kind === 'drop') return columns.filter((c) => c.name !== transform.column);
  if (transform.kind !== 'hash' && transform.kind !== 'ageBands') return columns;
  return columns.map((c) => (c.name === transform.column ? { name: c.name, type: 'VARCHAR' } : c));
}

async function checkColumns(connection: DuckDBConnection, transform: Transform, place: TransformPlace, state: TableState, types: Map<string, string>): Promise<void> {
  const typeOf = (column: string): string => {
    const type = types.get(column);
    if (type === undefined) {
      throw transformRefused({ ...place, column }, `the table has no column "${column}" (an earlier transform may have dropped it)`,
        `its columns are: ${state.columns.map((c) => c.name).join(', ')}`);
    }
    return type;
  };
  const needType = (column: string, fits: (type: string) => boolean, wanted: string, hint: string): void => {
    const type = typeOf(column);
    if (!fits(type)) throw transformRefused({ ...place, column }, `the column is ${type}, ${transform.kind} needs ${wanted}`, hint);
  };
  switch (transform.kind) {
    case 'drop':
      typeOf(transform.column);
      if (state.columns.length === 1) throw transformRefused({ ...place, column: transform.column }, 'it is the table\'s last column', 'drop the table instead, or keep the column');
      return;
    case 'hash':
      typeOf(transform.column);
      return;
    case 'truncate':
      needType(transform.column, isTextType, 'text (VARCHAR)', 'cast the column to VARCHAR first, or use suppressRare');
      return;
    case 'generalizeDate':
      needType(transform.column, isDateType, 'a DATE or TIMESTAMP', 'cast the column to DATE first (TIMESTAMP WITH TIME ZONE is not accepted)');
      return;
    case 'ageBands': {
      needType(transform.column, isNumberType, 'numbers', 'cast the ages to a number type first');
      const column = quoteIdentifier(transform.column);
      const invalid = await readCount(connection, ageBandMisfitsSql(state.relation, column));
      if (invalid > 0) {
        throw transformRefused({ ...place, column: transform.column }, `${invalid === 1 ? '1 row holds' : `${invalid} rows hold`} a negative age or NaN, which fits no band`,
          'fix or null those values first (the quality report lists them)');
      }
      return;
    }
    case 'suppressRare': {
      const type = typeOf(transform.column);
      if (transform.replacement === null || transform.replacement === undefined || isTextType(type)) return;
      const fits = await readCount(connection, `SELECT count(*) FROM (SELECT TRY_CAST(${quoteLiteral(transform.replacement)} AS ${type}) AS v) WHERE v IS NOT NULL`);
      if (fits === 0) {
        throw transformRefused({ ...place, column: transform.column }, `the replacement "${transform.replacement}" is not a value of type ${type}`,
          'give a replacement of the column\'s type, or leave it out to use null');
      }
      return;
    }
    case 'shiftDates':
      return checkShiftDates(connection, transform, place, state, typeOf);
  }
}

async function checkShiftDates(
  connection: DuckDBConnection,
  transform: Extract<Transform, { kind: 'shiftDates' }>,
  place: TransformPlace,
  state: TableState,
  typeOf: (column: string) => string,
): Promise<void> {
  typeOf(transform.person);
  for (const column of transform.columns) {
    const type = typeOf(column);
    if (!isDateType(type)) {
      throw transformRefused({ ...place, column }, `the column is ${type}, shiftDates needs DATE or TIMESTAMP columns`,
        'cast it to DATE first (TIMESTAMP WITH TIME ZONE is not accepted), or leave it out');
    }
  }
  const anyDate = transform.columns.map((c) => `${quoteIdentifier(c)} IS NOT NULL`).join(' OR ');
  const keyless = await readCount(connection, `SELECT count(*) FROM ${state.relation} WHERE ${quoteIdentifier(transform.person)} IS NULL AND (${anyDate})`);
  if (keyless > 0) {
    throw transformRefused({ ...place, column: transform.person }, `${keyless === 1 ? '1 row has' : `${keyless} rows have`} dates but no person key, so no offset`,
      'remove those rows or give them a key first (left unshifted they would keep their real dates)');
  }
}
