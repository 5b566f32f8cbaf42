// The guards the shell installs, exercised through the handlers it registers on Electron's objects. No
// Electron binary exists here: `electron` is replaced by fakes that record what the shell registers.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  type Handler = (...args: never[]) => unknown;
  const registered: Record<string, Handler> = {};
  return {
    registered,
    app: { on: (name: string, fn: Handler) => (registered[`app ${name}`] = fn) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Handler) => (registered.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Handler) => (registered.permissionCheck = fn),
        webRequest: { onBeforeRequest: (fn: Handler) => (registered.beforeRequest = fn) },
      },
    },
    shell: { openExternal: vi.fn(async () => {}) },
  };
});
vi.mock('electron', () => ({ app: electron.app, session: electron.session, shell: electron.shell }));

const { installGuards, openExternalChecked } = await import('../../../../src/main/shell/guards');

/** A web contents as the shell sees it: events it listens to, and the window-open handler it sets. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron: the listener may call preventDefault on the event; returns whether it did. */
  prevented(name: string, ...args: unknown[]): boolean {
    const event = { preventDefault: vi.fn() };
    this.emit(name, event, ...args);
    return event.preventDefault.mock.calls.length > 0;
  }
}

beforeEach(() => {
  for (const key of Object.keys(electron.registered)) delete electron.registered[key];
  electron.shell.openExternal.mockClear();
  installGuards();
});

function createdContents(): FakeWebContents {
  const contents = new FakeWebContents();
  electron.registered['app web-contents-created']!({} as never, contents as never);
  return contents;
}

describe('permission handlers on the default session', () => {
  const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'hid', 'fullscreen'];

  it.each(permissions)('answer every request for %s with a refusal', (permission) => {
    const callback = vi.fn();
    electron.registered.permissionRequest!({} as never, permission as never, callback as never, {} as never);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(permissions)('answer every check of %s with a refusal', (permission) => {
    expect(electron.registered.permissionCheck!({} as never, permission as never, 'app://tocsin' as never, {} as never)).toBe(false);
  });

  it('cancel every request that leaves the app, and let the app load itself', () => {
    const cancelled = (url: string): boolean => {
      const callback = vi.fn();
      electron.registered.beforeRequest!({ url } as never, callback as never);
      return (callback.mock.calls[0]![0] as { cancel: boolean }).cancel;
    };
    expect(cancelled('https://tracker.example/pixel.gif')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('app://tocsin/assets/index.js')).toBe(false);
  });
});

describe('every web contents Electron creates', () => {
  it('refuses to attach a webview', () => {
    expect(createdContents().prevented('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
  });

  it('navigates and redirects only inside the app', () => {
    const contents = createdContents();
    for (const name of ['will-navigate', 'will-redirect']) {
      expect(contents.prevented(name, 'https://evil.example/'), name).toBe(true);
      expect(contents.prevented(name, 'file:///etc/passwd'), name).toBe(true);
      expect(contents.prevented(name, 'app://tocsin.evil/'), name).toBe(true);
      expect(contents.prevented(name, 'app://tocsin/#/incidents'), name).toBe(false);
    }
  });

  it('opens no new window, whatever the address', () => {
    const contents = createdContents();
    for (const url of ['https://example.org/', 'app://tocsin/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });
});

describe('openExternal', () => {
  it('hands an allowed link to the OS, activated', async () => {
    expect(await openExternalChecked('https://www.letemps.ch/article')).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.letemps.ch/article', { activate: true });
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'smb://share/x', 'ms-msdt:/id', 'https://user:pass@example.org/'])(
    'never hands %s to the OS',
    async (url) => {
      expect(await openExternalChecked(url)).toBe(false);
      expect(electron.shell.openExternal).not.toHaveBeenCalled();
    },
  );
});
