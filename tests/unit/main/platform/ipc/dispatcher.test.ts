import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../../src/shared/contract/envelope';
import { callNames, calls } from '../../../../../src/shared/contract/index';
import { silentLogger } from '../../../../../src/main/platform/logger';
import { createDispatcher } from '../../../../../src/main/platform/ipc/dispatcher';
import type { Handlers } from '../../../../../src/main/platform/ipc/handlerTypes';
import { makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();

describe('dispatcher', () => {
  it('answers an unknown channel with UNKNOWN_CHANNEL and runs nothing', async () => {
    const core = makeTestCore(tempDir());
    const result = await core.dispatch('workspaces:drop', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    core.close();
  });

  it('rejects invalid input with INVALID_INPUT and the path of each problem', async () => {
    const core = makeTestCore(tempDir());
    const result = await core.dispatch('workspaces:updateSettings', {
      workspaceId: '../etc',
      settings: { statusMeetingHours: 'soon' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['settings.statusMeetingHours', 'workspaceId']);
    core.close();
  });

  it('rejects non-object input for every call of the contract', async () => {
    const core = makeTestCore(tempDir());
    for (const name of callNames) {
      for (const bad of ['x', 42, [1, 2], true]) {
        const result = await core.dispatch(name, bad);
        expect(result, `${name} with ${JSON.stringify(bad)}`).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
    }
    core.close();
  });

  it('answers every call of the contract whose input needs fields with INVALID_INPUT and the missing paths', async () => {
    const core = makeTestCore(tempDir());
    const pushed: string[] = [];
    core.events.subscribe((name) => pushed.push(name));
    let checked = 0;
    for (const name of callNames) {
      if (calls[name].input.safeParse({}).success) continue;
      const result = await core.dispatch(name, {});
      expect(result, name).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!result.ok) expect(result.error.issues?.length, name).toBeGreaterThan(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(callNames.length / 2);
    expect(pushed).toEqual([]);
    core.close();
  });

  it('does nothing for unknown or prototype-polluting channel names', async () => {
    const core = makeTestCore(tempDir());
    const pushed: string[] = [];
    core.events.subscribe((name) => pushed.push(name));
    for (const channel of ['__proto__', 'constructor', 'toString', 'workspace:', ':list', 'workspaces:list ', 'x'.repeat(10_000)]) {
      expect(await core.dispatch(channel, {}), channel).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(pushed).toEqual([]);
    core.close();
  });

  it('maps AppFailure to its code and any other exception to INTERNAL', async () => {
    const handlers = {
      'workspaces:list': () => {
        throw new AppFailure('CONFLICT', 'changed meanwhile');
      },
      'workspaces:get': () => {
        throw new TypeError('boom');
      },
    } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, { logger: silentLogger });
    expect(await dispatch('workspaces:list', {})).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'changed meanwhile' } });
    expect(await dispatch('workspaces:get', { workspaceId: 'live' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('catches a handler reply that breaks the contract when output checking is on', async () => {
    const handlers = { 'workspaces:list': () => [{ id: 'BAD ID' }] } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, { logger: silentLogger, checkOutput: true });
    expect(await dispatch('workspaces:list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
