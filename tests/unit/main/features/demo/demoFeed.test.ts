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
      const kept = (await invoke(core, 'crisisLog:list', { workspaceId: 'live', filter: { incidentId: null } })).find((e) => e.systemCode === 'audit.demo.kept');
      expect(kept?.data).toMatchObject({ watch: 'Lemania (DEMO)' });
      expect(Number(kept?.data?.mentions)).toBeGreaterThan(1000);
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

  it('stopping with removal takes the demo watch, its source and its simulated mentions away, and records it', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const core = demoCore(dir);
    try {
      const status = await until(
        () => invoke(core, 'demo:status', { workspaceId: 'live' }),
        (s) => s.state === 'running',
      );
      await until(
        () => invoke(core, 'dashboard:series', { workspaceId: 'live', watchId: status.watchId!, range: '7d' }),
        (s) => s.total > 1000,
      );
      expect((await invoke(core, 'composer:responseCounts', { workspaceId: 'live' })).open).toBeGreaterThan(0);
      // The cell's own watch and mention stay untouched.
      const own = await invoke(core, 'watches:create', { workspaceId: 'live', watch: { name: 'Acme', keywords: ['Acme'] } });
      await invoke(core, 'mentions:capture', {
        workspaceId: 'live',
        capture: { channel: 'phonePost', outlet: 'Standard', text: 'Acme rappelle un lot de bouilloires', occurredAt: new Date().toISOString() },
      });

      expect(await invoke(core, 'demo:stop', { workspaceId: 'live', removeData: true })).toEqual({ state: 'stopped', watchId: null, watchName: null });

      expect((await invoke(core, 'watches:list', { workspaceId: 'live' })).map((w) => w.id)).toEqual([own.id]);
      expect((await invoke(core, 'sources:list', { workspaceId: 'live' })).map((s) => s.name)).not.toContain('DEMO — simulated scenario');
      const left = await invoke(core, 'mentions:search', { workspaceId: 'live', filter: {}, limit: 50 });
      expect(left.items.map((m) => m.text)).toEqual(['Acme rappelle un lot de bouilloires']);
      expect((await invoke(core, 'mentions:search', { workspaceId: 'live', filter: { query: 'Lemania' }, limit: 5 })).items).toEqual([]);
      expect((await invoke(core, 'composer:responseCounts', { workspaceId: 'live' })).open).toBe(0);
      const log = await invoke(core, 'crisisLog:list', { workspaceId: 'live', filter: { incidentId: null } });
      expect(log.map((e) => e.systemCode)).toEqual(expect.arrayContaining(['audit.watch.deleted', 'audit.demo.removed']));
      expect(Number(log.find((e) => e.systemCode === 'audit.demo.removed')?.data?.mentions)).toBeGreaterThan(1000);
      expect((await invoke(core, 'crisisLog:verify', { workspaceId: 'live' })).ok).toBe(true);
    } finally {
      core.close();
    }
  });
});
