import { describe, expect, it } from 'vitest';
import type { KAnonymityResult, PrivacyScan, QualityReport } from '../../workers/engine/api.js';
import type { NotebookEngine } from './notebook.js';
import { runPrivacy, runQuality } from './privacy-cell.js';

/** An engine that records what the cells ask of it and answers with markers. */
function recordingEngine() {
  const calls: [string, ...unknown[]][] = [];
  const engine = {
    quality: async (dataset: string, opts: unknown) => { calls.push(['quality', dataset, opts]); return { dataset } as unknown as QualityReport; },
    scanPrivacy: async (dataset: string, opts: unknown) => { calls.push(['scanPrivacy', dataset, opts]); return { dataset } as unknown as PrivacyScan; },
    kAnonymity: async (spec: unknown) => { calls.push(['kAnonymity', spec]); return { k: 5 } as unknown as KAnonymityResult; },
  } as unknown as NotebookEngine;
  return { engine, calls };
}
const noProgress = () => {};

describe('quality and privacy cells', () => {
  it('a quality cell asks for the dataset’s report under the cell’s task id', async () => {
    const { engine, calls } = recordingEngine();
    expect(await runQuality(engine, { dataset: 'gibleed', taskId: 't1' }, 't1', noProgress)).toEqual({ dataset: 'gibleed' });
    expect(calls).toEqual([['quality', 'gibleed', { taskId: 't1' }]]);
  });

  it('a privacy cell scans, then checks k-anonymity over the same table when asked', async () => {
    const { engine, calls } = recordingEngine();
    const result = await runPrivacy(engine, {
      dataset: 'gibleed', table: 'gibleed.person', kAnonymity: { quasiIdentifiers: ['year_of_birth', 'gender_concept_id'], k: 3 },
    }, 't2', noProgress);
    expect(result).toEqual({ scan: { dataset: 'gibleed' }, kAnonymity: { k: 5 } });
    expect(calls).toEqual([
      ['scanPrivacy', 'gibleed', { taskId: 't2', table: 'gibleed.person' }],
      ['kAnonymity', { dataset: 'gibleed', table: 'gibleed.person', quasiIdentifiers: ['year_of_birth', 'gender_concept_id'], k: 3, taskId: 't2' }],
    ]);
    const scanOnly = recordingEngine();
    expect(await runPrivacy(scanOnly.engine, { dataset: 'caers' }, 't3', noProgress)).toEqual({ scan: { dataset: 'caers' }, kAnonymity: null });
    expect(scanOnly.calls).toEqual([['scanPrivacy', 'caers', { taskId: 't3' }]]);
  });

  it('refuses a wrong spec before the Engine is asked anything, saying what to write', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /needs "dataset"/],
      [{ dataset: 'gibleed', tabel: 'person' }, /no field "tabel"/],
      [{ dataset: 'gibleed', table: 3 }, /"table" must be/],
      [{ dataset: 'gibleed', kAnonymity: ['year_of_birth'] }, /"kAnonymity" must be an object/],
      [{ dataset: 'gibleed', kAnonymity: { quasiIdentifiers: [] } }, /one or more column names/],
      [{ dataset: 'gibleed', kAnonymity: { quasiIdentifiers: ['a'], kk: 5 } }, /no field "kk"/],
    ];
    for (const [spec, message] of cases) {
      const { engine, calls } = recordingEngine();
      await expect(runPrivacy(engine, spec, 't', noProgress), JSON.stringify(spec)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(message), hint: expect.any(String) });
      expect(calls).toEqual([]);
    }
    const { engine, calls } = recordingEngine();
    await expect(runQuality(engine, { dataset: 'gibleed', table: 'gibleed.person' }, 't', noProgress)).rejects.toMatchObject({ message: 'the quality spec has no field "table"' });
    expect(calls).toEqual([]);
  });
});
