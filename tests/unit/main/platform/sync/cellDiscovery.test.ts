// mDNS discovery of the cell's laptops with real multicast on loopback. Multicast needs an interface that carries it:
// the test makes its own network namespace (root, as CI runs; `unshare` and `ip` are in every Debian), where only
// loopback exists, so nothing of the machine's network is touched and no other program's mDNS is heard.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleForChild } from '../../../../support/appExternals';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();

/** Runs a bundled script in a new network namespace whose only interface, loopback, is up; returns what it prints. */
function isolated(entry: string): string {
  const bundle = bundleForChild(entry, join(tempDir(), 'child.cjs'));
  return execFileSync('unshare', ['--net', 'sh', '-c', `ip link set lo up && exec "${process.execPath}" "${bundle}"`], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NODE_PATH: resolve('node_modules') },
  });
}

describe('cell discovery by multicast DNS', () => {
  it("finds the cell's other laptop with its address and port, and nothing of another cell or of a forger", () => {
    const found = JSON.parse(isolated('tests/support/discoveryChild.ts')) as Record<'a' | 'b', { deviceId: string; host: string; port: number }[]>;
    const distinct = (list: { deviceId: string; host: string; port: number }[]) => [...new Set(list.map((p) => `${p.deviceId}@${p.host}:${p.port}`))];
    expect(distinct(found.a)).toEqual([`${'b'.repeat(32)}@127.0.0.1:41002`]);
    expect(distinct(found.b)).toEqual([`${'a'.repeat(32)}@127.0.0.1:41001`]);
  }, 40_000);

  it('links two laptops of a cell again when both came back at addresses the cell document does not know', () => {
    const out = JSON.parse(isolated('tests/support/discoveryCells.ts')) as {
      linked: boolean;
      a: { deviceId: string; found: { deviceId: string; address: string; member: boolean }[] };
      b: { deviceId: string; found: { deviceId: string; address: string; member: boolean }[] };
    };
    expect(out.linked).toBe(true);
    expect(out.a.found.map((f) => [f.deviceId, f.address.split(':')[0], f.member])).toEqual([[out.b.deviceId, '127.0.0.4', true]]);
    expect(out.b.found.map((f) => [f.deviceId, f.address.split(':')[0], f.member])).toEqual([[out.a.deviceId, '127.0.0.3', true]]);
  }, 90_000);
});
