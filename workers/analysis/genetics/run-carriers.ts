/**
 * Samples carrying chosen variants — by id or rsid, or every qualifying variant of a gene (impact,
 * frequency) — decoded from the packed calls of those variants only. A carrier has at least
 * `minAltCount` (default 1) copies of the ALT among its called alleles (a half-call `./1` carries one).
 * `gt` is the call as the file wrote it when the sparse `genotype` table has it, else written from the
 * packed byte (packed-calls.ts gtOf).
 */
import { pageQuery } from '../../db/page-query.js';
import { quoteLiteral } from '../../db/quote.js';
import type { Task } from '../../db/tasks.js';
import type { CarrierQuery, Dataset, ResultPage } from '../../engine/api.js';
import { PmwError } from '../../engine/errors.js';
import { ALT_COPIES_MASK, gtOf } from './packed-calls.js';
import { scanPackedCalls } from './scan-packed-calls.js';
import { checkImpacts, geneSql, impactSql, maxAfSql } from './variant-filters.js';
import { vcfSchemaOf } from './vcf-schema.js';

const CARRIERS = 'pmw_carriers';

export const CARRIER_COLUMNS = ['sample', 'person_id', 'variant_id', 'chrom', 'pos', 'ref', 'alt', 'rsid', 'gene', 'alt_count', 'gt'] as const;

export async function runCarriers(task: Task, dataset: Dataset, query: CarrierQuery): Promise<ResultPage> {
  const schema = vcfSchemaOf(dataset);
  const minAltCount = checkedMinAltCount(query.minAltCount);
  const selected = `SELECT v.variant_id FROM ${schema}.variant v WHERE ${carrierVariantsSql(query)}`;
  const connection = task.connection;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${CARRIERS} (variant_id INTEGER, sample_idx INTEGER, alt_count INTEGER, gt VARCHAR)`);
  try {
    const variants = Number((await connection.runAndReadAll(`SELECT count(*) FROM (${selected})`)).getRowsJS()[0]?.[0] ?? 0);
    const appender = await connection.createAppender(CARRIERS, 'main', 'temp');
    const withCarriers = new Set<number>();
    await scanPackedCalls(task, `SELECT g.variant_id, g.calls FROM ${schema}.genotype_packed g WHERE g.variant_id IN (${selected})`, variants, (id, calls) => {
      for (let s = 0; s < calls.length; s++) {
        const copies = calls[s]! & ALT_COPIES_MASK;
        if (copies < minAltCount) continue;
        withCarriers.add(id);
        appender.appendInteger(id);
        appender.appendInteger(s);
        appender.appendInteger(copies);
        appender.appendVarchar(gtOf(calls[s]!));
        appender.endRow();
      }
    });
    appender.closeSync();
    // The GT as written, from the `genotype` view, read for these variants only: the view expands the
    // calls of every variant it is not kept from, and a constant list is what reaches its scans.
    const ids = withCarriers.size ? [...withCarriers].join(', ') : '-1';
    const sql = `WITH written AS (SELECT variant_id, sample_idx, gt FROM ${schema}.genotype WHERE variant_id IN (${ids}))
      SELECT s.sample, l.person_id, c.variant_id, v.chrom, v.pos, v.ref, v.alt, v.rsid, v.gene, c.alt_count,
        coalesce(g.gt, c.gt) AS gt
      FROM ${CARRIERS} c
      JOIN ${schema}.variant v ON v.variant_id = c.variant_id
      JOIN ${schema}.sample s ON s.sample_idx = c.sample_idx
      LEFT JOIN ${schema}.vcf_sample l ON l.sample = s.sample
      LEFT JOIN written g ON g.variant_id = c.variant_id AND g.sample_idx = c.sample_idx
      ORDER BY c.variant_id, c.sample_idx, l.person_id`;
    return await pageQuery(task, sql, { limit: query.limit, offset: query.offset, count: true });
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${CARRIERS}`);
  }
}

/** Which variants: listed ids and rsids, and/or the qualifying variants of a gene. */
export function carrierVariantsSql(query: Omit<CarrierQuery, 'dataset'>): string {
  const ids = (query.variants ?? []).filter((v): v is number => typeof v === 'number');
  const rsids = (query.variants ?? []).filter((v): v is string => typeof v === 'string');
  if (ids.some((id) => !Number.isInteger(id))) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `variant ids are whole numbers (${ids.join(', ')})`, hint: 'name variants by variant_id or by rsid' });
  }
  const picks: string[] = [];
  if (ids.length) picks.push(`v.variant_id IN (${ids.join(', ')})`);
  if (rsids.length) picks.push(`v.rsid IN (${rsids.map((r) => quoteLiteral(r.trim())).join(', ')})`);
  if (query.gene !== undefined && query.gene !== '') {
    const tests = [geneSql(query.gene)];
    const impacts = checkImpacts(query.impact);
    if (impacts.length) tests.push(impactSql(impacts));
    if (query.maxAf !== undefined) tests.push(maxAfSql(query.maxAf));
    picks.push(tests.map((t) => `(${t})`).join(' AND '));
  }
  if (picks.length === 0) {
    throw new PmwError({ code: 'BAD_REQUEST', message: 'no variants were chosen', hint: 'give variant ids or rsids, or a gene (with impact and maxAf filters)' });
  }
  return picks.map((p) => `(${p})`).join(' OR ');
}

function checkedMinAltCount(value: number | undefined): number {
  const n = value ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > 7) {
    throw new PmwError({ code: 'BAD_REQUEST', message: `minAltCount must be a whole number from 1 to 7, not ${String(value)}`, hint: '1 = carriers, 2 = homozygous (diploid)' });
  }
  return n;
}
