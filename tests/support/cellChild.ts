// One laptop of the cell tests: a real core on its own data folder in its own process, driven through the
// contract over the fork IPC channel ({ id, name, input } in, { id, result } out). `close` closes the core.
import { createCore } from '../../src/main/app/createCore';
import { silentLogger } from '../../src/main/platform/logger';
import { KeyRing } from '../../src/main/platform/security/keyRing';
import type { CallName } from '../../src/shared/contract/index';

const [dataDir] = process.argv.slice(2) as [string];
const core = createCore({
  dataDir,
  keyRing: new KeyRing(dataDir),
  clock: { now: () => new Date() },
  logger: silentLogger,
  shell: { shell: 'browser', version: 'test' },
  checkOutput: true,
  cellTuning: { retryMs: 150, joinWaitMs: 8_000 },
});

interface Request {
  readonly id: number;
  readonly name: CallName | 'close';
  readonly input?: unknown;
}

process.on('message', (request: Request) => {
  if (request.name === 'close') {
    core.close();
    process.send?.({ id: request.id, result: { ok: true, value: null } }, () => process.exit(0));
    return;
  }
  void core.dispatch(request.name, request.input).then((result) => process.send?.({ id: request.id, result }));
});
process.send?.({ ready: true });
