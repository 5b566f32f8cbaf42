// The IPC binding of the contract, exercised through the handlers the shell registers on a fake ipcMain:
// only the app's own top frame is served, and push events reach every live window.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { callNames, fail, ok } from '../../../../src/shared/contract/index';
import { EventBus } from '../../../../src/main/platform/events/eventBus';

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, input: unknown) => unknown>(),
  windows: [] as { isDestroyed: () => boolean; webContents: { send: (...args: unknown[]) => void } }[],
}));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => {
      if (electron.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      electron.handlers.set(channel, fn);
    },
  },
  BrowserWindow: { getAllWindows: () => electron.windows },
}));

const { registerIpc } = await import('../../../../src/main/shell/registerIpc');

const dispatch = vi.fn(async (channel: string, input: unknown) => ok({ channel, input }));
const events = new EventBus();
beforeAll(() => registerIpc(dispatch, events));

const appFrame = { url: 'app://tocsin/index.html', parent: null };
const call = (channel: string, senderFrame: unknown, input: unknown = {}) => electron.handlers.get(channel)!({ senderFrame }, input);
const forbidden = fail('FORBIDDEN', 'Calls are accepted only from the Tocsin window.', undefined, { key: 'platform.calls.windowOnly' });

describe('IPC handlers', () => {
  it('are registered for exactly the contract calls', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...callNames].sort());
  });

  it('hand a call from the app page to the dispatcher', async () => {
    dispatch.mockClear();
    await expect(call('workspaces:list', appFrame, { x: 1 })).resolves.toEqual(ok({ channel: 'workspaces:list', input: { x: 1 } }));
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('workspaces:list', { x: 1 });
  });

  it.each([
    ['a page navigated away from the app', { url: 'https://evil.example/', parent: null }],
    ['a look-alike host', { url: 'app://tocsin.evil/index.html', parent: null }],
    ['a file page', { url: 'file:///tmp/x.html', parent: null }],
    ['a frame inside the app page', { url: 'app://tocsin/index.html', parent: appFrame }],
    ['an injected blank frame', { url: 'about:blank', parent: appFrame }],
    ['a frame already gone', null],
  ])('refuse %s without reaching the dispatcher', async (_name, frame) => {
    dispatch.mockClear();
    for (const channel of ['workspaces:list', 'system:openExternal', 'security:setPassphrase']) {
      await expect(Promise.resolve(call(channel, frame))).resolves.toEqual(forbidden);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('push events', () => {
  it('reach every window still open, and skip a destroyed one', () => {
    const live = { isDestroyed: () => false, webContents: { send: vi.fn() } };
    const gone = { isDestroyed: () => true, webContents: { send: vi.fn() } };
    electron.windows.push(live, gone);
    events.emit('workspaces:changed', { workspaceId: 'live' });
    expect(live.webContents.send).toHaveBeenCalledExactlyOnceWith('workspaces:changed', { workspaceId: 'live' });
    expect(gone.webContents.send).not.toHaveBeenCalled();
  });
});
