// Child process of the alert kill test: a whole core on the parent's data folder, sending its alerts one at a time
// on the wall clock. The parent kills it with SIGKILL at a random moment of the wave.
import { writeSync } from 'node:fs';
import { createCore } from '../../src/main/app/createCore';
import { systemClock } from '../../src/main/platform/clock';
import { silentLogger } from '../../src/main/platform/logger';
import { KeyRing } from '../../src/main/platform/security/keyRing';

const [dataDir] = process.argv.slice(2) as [string];
createCore({
  dataDir,
  keyRing: new KeyRing(dataDir),
  clock: systemClock,
  logger: silentLogger,
  shell: { shell: 'browser', version: 'test' },
  notify: { intervalMs: 25, batch: 1, requestTimeoutMs: 3_000 },
});
writeSync(1, 'READY\n');
// The core's own timers do not keep a process alive; this one does, until the parent kills it.
setInterval(() => {}, 60_000);
