import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { WorkspaceEngine } from '../../workers/engine/engine.js';

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;

/** An in-memory engine holding the bundled OMOP sample as dataset `omop` for the tests of one file. */
export function useOmopSampleEngine(): WorkspaceEngine {
  const engine = new WorkspaceEngine();
  beforeAll(async () => {
    await engine.openWorkspace(':memory:');
    await engine.importFile({ path: join(SAMPLES, 'small/omop'), kind: 'omop', name: 'omop' });
  });
  afterAll(async () => engine.close());
  return engine;
}
