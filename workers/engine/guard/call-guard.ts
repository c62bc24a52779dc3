/**
 * The check every Comlink call from a UI passes before it reaches the Engine: `pmw serve` (the browser's
 * socket) and the desktop engine process (the window's port) both apply it, each with its own wording and
 * its own readable folders.
 */
import type { PmwErrorData } from '../api.js';
import { ENGINE_CLIENT_METHODS, isEngineClientMethod } from '../../../renderer/platform/engine-methods.js';
import { resolveInside } from './path-guard.js';

/** How a host names its caller and tells it what to do when a call is refused. */
export interface CallerWording {
  /** Who calls, as in "openWorkspace cannot be called from the browser". */
  caller: string;
  /** Why the Engine methods outside the list are not offered, ending where the list of those it may call follows. */
  readOnlyHint: string;
  /** Where readable files may lie, as in "… is not in the upload folder or the bundled samples". */
  readableFolders: string;
  /** What to do with a file outside them. */
  outsideHint: string;
  /** What to pass when a path is not a string. */
  pathHint: string;
}

/** A Comlink wire value as it arrives (RAW values are plain data; HANDLER ones a proxy or the like). */
interface WireValue {
  type?: unknown;
  value?: unknown;
}

interface CallMessage {
  id?: unknown;
  type?: unknown;
  path?: unknown;
  argumentList?: unknown;
}

type PathFinder = (args: unknown[]) => { what: string; value: unknown }[];

function field(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  return current;
}

/** Where the methods that read files take their paths (the rest of a spec is plain data). */
const FILE_ARGUMENTS: Partial<Record<string, PathFinder>> = {
  importFile: ([request]) => [
    { what: 'the imported file', value: field(request, 'path') },
    ...([['reports', 'drugFile', 'the drug file'], ['reports', 'eventFile', 'the event file'], ['omop', 'mapping', 'the OMOP mapping file'], ['vcf', 'samples', 'the VCF sample file']] as const)
      .filter(([group, key]) => field(request, group, key) !== undefined)
      .map(([group, key, what]) => ({ what, value: field(request, group, key) })),
  ],
  linkSamples: ([, path]) => [{ what: 'the sample mapping file', value: path }],
  signals: ([spec]) => (field(spec, 'synonyms') === undefined ? [] : [{ what: 'the synonym file', value: field(spec, 'synonyms') }]),
  signalTrend: ([spec]) => (field(spec, 'synonyms') === undefined ? [] : [{ what: 'the synonym file', value: field(spec, 'synonyms') }]),
  association: ([spec]) => (field(spec, 'phenotype', 'file') === undefined ? [] : [{ what: 'the phenotype file', value: field(spec, 'phenotype', 'file') }]),
};

/** True for a call of a method that reads files (it may need DuckDB's file access widened first). */
export function callReadsFiles(message: unknown): boolean {
  const call = (message ?? {}) as CallMessage;
  return call.type === 'APPLY' && Array.isArray(call.path) && FILE_ARGUMENTS[String(call.path[0])] !== undefined;
}

function badRequest(message: string, hint: string): PmwErrorData {
  return { code: 'BAD_REQUEST', message, hint };
}

/**
 * Why a message from a UI must not reach the engine, or null when it may. Only calls (and reads) of the
 * EngineClient methods pass — never openWorkspace, close or exportResult — and the methods that read files
 * only with paths inside `readableRoots` (a root may be a folder or one file), symlinks resolved.
 */
export async function refuseCall(message: unknown, readableRoots: readonly string[], wording: CallerWording): Promise<PmwErrorData | null> {
  const call = (message ?? {}) as CallMessage;
  const path = Array.isArray(call.path) ? call.path : [];
  const method = path[0];
  if ((call.type !== 'APPLY' && call.type !== 'GET') || path.length !== 1) {
    return badRequest(`only calls of Engine methods reach the engine, not a ${String(call.type)} of ${JSON.stringify(path)}`,
      `call one of ${ENGINE_CLIENT_METHODS.join(', ')}`);
  }
  if (!isEngineClientMethod(method)) {
    return {
      code: 'READ_ONLY', message: `${String(method)} cannot be called from ${wording.caller}`,
      hint: `${wording.readOnlyHint} ${ENGINE_CLIENT_METHODS.join(', ')}`,
    };
  }
  if (call.type === 'GET') return null;
  const args = Array.isArray(call.argumentList) ? (call.argumentList as WireValue[]) : [];
  // Arguments are plain data, or callbacks (Comlink proxies); nothing else is deserialized in the engine.
  if (args.some((arg) => arg?.type !== 'RAW' && !(arg?.type === 'HANDLER' && (arg as { name?: unknown }).name === 'proxy'))) {
    return badRequest(`the arguments of ${method} must be plain data or callbacks`, 'call the Engine through Comlink as the page does');
  }
  for (const { what, value } of FILE_ARGUMENTS[method]?.(args.map((arg) => (arg.type === 'RAW' ? arg.value : undefined))) ?? []) {
    if (typeof value !== 'string') return badRequest(`${what} must be given as a path`, wording.pathHint);
    if ((await resolveInside(value, readableRoots)) === null) {
      return badRequest(`${what} ${value} is not in ${wording.readableFolders}`, wording.outsideHint);
    }
  }
  return null;
}

/** The Comlink reply that makes the call fail with `error`, in the form the `throw` handlers of both ends read. */
export function refusalReply(id: unknown, error: PmwErrorData): unknown {
  return { id, type: 'HANDLER', name: 'throw', value: { isPmwError: true, data: error } };
}
