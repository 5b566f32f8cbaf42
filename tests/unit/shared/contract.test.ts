import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../support/paths';
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
      expect.arrayContaining(['system:info', 'system:openExternal', 'workspaces:list', 'workspaces:get', 'workspaces:updateSettings']),
    );
    expect(eventNames).toContain('workspaces:changed');
  });

  it('has a caller in the renderer for every call: a call no screen makes is dead weight in the contract', () => {
    const root = repoPath('src/renderer/src');
    const renderer = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => readFileSync(join(root, file), 'utf8'))
      .join('\n');
    expect(callNames.filter((name) => !renderer.includes(`'${name}'`))).toEqual([]);
  });
});
