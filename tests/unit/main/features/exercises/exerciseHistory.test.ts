// The readiness check's "last exercise": when an exercise was last played, not when its workspace was set up.
import { describe, expect, it } from 'vitest';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const DAY_S = 86_400;

function manualClock(start: string) {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advanceSeconds: (s: number) => (now += s * 1000) };
}

describe('exercises:lastPlayed', () => {
  it('is the last moment a run moved: an exercise set up and never played does not count', async () => {
    const dataDir = tempDir();
    const clock = manualClock('2026-06-01T08:00:00.000Z');
    const core = makeTestCore(dataDir, { clock });
    const drill = await invoke(core, 'exercises:create', { name: 'Drill set up in June' });
    expect(await invoke(core, 'exercises:lastPlayed', {})).toEqual({ at: null });

    clock.advanceSeconds(40 * DAY_S);
    await invoke(core, 'exercises:start', { workspaceId: drill.id, scriptId: 'bank-data-leak', speed: 60 });
    expect(await invoke(core, 'exercises:lastPlayed', {})).toEqual({ at: '2026-07-11T08:00:00.000Z' });

    // Two hours of game time at ×60: the run finishes two real minutes later.
    clock.advanceSeconds(120);
    const done = await invoke(core, 'exercises:control', { workspaceId: drill.id, control: { action: 'speed', speed: 60 } });
    expect(done.status).toBe('finished');
    expect(await invoke(core, 'exercises:lastPlayed', {})).toEqual({ at: '2026-07-11T08:02:00.000Z' });

    clock.advanceSeconds(30 * DAY_S);
    await invoke(core, 'exercises:create', { name: 'Drill set up in August, not played' });
    expect(await invoke(core, 'exercises:lastPlayed', {})).toEqual({ at: '2026-07-11T08:02:00.000Z' });
    core.close();

    const reopened = makeTestCore(dataDir, { clock });
    expect(await invoke(reopened, 'exercises:lastPlayed', {})).toEqual({ at: '2026-07-11T08:02:00.000Z' });
    reopened.close();
  });
});
