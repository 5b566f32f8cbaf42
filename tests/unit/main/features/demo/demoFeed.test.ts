import { describe, expect, it } from 'vitest';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const demoCore = (dataDir: string) => makeTestCore(dataDir, { demo: true });

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const tempDir = useTempDirs();

describe('demo watch', () => {
  it('stays off unless the shell asks for it', async () => {
    const dir = tempDir();
    const core = makeTestCore(dir);
    try {
      expect(await invoke(core, 'demo:status', { workspaceId: 'live' })).toEqual({ state: 'off', watchId: null, watchName: null });
      expect(await invoke(core, 'watches:list', { workspaceId: 'live' })).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('on a fresh data folder, feeds a marked watch with history through ingestion; stopping is remembered', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const core = demoCore(dir);
    let watchId: number;
    try {
      const status = await until(
        () => invoke(core, 'demo:status', { workspaceId: 'live' }),
        (s) => s.state === 'running',
      );
      expect(status).toMatchObject({ state: 'running', watchName: 'Lemania (DEMO)' });
      watchId = status.watchId!;
      // Four days of history arrive through the real pipeline: the week view has volume and a usual level.
      const week = await until(
        () => invoke(core, 'dashboard:series', { workspaceId: 'live', watchId, range: '7d' }),
        (s) => s.baselineDays >= 3 && s.total > 1000,
      );
      expect(week.baselineDays).toBeGreaterThanOrEqual(3);
      expect(week.points.some((p) => p.negative > 0 && p.positive > 0)).toBe(true);
      const stream = await invoke(core, 'mentions:search', { workspaceId: 'live', filter: { watchId }, limit: 5 });
      expect(stream.items[0]?.sourceName).toBe('DEMO');

      expect(await invoke(core, 'demo:stop', { workspaceId: 'live' })).toMatchObject({ state: 'stopped', watchId });
    } finally {
      core.close();
    }
    // A later launch with the demo enabled neither restarts it nor creates another watch.
    const again = demoCore(dir);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await invoke(again, 'demo:status', { workspaceId: 'live' })).toMatchObject({ state: 'stopped' });
      expect((await invoke(again, 'watches:list', { workspaceId: 'live' })).map((w) => w.id)).toEqual([watchId]);
    } finally {
      again.close();
    }
  });
});
