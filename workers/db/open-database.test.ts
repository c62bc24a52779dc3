import { describe, expect, it } from 'vitest';
import { openDatabase, workspaceMemoryLimit } from './open-database.js';

describe('workspace memory limit', () => {
  it('caps DuckDB at half the memory and at most 6 GiB, unless PMW_MEMORY_LIMIT says otherwise', async () => {
    const mib = Number(/^(\d+)MiB$/.exec(workspaceMemoryLimit({}))?.[1]);
    expect(mib).toBeGreaterThan(0);
    expect(mib).toBeLessThanOrEqual(6 * 1024);
    expect(workspaceMemoryLimit({ PMW_MEMORY_LIMIT: '12GB' })).toBe('12GB');
    expect(workspaceMemoryLimit({ PMW_MEMORY_LIMIT: 'lots' })).toBe(workspaceMemoryLimit({}));
    const instance = await openDatabase(':memory:');
    const reader = await (await instance.connect()).runAndReadAll("SELECT current_setting('memory_limit')");
    // DuckDB reports the limit in its own units; 6 GiB shows as e.g. "6.0 GiB".
    expect(String(reader.getRowsJS()[0]?.[0])).toMatch(/GiB|MiB/);
    instance.closeSync();
  });
});
