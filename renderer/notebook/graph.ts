/**
 * Which earlier cells each cell reads (docs/notebooks.md, "Dependencies"): named cells whose names appear as
 * identifiers in its SQL (outside strings and comments, not after a `.`), the cell its `data=` names, and the
 * cohort cells its JSON spec names (spec-references.ts). Names are matched case-insensitively, as SQL does.
 * Naming a cell further down is an error on the cell (it would be a cycle or depend on file order); a SQL cell
 * mentioning its own name (a column called like the cell) is not a dependency.
 */
import type { PmwErrorData } from '../../workers/engine/api.js';
import { ANALYSIS_KINDS, type AnalysisKind, type Cell } from './notebook.js';
import { NotebookError } from './notebook-error.js';
import { parseJsonSpec } from './json-spec.js';
import { specReferences } from './spec-references.js';
import { lineAndColumnAt, sqlIdentifiers } from './sql-identifiers.js';

export interface NotebookGraph {
  /** Cell id → ids of the cells it reads directly, in notebook order. */
  dependencies: Map<string, string[]>;
  /** Cell id → what is wrong with its references. */
  errors: Map<string, PmwErrorData>;
}

interface Mention { name: string; line: number; column: number; via: 'sql' | 'data' | 'spec' }

function mentions(cell: Cell): Mention[] {
  const found: Mention[] = [];
  if (cell.kind === 'sql') {
    for (const identifier of sqlIdentifiers(cell.source)) {
      if (!identifier.qualified) found.push({ name: identifier.text, ...lineAndColumnAt(cell.source, identifier.index), via: 'sql' });
    }
  }
  if (cell.attrs.data !== undefined) found.push({ name: cell.attrs.data, line: 0, column: 0, via: 'data' });
  if ((ANALYSIS_KINDS as readonly string[]).includes(cell.kind)) {
    let spec: unknown;
    try { spec = parseJsonSpec(cell.source, cell.kind); } catch { spec = undefined; }
    for (const name of spec === undefined ? [] : specReferences(cell.kind as AnalysisKind, spec)) {
      const at = cell.source.indexOf(JSON.stringify(name));
      found.push({ name, ...lineAndColumnAt(cell.source, Math.max(0, at)), via: 'spec' });
    }
  }
  return found;
}

function referenceError(message: string, mention: Mention, hint: string): NotebookError {
  return new NotebookError({ code: 'BAD_REQUEST', message, hint, ...(mention.line > 0 ? { line: mention.line, column: mention.column } : {}) });
}

export function buildGraph(cells: readonly Cell[]): NotebookGraph {
  const position = new Map<string, number>();
  cells.forEach((cell, index) => { if (cell.name !== undefined) position.set(cell.name.toLowerCase(), index); });
  const dependencies = new Map<string, string[]>();
  const errors = new Map<string, PmwErrorData>();
  cells.forEach((cell, index) => {
    const direct = new Set<number>();
    try {
      for (const mention of mentions(cell)) {
        const at = position.get(mention.name.toLowerCase());
        const named = at === undefined ? undefined : cells[at]!;
        if (at === index && mention.via === 'sql') continue;
        if (named === undefined || at === undefined) {
          if (mention.via === 'sql') continue;
          throw referenceError(`no cell is named ${mention.name}`, mention, 'name an earlier cell (its name= attribute)');
        }
        if (at >= index) {
          throw referenceError(`${mention.name} names ${at === index ? 'this cell itself' : 'a cell further down'}; a cell can only read the cells above it`,
            mention, at === index ? 'name another cell' : `move this cell below ${mention.name}, or rename one of them`);
        }
        if (mention.via === 'spec' && named.kind !== 'cohort') {
          throw referenceError(`${mention.name} is a ${named.kind} cell, but a cohort is needed here`, mention, 'name a cohort cell');
        }
        direct.add(at);
      }
      if (cell.kind === 'plot' && cell.attrs.data === undefined) {
        throw new NotebookError({ code: 'BAD_REQUEST', message: 'a plot cell needs data=NAME, the cell whose rows it draws', hint: 'e.g. ```plot data=users' });
      }
    } catch (error) {
      if (!(error instanceof NotebookError)) throw error;
      errors.set(cell.id, error.toData());
    }
    dependencies.set(cell.id, [...direct].sort((a, b) => a - b).map((i) => cells[i]!.id));
  });
  return { dependencies, errors };
}

/** Every cell `id` reads, directly or through others, in notebook order. */
export function transitiveDependencies(graph: NotebookGraph, cells: readonly Cell[], id: string): string[] {
  const seen = new Set<string>();
  const visit = (current: string): void => {
    for (const dependency of graph.dependencies.get(current) ?? []) {
      if (!seen.has(dependency)) { seen.add(dependency); visit(dependency); }
    }
  };
  visit(id);
  return cells.filter((c) => seen.has(c.id)).map((c) => c.id);
}

/** Every cell reading `id`, directly or through others, in notebook order. */
export function transitiveDependents(graph: NotebookGraph, cells: readonly Cell[], id: string): string[] {
  const reached = new Set<string>([id]);
  const found: string[] = [];
  for (const cell of cells) {
    if (cell.id !== id && (graph.dependencies.get(cell.id) ?? []).some((d) => reached.has(d))) {
      reached.add(cell.id);
      found.push(cell.id);
    }
  }
  return found;
}
