import type { AssociationResult } from '../workers/engine/api.js';
import type { VcfManifest } from './generate-vcf.js';
import { formatCount, formatMB, formatMs, formatRate } from './format.js';
import type { CommandRun } from './measured-command.js';

/** What the generated file holds. */
export function vcfDataLines(manifest: VcfManifest): string[] {
  const calls = manifest.samples * manifest.records;
  const p = manifest.planted;
  return [
    `data: ${formatCount(manifest.samples)} samples × ${formatCount(manifest.records)} records (${formatCount(manifest.altAlleles)} ALT alleles, ` +
      `${formatCount(manifest.multiallelicRecords)} multi-allelic records), FORMAT ${manifest.format}, seed ${manifest.seed}`,
    `data: ${formatMB(manifest.textBytes)} of VCF text in ${formatMB(manifest.fileBytes)} of BGZF (${formatCount(manifest.blocks)} blocks)`,
    `data: ${formatCount(manifest.nonReferenceCalls)} non-reference calls (${((100 * manifest.nonReferenceCalls) / calls).toFixed(1)} % of calls), ` +
      `${formatCount(manifest.missingCalls)} missing; ${formatCount(manifest.cases)} cases, ${formatCount(manifest.controls)} controls`,
    `data: planted ${p.rsid} (${p.chrom}:${p.pos} ${p.ref}>${p.alt}), ALT frequency ${p.caseFreq} in cases and ${p.controlFreq} in controls; drawn ` +
      `${p.acCases}/${p.anCases} = ${(p.acCases / p.anCases).toFixed(3)} and ${p.acControls}/${p.anControls} = ${(p.acControls / p.anControls).toFixed(3)}, ` +
      `OR ${oddsRatio(p.acCases, p.anCases, p.acControls, p.anControls).toFixed(3)}`,
  ];
}

function oddsRatio(acCases: number, anCases: number, acControls: number, anControls: number): number {
  return (acCases * (anControls - acControls)) / ((anCases - acCases) * acControls);
}

/** `5.91 s, peak RSS 7 MiB, CPU 5.80 s`. */
export function commandLine(run: CommandRun): string {
  const cpu = Number.isNaN(run.cpuMs) ? '' : `, CPU ${formatMs(run.cpuMs)}`;
  return `${formatMs(run.ms)}, peak RSS ${formatMiB(run.peakRssMiB)}${cpu}`;
}

export function formatMiB(mib: number): string {
  return Number.isNaN(mib) ? '—' : `${formatCount(Math.round(mib))} MiB`;
}

/** Throughput of a pass over the file, by its text and by its compressed bytes. */
export function rateLine(what: string, ms: number, manifest: VcfManifest): string {
  return `${what}: ${formatRate(manifest.textBytes, ms)} of VCF text, ${formatRate(manifest.fileBytes, ms)} of BGZF`;
}

/** What the association call reported besides its time. */
export function associationLine(result: AssociationResult): string {
  const rows = result.page.totalRows === undefined ? '' : `, ${formatCount(result.page.totalRows)} rows`;
  return `association: ${formatCount(result.variants)} variants, ${formatCount(result.cases)} cases, ${formatCount(result.controls)} controls, ` +
    `${formatCount(result.samplesWithoutPhenotype)} samples without a phenotype; result table ${result.resultTable}${rows}`;
}

/** One row of the pmw-beside-plink table. */
export interface SideBySide {
  figure: string;
  pmw: string;
  plink: string;
  target: string;
  result: string;
}

export function sideBySideLines(rows: readonly SideBySide[]): string[] {
  const header: SideBySide = { figure: 'figure', pmw: 'pmw', plink: 'plink1.9', target: 'target', result: 'result' };
  const keys = ['figure', 'pmw', 'plink', 'target', 'result'] as const;
  const all = [header, ...rows];
  const widths = keys.map((k) => Math.max(...all.map((r) => r[k].length)));
  return all.map((r) => `  ${keys.map((k, i) => (i === 1 || i === 2 ? r[k].padStart(widths[i]!) : r[k].padEnd(widths[i]!))).join('  ')}`.trimEnd());
}
