import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/helpers/temp-dir.js';
import { WorkspaceEngine } from './engine.js';

const OMOP = new URL('../../samples/small/omop/', import.meta.url).pathname;
const CAERS = join(FIXTURES, 'caers.csv');

/** A column of a plain CSV (no quoted fields), read without DuckDB. */
function csvColumn(file: string, name: string): string[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const index = header!.split(',').indexOf(name);
  return lines.map((l) => l.split(',')[index]!);
}

type Entry = Record<string, unknown>;

describe('the catalog export (DCAT / schema.org in JSON-LD)', () => {
  const engine = new WorkspaceEngine();
  let entries: Entry[];
  let document: Entry;
  beforeAll(async () => {
    await engine.openWorkspace(':memory:');
    await engine.importFile({ path: OMOP, kind: 'omop', name: 'omop', description: 'synthetic OMOP sample', licence: 'CC0-1.0' });
    await engine.importFile({ path: CAERS, licence: 'public domain' });
    document = await engine.exportCatalog() as Entry;
    entries = document['dcat:dataset'] as Entry[];
  });
  afterAll(() => engine.close());

  it('is a dcat:Catalog with the vocabularies it uses in its context', () => {
    expect(document['@type']).toBe('dcat:Catalog');
    expect(document['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', schema: 'https://schema.org/' });
    expect(entries.map((e) => e['dct:title'])).toEqual(['omop', 'caers']);
    // Round trip: what a harvester reads is plain JSON.
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('describes each dataset: title, description, licence, source, checksum, rows, variables', async () => {
    const [omop, caers] = entries as [Entry, Entry];
    expect(omop).toMatchObject({ '@type': ['dcat:Dataset', 'schema:Dataset'], 'dct:description': 'synthetic OMOP sample', 'dct:license': 'CC0-1.0', 'dct:source': 'omop' });
    const caersBytes = readFileSync(CAERS);
    expect(caers['spdx:checksum']).toMatchObject({ 'spdx:checksumValue': createHash('sha256').update(caersBytes).digest('hex') });
    expect(caers['dct:source']).toBe('caers.csv');
    expect(caers['pmw:rows']).toBe(readFileSync(CAERS, 'utf8').trim().split('\n').length - 1);
    const header = readFileSync(CAERS, 'utf8').split('\n')[0]!.split(',');
    expect((caers['schema:variableMeasured'] as Entry[]).map((v) => v['schema:name'])).toEqual(header);
    const datasets = await engine.datasets();
    const omopColumns = datasets[0]!.tables.reduce((n, t) => n + t.columns.length, 0);
    expect((omop['schema:variableMeasured'] as Entry[])).toHaveLength(omopColumns);
    expect((omop['dcat:distribution'] as Entry[]).map((d) => [d['dct:title'], d['pmw:rows']])).toEqual(datasets[0]!.tables.map((t) => [t.table, t.rows]));
  });

  it('gives the temporal coverage of an OMOP dataset from its observation periods', () => {
    const starts = csvColumn(join(OMOP, 'observation_period.csv'), 'observation_period_start_date').sort();
    const ends = csvColumn(join(OMOP, 'observation_period.csv'), 'observation_period_end_date').sort();
    const omop = entries[0]!;
    expect(omop['schema:temporalCoverage']).toBe(`${starts[0]}/${ends.at(-1)}`);
    expect(omop['dct:temporal']).toMatchObject({ 'dcat:startDate': { '@value': starts[0] }, 'dcat:endDate': { '@value': ends.at(-1) } });
    expect(entries[1]!['dct:temporal']).toBeUndefined(); // caers has no date column
  });

  it('is audited as an export', async () => {
    const [entry] = await engine.audit({ limit: 1 });
    expect(entry).toMatchObject({ action: 'export' });
  });
});
