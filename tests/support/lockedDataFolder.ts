// A data folder protected by a passphrase, as it stands after a person set one: the live workspace exists and
// every key is wrapped. Also runnable on its own (`node --import tsx tests/support/lockedDataFolder.ts <dir>
// <passphrase>`), for the Playwright suite, whose loader cannot require the core's ESM-only packages (eld).
import { systemClock } from '../../src/main/platform/clock';
import { silentLogger } from '../../src/main/platform/logger';
import { KeyRing } from '../../src/main/platform/security/keyRing';
import { createCore } from '../../src/main/app/createCore';

export async function lockDataFolder(dataDir: string, passphrase: string): Promise<void> {
  const ring = new KeyRing(dataDir);
  createCore({ dataDir, keyRing: ring, clock: systemClock, logger: silentLogger, shell: { shell: 'browser', version: 'test' } }).close();
  await ring.setPassphrase(passphrase);
}

const [, script, dataDir, passphrase] = process.argv;
if (script?.endsWith('lockedDataFolder.ts') && dataDir && passphrase) void lockDataFolder(dataDir, passphrase);
