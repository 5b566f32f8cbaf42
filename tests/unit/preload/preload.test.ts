// What the preload exposes to the page: one `api` object holding exactly one function per contract call and
// a subscription limited to contract events; the page never sees ipcRenderer or an IPC event.
import { describe, expect, it, vi } from 'vitest';
import { callNames, eventNames } from '../../../src/shared/contract/index';

const electron = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  invoke: vi.fn(async (channel: string, input: unknown) => ({ channel, input })),
  on: vi.fn(),
  removeListener: vi.fn(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.push([key, value]) },
  ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener },
}));

await import('../../../src/preload/index');
type Exposed = Record<string, (...args: unknown[]) => unknown>;
const api = (): Exposed => electron.exposed[0]![1] as Exposed;

describe('preload', () => {
  it('exposes one object, `api`, and nothing else', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['api']);
  });

  it('holds exactly the contract calls plus subscribe, all functions', () => {
    expect(Object.keys(api()).sort()).toEqual([...callNames, 'subscribe'].sort());
    expect(Object.values(api()).every((value) => typeof value === 'function')).toBe(true);
  });

  it('sends each call on its own channel with the input as given', async () => {
    for (const name of callNames) {
      electron.invoke.mockClear();
      await expect(api()[name]!({ probe: name })).resolves.toEqual({ channel: name, input: { probe: name } });
      expect(electron.invoke).toHaveBeenCalledExactlyOnceWith(name, { probe: name });
    }
  });

  it('subscribes to contract events only, handing the page the payload and never the IPC event', () => {
    expect(() => api().subscribe!('ipc:anything', () => {})).toThrow('Unknown event: ipc:anything');
    expect(electron.on).not.toHaveBeenCalled();

    const name = eventNames[0]!;
    const listener = vi.fn();
    const unsubscribe = api().subscribe!(name, listener) as () => void;
    const [channel, wrapped] = electron.on.mock.calls[0] as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe(name);
    wrapped({ sender: 'the IPC event' }, { workspaceId: 'live' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ workspaceId: 'live' });

    unsubscribe();
    expect(electron.removeListener).toHaveBeenCalledExactlyOnceWith(name, wrapped);
  });
});
