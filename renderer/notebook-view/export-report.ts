/**
 * Export report in the app (the toolbar button, File › Export report in the desktop app): the same
 * self-contained HTML as `pmw run` (renderer/report/report-html.ts) from the cells' current results, plots drawn
 * on this page's document, the provenance from the catalog; handed to the user as a download.
 */
import type { Notebook, NotebookRuntimeApi } from '../notebook/notebook.js';
import { serializeNotebook } from '../notebook/format.js';
import type { Platform } from '../platform/platform.js';
import { datasetsUsed, sha256Hex } from '../report/provenance.js';
import { reportHtml } from '../report/report-html.js';

export async function exportReport(platform: Platform, notebook: Notebook, runtime: NotebookRuntimeApi, fileName: string): Promise<string> {
  const [catalog, info, version, policy] = await Promise.all([
    platform.engine.datasets(), platform.info(), platform.engine.query('select version() as v'),
    platform.engine.privacyPolicy().catch(() => null),
  ]);
  const duckdb = version.columns[0]?.data.kind === 'string' ? version.columns[0].data.values[0] ?? '' : '';
  const metaMin = notebook.meta['minCellCount'];
  const html = reportHtml(notebook, (cell) => runtime.state(cell.id), {
    datasets: datasetsUsed(notebook.cells, catalog),
    appVersion: info.appVersion, duckdbVersion: duckdb, time: new Date().toISOString(),
    notebookFile: fileName, notebookSha256: await sha256Hex(serializeNotebook(notebook)),
    minCellCount: typeof metaMin === 'number' ? metaMin : null, policy,
  }, document);
  const name = `${fileName.replace(/\.(md|markdown)$/i, '')}.html`;
  await platform.saveDownload(name, new Blob([html], { type: 'text/html' }));
  return name;
}
