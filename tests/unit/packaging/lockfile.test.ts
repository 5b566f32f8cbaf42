// `npm ci` refuses a lock that omits a locked package's optional dependencies, even ones for other platforms.
// Our registry mirror lacks some platform builds (the @cbor-extract prebuilds behind automerge-repo's cbor-x), so
// `npm install` silently drops them from the lock and CI's `npm ci` then fails before any test runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> };

/** Node's lookup: the package's own node_modules, then each parent's, up to the root. */
function resolves(fromPath: string, name: string): boolean {
  let base = fromPath;
  for (;;) {
    if (lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

describe('package-lock.json', () => {
  it('lists every optional dependency of every locked package, so `npm ci` accepts it', () => {
    const missing = Object.entries(lock.packages).flatMap(([path, pkg]) =>
      Object.keys(pkg.optionalDependencies ?? {})
        .filter((name) => !resolves(path, name))
        .map((name) => `${path || '(root)'} → ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
