import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../src/main/platform/logger';
import { createHost } from '../../../../src/main/app/host';
import { KeyRing } from '../../../../src/main/platform/security/keyRing';
import { makeTestCore } from '../../../support/testCore';
import { useTempDirs } from '../../../support/tempDir';

const tempDir = useTempDirs();
const kdfCost = { N: 2 ** 12, r: 8, p: 1 };

describe('host', () => {
  it('answers only status and unlock while locked, then serves the whole contract', async () => {
    const dir = tempDir();
    const first = makeTestCore(dir);
    await first.dispatch('workspaces:updateSettings', { workspaceId: 'live', settings: { displayName: 'Cellule Léman' } });
    first.close();
    await new KeyRing(dir, { kdfCost }).setPassphrase('correct horse battery staple');

    const host = createHost({
      dataDir: dir,
      keyRing: new KeyRing(dir, { kdfCost }),
      clock: { now: () => new Date() },
      logger: silentLogger,
      shell: { shell: 'browser', version: 'test' },
    });
    const pushed: string[] = [];
    host.events.subscribe((name) => pushed.push(name));
    expect(host.core()).toBeUndefined();
    expect(await host.dispatch('security:status', {})).toEqual({ ok: true, value: { protection: 'passphrase', locked: true } });
    expect(await host.dispatch('workspaces:get', { workspaceId: 'live' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await host.dispatch('security:unlock', { passphrase: 'not it at all' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Wrong passphrase.' },
    });
    expect(await host.dispatch('security:unlock', { passphrase: 'correct horse battery staple' })).toEqual({
      ok: true,
      value: { protection: 'passphrase', locked: false },
    });
    // The passphrase was set on the ring alone: the core finishes the key rotation it left due and logs it.
    expect(pushed).toEqual(['crisisLog:changed', 'security:changed']);
    expect(await host.dispatch('workspaces:get', { workspaceId: 'live' })).toMatchObject({
      ok: true,
      value: { settings: { displayName: 'Cellule Léman' } },
    });
    host.close();
  });
});
