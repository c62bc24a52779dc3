/**
 * What a report was made from: the datasets its cells read (by name in SQL, or `dataset` in a spec), with their
 * checksums from the catalog, the versions, the time and the notebook's own checksum, and the workspace's
 * privacy policy: the small-cell policy the analyses applied, identifier handling at import, date shifting.
 */
import type { Dataset, PrivacyPolicy } from '../../workers/engine/api.js';
import { formatNumber, t } from '../i18n/i18n.js';
import { escapeHtml } from '../notebook/output-html.js';
import type { Cell } from '../notebook/notebook.js';
import { sqlIdentifiers } from '../notebook/sql-identifiers.js';

export interface Provenance {
  datasets: Dataset[];
  appVersion: string;
  duckdbVersion: string;
  /** ISO 8601, UTC. */
  time: string;
  notebookFile: string;
  notebookSha256: string;
  /** The notebook's own `minCellCount` (front matter), when it sets one. */
  minCellCount: number | null;
  /** The workspace's privacy policy when the report was made (Engine.privacyPolicy()); null when it could not be read. */
  policy: PrivacyPolicy | null;
}

/** The small-cell policy the analyses applied: the workspace's minimum, raised by the notebook's when larger. */
export function smallCellPolicyText(p: Pick<Provenance, 'minCellCount' | 'policy'>): string {
  const policy = p.policy ?? null;
  if (policy === null) return p.minCellCount === null ? t('nb.report.minCellCountDefault') : t('nb.report.minCellCountValue', { min: String(p.minCellCount) });
  const applied = Math.max(policy.minCellCount, p.minCellCount ?? 0);
  const main = applied === 0 ? t('nb.report.policyNone') : t('nb.report.policyApplied', { min: String(applied), max: String(applied - 1) });
  const source = applied > policy.minCellCount
    ? t('nb.report.policyNotebook', { notebook: String(applied), workspace: String(policy.minCellCount) })
    : t('nb.report.policyWorkspace', { workspace: String(policy.minCellCount) });
  return `${main} ${source} ${t('nb.report.policySql')}`;
}

function identifierPolicyText(policy: PrivacyPolicy): string {
  return t('nb.report.identifierPolicy', { action: t(`priv.policy.action.${policy.onIdentifiers}`), days: String(policy.dateShiftDays) });
}

/** SHA-256 (hex) of the notebook's text with Web Crypto, which Node and browsers both have. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function specDatasets(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) { for (const v of value) specDatasets(v, found); return; }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'dataset' && typeof inner === 'string') found.add(inner.toLowerCase());
    else specDatasets(inner, found);
  }
}

/** The catalog entries the cells name, in catalog order. */
export function datasetsUsed(cells: readonly Cell[], catalog: readonly Dataset[]): Dataset[] {
  const names = new Set<string>();
  for (const cell of cells) {
    if (cell.kind === 'sql') {
      for (const identifier of sqlIdentifiers(cell.source)) if (!identifier.qualified) names.add(identifier.text.toLowerCase());
    } else if (cell.kind !== 'markdown' && cell.kind !== 'plot') {
      try { specDatasets(JSON.parse(cell.source), names); } catch { /* a bad spec fails its own cell */ }
    }
  }
  return catalog.filter((d) => names.has(d.name.toLowerCase()) || names.has(d.id.toLowerCase()));
}

export function provenanceHtml(p: Provenance): string {
  const datasets = p.datasets.length === 0 ? `<p>${escapeHtml(t('nb.report.noDatasets'))}</p>`
    : `<table><thead><tr>${[t('nb.report.dataset'), t('nb.report.kind'), t('nb.report.sha256'), t('nb.report.rows')].map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>`
      + p.datasets.map((d) => `<tr><td>${escapeHtml(d.name)}</td><td>${escapeHtml(d.kind)}</td><td class="sha256"><code>${escapeHtml(d.sha256)}</code></td><td class="num">${escapeHtml(formatNumber(d.rows))}</td></tr>`).join('')
      + '</tbody></table>';
  const facts: [string, string][] = [
    [t('nb.report.notebook'), p.notebookFile], [t('nb.report.notebookSha'), p.notebookSha256], [t('nb.report.appVersion'), p.appVersion],
    [t('nb.report.duckdbVersion'), p.duckdbVersion], [t('nb.report.time'), p.time], [t('nb.report.minCellCount'), smallCellPolicyText(p)],
    ...(p.policy ? [[t('nb.report.identifiers'), identifierPolicyText(p.policy)] as [string, string]] : []),
  ];
  return `<footer class="provenance"><h2>${escapeHtml(t('nb.report.provenance'))}</h2>${datasets}<dl>`
    + facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('') + `</dl><p class="note">${escapeHtml(t('nb.report.generated'))}</p></footer>`;
}
