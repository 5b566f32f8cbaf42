// A real core on a temporary data folder, for tests that go through the contract.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../src/main/core/clock';
import { createCore, type Core } from '../../src/main/core/createCore';
import { keyFileProvider } from '../../src/main/core/keyFileProvider';
import { silentLogger } from '../../src/main/core/logger';

export function makeTestCore(dataDir: string, clock: Clock = { now: () => new Date() }): Core {
  return createCore({
    dataDir,
    keys: keyFileProvider,
    clock,
    logger: silentLogger,
    shell: { shell: 'browser', version: 'test' },
    checkOutput: true,
  });
}

export const randomKey = (): Buffer => randomBytes(32);
