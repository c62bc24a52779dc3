import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { duckDBErrorText, isInterrupt } from '../../db/duckdb-errors.js';
import type { Task } from '../../db/tasks.js';
import type { ImportRequest, ImportResult } from '../../engine/api.js';
import type { AuditLog } from '../../engine/audit-log.js';
import { datasetsWithHash } from '../../engine/catalog.js';
import { cancelledError, PmwError } from '../../engine/errors.js';
import { recordDatasetAndCommit } from '../record-dataset.js';
import { chooseSchemaName, claimSchemaName } from '../reports/dataset-schema.js';
import { annotationLayouts } from './annotations.js';
import { beginDatasetSchema } from './begin-dataset-schema.js';
import { planInfoColumns, type InfoColumn } from './info-columns.js';
import { readVcf, type VcfReadSummary } from './read-vcf.js';
import type { ParserConfig } from './record-parser.js';
import { readSampleMapping, type SampleLinks } from './sample-mapping.js';
import { createVcfTablesSql, VARIANT_COLUMNS, VCF_TABLES } from './vcf-tables.js';
import { parseVcfHeader, usesPercentEncoding, type VcfHeader } from './vcf-header.js';
import { VcfTableWriter } from './vcf-table-writer.js';
import { noteWarnings } from './vcf-warnings.js';
import { createGenotypeView, writeHeaderTables, writeSampleLinks, writeUndeclaredInfo } from './write-vcf-metadata.js';

/** The file as found before reading it, to tell whether it changed while it was read. */
interface VcfFile {
  path: string;
  fileName: string;
  size: number;
  mtimeMs: number;
}

async function inspectVcfFile(path: string): Promise<VcfFile> {
  const absolute = resolve(path);
  const info = await stat(absolute).catch(() => {
    throw new PmwError({ code: 'FILE_NOT_FOUND', message: `${absolute} does not exist`, hint: 'check the path and try again', file: absolute });
  });
  if (info.isDirectory()) throw new PmwError({ code: 'BAD_REQUEST', message: `${absolute} is a folder, not a VCF file`, hint: 'name the .vcf or .vcf.gz file', file: absolute });
  if (info.size === 0) {
    throw new PmwError({ code: 'FILE_EMPTY', message: `${basename(absolute)} is empty (0 bytes)`, hint: 'the file may not have finished copying; copy it again', file: absolute });
  }
  return { path: absolute, fileName: basename(absolute), size: info.size, mtimeMs: info.mtimeMs };
}

async function assertVcfUnchanged(file: VcfFile): Promise<void> {
  const now = await stat(file.path).catch(() => null);
  if (!now || now.size !== file.size || now.mtimeMs !== file.mtimeMs) {
    throw new PmwError({
      code: 'FILE_CHANGED', message: `${file.fileName} was ${now ? 'changed' : 'deleted or moved'} while it was being imported`,
      hint: 'nothing was imported; wait until the file is complete and import it again', file: file.path,
    });
  }
}

/** `cohort.vcf.gz` → `cohort`. */
export function datasetNameFromVcf(fileName: string): string {
  return fileName.replace(/\.(gz|bgz|bgzf)$/i, '').replace(/\.vcf$/i, '');
}

/** What the header produced, kept for the steps after the data. */
interface HeaderPlan {
  header: VcfHeader;
  infoColumns: InfoColumn[];
  writer: VcfTableWriter;
  links: SampleLinks | null;
}

/**
 * Imports one VCF (plain, gzip or BGZF) as a dataset: a schema named after it holding `variant`,
 * `sample`, `vcf_sample`, `genotype_packed`, `genotype_calls` (and the `genotype` view over it),
 * `annotation`, `vcf_header` and `vcf_field` (docs/vcf.md), written in one transaction with the catalog
 * and audit entries. The file is read once: hashed, parsed and appended as it streams.
 */
export async function importVcf(task: Task, audit: AuditLog, req: ImportRequest): Promise<ImportResult> {
  const started = Date.now();
  const file = await inspectVcfFile(req.path);
  const connection = task.connection;
  // The appenders flush by running a query on this thread, which spins computing DuckDB's progress estimate
  // while a row group is written (a core's worth of the wait); the import reports its own progress from the
  // bytes read. The task's connection is closed after the import.
  await connection.run('SET enable_progress_bar = false');
  const { name, note } = await chooseSchemaName(connection, req.name ?? datasetNameFromVcf(file.fileName));
  await claimSchemaName(connection, name, req.replace === true);
  try {
    const replaced = await beginDatasetSchema(connection, name, req.replace === true);
    let plan: HeaderPlan | null = null;
    const summary = await readVcf(task, file.path, {
      onHeader: async (lines) => {
        plan = await startTables(task, name, file.path, lines, req.vcf?.samples);
        return { header: plan.header, config: parserConfig(plan) };
      },
      onBatch: (batch, firstLine) => plan!.writer.write(batch, firstLine),
    });
    task.throwIfCancelled();
    const done = plan as HeaderPlan | null;
    if (!done) throw new Error('the VCF header was not read');
    task.report('finishing', null, `writing the last rows of ${name}`);
    done.writer.close();
    await assertVcfUnchanged(file);
    const sameContent = await datasetsWithHash(connection, summary.sha256);
    const firstCopy = sameContent[0];
    if (firstCopy && req.onDuplicate !== 'import') {
      await connection.run('ROLLBACK');
      return { dataset: firstCopy, duplicateOf: firstCopy.id, sameContentAs: sameContent.map((d) => d.id), elapsedMs: Date.now() - started };
    }
    task.report('finishing', null, `writing the header, samples and links of ${name}`);
    const result = await finishDataset(task, audit, req, name, file, done, summary, replaced?.id ?? null, note);
    return { ...result, sameContentAs: sameContent.map((d) => d.id), elapsedMs: Date.now() - started };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    if (task.cancelled || isInterrupt(error)) throw cancelledError(`the import of ${file.fileName}`);
    if (error instanceof PmwError) throw error;
    const text = duckDBErrorText(error).split('\n')[0] ?? 'unknown error';
    throw new PmwError({ code: 'INTERNAL', message: `the import of ${file.fileName} failed: ${text}`, file: file.path });
  }
}

async function startTables(task: Task, schema: string, path: string, lines: string[], samplesFile: string | undefined): Promise<HeaderPlan> {
  const header = parseVcfHeader(lines, path);
  const links = samplesFile ? await readSampleMapping(samplesFile, header.samples) : null;
  const infoColumns = planInfoColumns(header.info.values(), VARIANT_COLUMNS.map(([column]) => column));
  for (const sql of createVcfTablesSql(schema, infoColumns)) await task.connection.run(sql);
  const writer = await VcfTableWriter.open(task.connection, schema, infoColumns, header.samples.length);
  return { header, infoColumns, writer, links };
}

function parserConfig(plan: HeaderPlan): ParserConfig {
  return {
    samples: plan.header.samples, infoColumns: plan.infoColumns, annotationLayouts: annotationLayouts(plan.header.info),
    percentEncoded: usesPercentEncoding(plan.header.version),
    formatNumbers: Object.fromEntries([...plan.header.format.values()].map((f) => [f.id, f.number])), checkEveryRecord: false,
  };
}

async function finishDataset(
  task: Task, audit: AuditLog, req: ImportRequest, name: string, file: VcfFile, plan: HeaderPlan, summary: VcfReadSummary,
  replaced: string | null, nameNote: string | null,
): Promise<Omit<ImportResult, 'sameContentAs' | 'elapsedMs'>> {
  const connection = task.connection;
  const { header, writer, links } = plan;
  await writeHeaderTables(connection, name, header, plan.infoColumns);
  const undeclared = await writeUndeclaredInfo(connection, name, plan.infoColumns, writer.undeclaredInfo);
  if (links) await writeSampleLinks(connection, name, links.links);
  await createGenotypeView(connection, name);
  const warnings = [
    ...(nameNote ? [`the dataset is named ${name}: ${nameNote}`] : []),
    ...header.warnings,
    ...noteWarnings(summary.notes),
    ...(undeclared.size > 0 ? [`INFO keys used but not declared in the header, kept as text: ${[...undeclared].map(([k, c]) => `${k} (${c})`).join(', ')}`] : []),
    ...(summary.compression === 'bgzf' && !summary.bgzfEndMarker ? ['the BGZF file has no end-of-file marker block: it may be truncated (all of its blocks were read)'] : []),
    ...(links && links.unknownSamples.length > 0 ? [`${links.unknownSamples.length} sample${links.unknownSamples.length === 1 ? '' : 's'} of the mapping file ${links.unknownSamples.length === 1 ? 'is' : 'are'} not in the VCF: ${links.unknownSamples.slice(0, 5).join(', ')}${links.unknownSamples.length > 5 ? ', …' : ''}`] : []),
  ];
  const counts = {
    samples: header.samples.length, records: writer.counts.records, variants: writer.counts.variants,
    multiallelicRecords: writer.counts.multiallelicRecords, sparseCalls: writer.counts.sparseCalls, annotations: writer.counts.annotations,
    infoColumns: plan.infoColumns.length + undeclared.size, linkedSamples: links?.links.length ?? 0, lines: summary.lines,
    vcfVersion: header.version === null ? 0 : Number(header.version),
  };
  task.report('finishing', null, `saving ${name} in the workspace`);
  const dataset = await recordDatasetAndCommit(connection, audit, {
    transforms: req.transforms, throwIfCancelled: () => task.throwIfCancelled(),
    name, kind: 'vcf', sourceFile: file.path, sha256: summary.sha256,
    tables: VCF_TABLES.map((t) => `${name}.${t}`),
    description: req.description, licence: req.licence,
    detail: {
      kind: 'vcf', source: file.path, sha256: summary.sha256, vcfVersion: header.version, compression: summary.compression,
      samplesFile: req.vcf?.samples ?? null, parseThreads: summary.parseThreads, counts, warnings, replaced,
    },
  });
  return { dataset, counts, warnings };
}
