import { describe, expect, it } from 'vitest';
import { CHANNEL_NAME } from '../../../src/shared/contract/define';
import { callNames, eventNames } from '../../../src/shared/contract/index';

describe('contract', () => {
  it('names every call and event domain:verb', () => {
    for (const name of [...callNames, ...eventNames]) expect(name).toMatch(CHANNEL_NAME);
  });

  it('never reuses a name between a call and an event', () => {
    const calls = new Set<string>(callNames);
    expect(eventNames.filter((e) => calls.has(e))).toEqual([]);
  });

  it('keeps the foundation calls', () => {
    expect(callNames).toEqual(
      expect.arrayContaining(['system:info', 'system:openExternal', 'workspace:list', 'workspace:get', 'workspace:updateSettings']),
    );
    expect(eventNames).toContain('workspace:changed');
  });
});
