import { expect } from 'vitest';
import type { Engine, ImportRequest } from '../../workers/engine/api.js';
import { PmwError } from '../../workers/engine/errors.js';
import { workspaceSnapshot } from './workspace-snapshot.js';

/**
 * The import must fail with a typed error that says what to do, and leave the workspace exactly as the
 * snapshot `before` recorded it.
 */
export async function expectImportRefused(engine: Engine, before: string, req: ImportRequest, expected: Partial<PmwError>): Promise<PmwError> {
  const error = await engine.importFile(req).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PmwError);
  expect(error).toMatchObject(expected);
  expect((error as PmwError).hint).toBeTruthy();
  expect(await workspaceSnapshot(engine)).toBe(before);
  return error as PmwError;
}
