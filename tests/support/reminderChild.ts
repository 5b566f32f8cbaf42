// Child process of the lost-reminder test: a whole core on the parent's data folder, its clock stopped at the
// instant given, gives the regulatory reminders that are due and dies by SIGKILL the moment the crisis log holds
// the entry written for the given system code, as a crash at that point would.
import { writeSync } from 'node:fs';
import { createCore } from '../../src/main/app/createCore';
import { silentLogger } from '../../src/main/platform/logger';
import { KeyRing } from '../../src/main/platform/security/keyRing';

const [dataDir, nowIso, killAtCode] = process.argv.slice(2) as [string, string, string];
const core = createCore({
  dataDir,
  keyRing: new KeyRing(dataDir),
  clock: { now: () => new Date(nowIso) },
  logger: silentLogger,
  shell: { shell: 'browser', version: 'test' },
  notify: { intervalMs: 0 },
});
core.events.on('crisisLog:changed', ({ workspaceId, incidentId }) => {
  const entries = core.crisisLog.list(workspaceId, { incidentId, limit: 1000 });
  if (entries.some((e) => e.systemCode === killAtCode)) process.kill(process.pid, 'SIGKILL');
});
core.clocks.remindDue(['live']);
writeSync(1, 'NOT KILLED\n');
core.close();
