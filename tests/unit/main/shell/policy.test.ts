// Each Electron security setting of the shell, checked on the policy the shell applies.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  externalUrlAllowed,
  isAppUrl,
  mainWindowOptions,
  permissionAllowed,
  rendererRequestAllowed,
  resolveAppRequest,
} from '../../../../src/main/shell/policy';
import { APP_CSP } from '../../../../src/main/server/staticFiles';
import { useTempDirs } from '../../../support/tempDir';

const tempDir = useTempDirs();

describe('window', () => {
  const prefs = mainWindowOptions('/app/preload.js').webPreferences ?? {};
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
  ] as const)('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('loads the app from the custom protocol, never file://', () => {
    expect(APP_ENTRY_URL).toBe('app://tocsin/index.html');
    expect(prefs.preload).toBe('/app/preload.js');
  });
});

describe('navigation', () => {
  it.each(['app://tocsin/index.html', 'app://tocsin/#/incidents'])('stays inside the app: %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });
  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://tocsin.evil.example/',
    'javascript:alert(1)',
    'not a url',
  ])('blocks %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('openExternal', () => {
  it.each(['https://www.letemps.ch/article', 'http://example.org/x', 'mailto:presse@example.ch'])('allows %s', (url) => {
    expect(externalUrlAllowed(url)).toBe(true);
  });
  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://share/x',
    'ms-msdt:/id',
    'https://user:pass@example.org/',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    '',
  ])('refuses %s', (url) => {
    expect(externalUrlAllowed(url)).toBe(false);
  });
});

describe('renderer requests', () => {
  it.each(['app://tocsin/assets/index.js', 'app://tocsin/favicon.svg', 'data:image/svg+xml,<svg/>'])('allows the app itself: %s', (url) => {
    expect(rendererRequestAllowed(url)).toBe(true);
  });
  it.each(['https://fonts.googleapis.com/css', 'http://127.0.0.1:8080/beacon', 'wss://evil.example/', 'file:///etc/passwd', 'ftp://x/'])(
    'blocks %s',
    (url) => {
      expect(rendererRequestAllowed(url)).toBe(false);
    },
  );
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid'])('denies %s', (p) => {
    expect(permissionAllowed(p)).toBe(false);
  });
});

describe('app:// protocol', () => {
  const root = (): string => {
    const dir = tempDir();
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), 'ok');
    writeFileSync(join(dir, 'renderer', 'assets', 'a.js'), 'ok');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    return join(dir, 'renderer');
  };

  it('serves files of the renderer folder on GET', () => {
    const dir = root();
    expect(resolveAppRequest('GET', 'app://tocsin/index.html', dir)).toEqual({ status: 200, file: join(dir, 'index.html') });
    expect(resolveAppRequest('GET', 'app://tocsin/assets/a.js', dir).status).toBe(200);
    expect(resolveAppRequest('GET', 'app://tocsin/', dir).status).toBe(200);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s with 405', (method) => {
    expect(resolveAppRequest(method, 'app://tocsin/index.html', root()).status).toBe(405);
  });

  it.each([
    'app://tocsin/../secret.txt',
    'app://tocsin/..%2Fsecret.txt',
    'app://tocsin/%2e%2e/secret.txt',
    'app://tocsin/assets/..%2F..%2Fsecret.txt',
    'app://tocsin/%00index.html',
    'app://tocsin/..%5Csecret.txt',
  ])('blocks traversal %s', (url) => {
    const outcome = resolveAppRequest('GET', url, root());
    expect(outcome.status).not.toBe(200);
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppRequest('GET', 'app://other/index.html', root()).status).toBe(403);
    expect(resolveAppRequest('GET', 'file:///etc/passwd', root()).status).toBe(403);
  });
});

describe('content security policy', () => {
  it('allows scripts from the app only, no inline or eval, no plugins, no framing', () => {
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
    expect(APP_CSP).toContain("object-src 'none'");
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect(APP_CSP).toContain("connect-src 'self'");
  });
});
