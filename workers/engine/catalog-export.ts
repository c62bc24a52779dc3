/**
 * The workspace's catalog as a data-resource directory entry: DCAT 2 (W3C Recommendation, 2020) in JSON-LD,
 * with schema.org Dataset terms alongside and SPDX for checksums, so both DCAT harvesters and schema.org
 * readers find title, description, licence, source, checksum, row counts, temporal coverage and variables.
 */
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CatalogDocument, Dataset, DatasetTable } from './api.js';
import { quoteTableName } from './catalog.js';
import { quoteIdentifier } from '../db/quote.js';
import { ENGINE_VERSION } from './version.js';

export const CATALOG_CONTEXT: Record<string, string> = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  schema: 'https://schema.org/',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  pmw: 'urn:pmw:terms:',
};

const KIND_DESCRIPTIONS: Record<string, string> = {
  omop: 'clinical data in the OMOP Common Data Model (v5.4 tables)',
  faers: 'FDA Adverse Event Reporting System quarterly data (de-duplicated reports, drugs, reactions)',
  reports: 'adverse-event reports mapped to report, drug and event tables',
  vcf: 'genomic variants and genotype calls from a VCF file',
  table: 'a table imported from a delimited text or Parquet file',
};

/** Dates that describe the data's time span: OMOP observation periods, else every date column but birth dates. */
function temporalColumns(dataset: Dataset): { table: string; column: string }[] {
  const observation = dataset.tables.find((t) => /(^|\.)observation_period$/.test(t.table));
  if (dataset.kind === 'omop' && observation) {
    return ['observation_period_start_date', 'observation_period_end_date']
      .filter((c) => observation.columns.some((col) => col.name === c)).map((column) => ({ table: observation.table, column }));
  }
  return dataset.tables.flatMap((t) => t.columns
    .filter((c) => /^(DATE|TIMESTAMP)/i.test(c.type) && !/birth|dob/i.test(c.name))
    .map((c) => ({ table: t.table, column: c.name })));
}

async function temporalCoverage(connection: DuckDBConnection, dataset: Dataset): Promise<{ start: string; end: string } | null> {
  const columns = temporalColumns(dataset);
  if (columns.length === 0) return null;
  const parts = columns.map(({ table, column }) =>
    `SELECT min(${quoteIdentifier(column)})::DATE AS lo, max(${quoteIdentifier(column)})::DATE AS hi FROM ${quoteTableName(table)}`);
  const reader = await connection.runAndReadAll(`SELECT min(lo)::VARCHAR, max(hi)::VARCHAR FROM (${parts.join(' UNION ALL ')})`);
  const [start, end] = reader.getRowsJS()[0] ?? [];
  return start === null || start === undefined || end === null || end === undefined ? null : { start: String(start), end: String(end) };
}

function variables(tables: DatasetTable[]): Record<string, unknown>[] {
  return tables.flatMap((t) => t.columns.map((c) => ({
    '@type': 'schema:PropertyValue',
    'schema:name': c.name,
    'schema:valueReference': t.table,
    'pmw:type': c.type,
  })));
}

function provenance(dataset: Dataset): string | null {
  const transforms = dataset.privacy?.transforms ?? [];
  if (transforms.length === 0) return null;
  return `de-identified in pmw: ${transforms.map((a) => {
    const t = a.transform;
    return `${t.kind} of ${a.table}.${t.kind === 'shiftDates' ? t.columns.join('/') : t.column}`;
  }).join('; ')}`;
}

async function describeDataset(connection: DuckDBConnection, dataset: Dataset): Promise<Record<string, unknown>> {
  const coverage = await temporalCoverage(connection, dataset);
  const history = provenance(dataset);
  const description = dataset.description || KIND_DESCRIPTIONS[dataset.kind] || dataset.kind;
  return {
    '@id': `urn:uuid:${dataset.id}`,
    '@type': ['dcat:Dataset', 'schema:Dataset'],
    'dct:identifier': dataset.id,
    'dct:title': dataset.name,
    'schema:name': dataset.name,
    'dct:description': description,
    'schema:description': description,
    'dct:license': dataset.licence || null,
    'schema:license': dataset.licence || null,
    'dct:source': basename(dataset.sourceFile),
    'dct:type': dataset.kind,
    'dcat:keyword': [dataset.kind],
    'dct:issued': { '@value': dataset.importedAt, '@type': 'xsd:dateTime' },
    'spdx:checksum': { '@type': 'spdx:Checksum', 'spdx:algorithm': 'spdx:checksumAlgorithm_sha256', 'spdx:checksumValue': dataset.sha256 },
    'pmw:rows': dataset.rows,
    ...(coverage ? {
      'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': { '@value': coverage.start, '@type': 'xsd:date' }, 'dcat:endDate': { '@value': coverage.end, '@type': 'xsd:date' } },
      'schema:temporalCoverage': `${coverage.start}/${coverage.end}`,
    } : {}),
    ...(history ? { 'dct:provenance': { '@type': 'dct:ProvenanceStatement', 'dct:description': history } } : {}),
    'dcat:distribution': dataset.tables.map((t) => ({
      '@type': 'dcat:Distribution',
      'dct:title': t.table,
      'dcat:mediaType': 'application/vnd.duckdb',
      'pmw:rows': t.rows,
      'pmw:columns': t.columns.length,
    })),
    'schema:variableMeasured': variables(dataset.tables),
  };
}

export async function describeCatalog(connection: DuckDBConnection, datasets: Dataset[]): Promise<CatalogDocument> {
  const entries: Record<string, unknown>[] = [];
  for (const dataset of datasets) entries.push(await describeDataset(connection, dataset));
  return {
    '@context': CATALOG_CONTEXT,
    '@type': 'dcat:Catalog',
    'dct:title': 'Precision Medicine Workbench workspace',
    'dct:modified': { '@value': new Date().toISOString(), '@type': 'xsd:dateTime' },
    'dct:publisher': `pmw ${ENGINE_VERSION}`,
    'dcat:dataset': entries,
  };
}
