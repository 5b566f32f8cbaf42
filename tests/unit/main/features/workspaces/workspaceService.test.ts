import { describe, expect, it } from 'vitest';
import { makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();

describe('workspace settings', () => {
  it('creates the live workspace on first start with default settings', async () => {
    const core = makeTestCore(tempDir());
    const result = await core.dispatch('workspaces:list', {});
    expect(result).toMatchObject({ ok: true, value: [{ id: 'live', kind: 'live', settings: { displayName: 'Tocsin' } }] });
    core.close();
  });

  it('stores a change, pushes workspaces:changed once, and keeps it across restarts', async () => {
    const dir = tempDir();
    const core = makeTestCore(dir);
    const pushed: unknown[] = [];
    core.events.subscribe((name, payload) => pushed.push({ name, payload }));
    const result = await core.dispatch('workspaces:updateSettings', {
      workspaceId: 'live',
      settings: { displayName: 'Cellule Léman', statusMeetingHours: 3 },
    });
    expect(result).toMatchObject({ ok: true, value: { settings: { displayName: 'Cellule Léman', statusMeetingHours: 3 } } });
    expect(pushed).toEqual([{ name: 'workspaces:changed', payload: { workspaceId: 'live' } }]);

    await core.dispatch('workspaces:updateSettings', { workspaceId: 'live', settings: { displayName: 'Cellule Léman' } });
    expect(pushed).toHaveLength(1);
    core.close();

    const again = makeTestCore(dir);
    expect(await again.dispatch('workspaces:get', { workspaceId: 'live' })).toMatchObject({
      ok: true,
      value: { settings: { displayName: 'Cellule Léman', statusMeetingHours: 3 } },
    });
    again.close();
  });

  it('answers NOT_FOUND for a workspace that does not exist', async () => {
    const core = makeTestCore(tempDir());
    expect(await core.dispatch('workspaces:get', { workspaceId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    core.close();
  });
});
