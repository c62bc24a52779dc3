/**
 * DuckDB as a CodeMirror SQL dialect: PostgreSQL's keywords, types and built-ins (DuckDB follows PostgreSQL's
 * grammar) plus the words DuckDB adds (docs: duckdb.org/docs/sql — QUALIFY, PIVOT, ASOF and POSITIONAL joins,
 * SUMMARIZE, `* EXCLUDE (…)`, `COLUMNS(…)`, the read_* table functions, nested types). Identifiers are
 * case-insensitive in DuckDB, so completion does not quote mixed-case names.
 */
import { PostgreSQL, SQLDialect } from '@codemirror/lang-sql';

const DUCKDB_KEYWORDS = 'qualify pivot unpivot pivot_wider pivot_longer asof positional anti semi sample tablesample reservoir bernoulli ' +
  'summarize describe exclude replace columns struct_pack list_value union_by_name install load attach detach pragma ' +
  'macro glob ilike similar lambda filter within';

const DUCKDB_TYPES = 'hugeint uhugeint utinyint usmallint uinteger ubigint tinyint varint list struct map union enum blob uuid ' +
  'timestamptz timestamp_s timestamp_ms timestamp_ns interval json';

const DUCKDB_BUILTINS = 'read_csv read_csv_auto read_parquet read_json read_json_auto parquet_scan glob range generate_series unnest ' +
  'list_aggregate list_transform list_filter string_agg approx_count_distinct approx_quantile quantile_cont quantile_disc median mode ' +
  'arg_max arg_min date_diff date_trunc date_part strftime strptime epoch regexp_matches regexp_extract regexp_replace ' +
  'struct_extract list_contains histogram corr covar_pop stddev_samp var_samp';

export const DUCKDB = SQLDialect.define({
  ...PostgreSQL.spec,
  keywords: `${PostgreSQL.spec.keywords ?? ''} ${DUCKDB_KEYWORDS}`,
  types: `${PostgreSQL.spec.types ?? ''} ${DUCKDB_TYPES}`,
  builtin: `${PostgreSQL.spec.builtin ?? ''} ${DUCKDB_BUILTINS}`,
  caseInsensitiveIdentifiers: true,
});
