// Entry point of the cell relay (`npm run relay`): the same core in plain Node, with no UI, on a data folder of its
// own (encrypted like a laptop's). It joins a cell once with a join code, like any laptop, then keeps every
// member's documents and passes them on, so laptops that are never online together still converge through it.
// First run:  TOCSIN_JOIN_CODE=TOCSIN-CELL-1.… npm run relay -- --data <folder> --host <LAN address> [--port N] [--name …]
// Later runs: npm run relay -- --data <folder>   (sync resumes on the address it had)
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCore } from './app/createCore';
import { systemClock } from './platform/clock';
import { consoleLogger } from './platform/logger';
import { APP_VERSION, defaultDataDir } from './platform/paths';
import { lockDataFolder } from './platform/db/dataFolderLock';
import { exitOnStartupFailure } from './app/startupFailure';
import { KeyRing } from './platform/security/keyRing';
import { takeSecret } from './platform/security/secretEnvironment';
import { inEnglish } from './platform/i18n/failure';
import { LIVE_WORKSPACE_ID } from '../shared/domain/workspace';
import { AppFailure, type CallInput, type CallName, type CallOutput } from '../shared/contract/index';

const RESUME_WAIT_MS = 10_000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: `${defaultDataDir()}-relay` },
      host: { type: 'string' },
      port: { type: 'string', default: '0' },
      name: { type: 'string', default: inEnglish('platform.relay.defaultName') },
    },
  });
  const dataDir = values.data;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataFolder(dataDir, { shell: 'relay', version: APP_VERSION });
  const keyRing = new KeyRing(dataDir);
  const passphrase = takeSecret('TOCSIN_PASSPHRASE');
  if (keyRing.locked) {
    if (!passphrase) throw new Error(inEnglish('platform.relay.passphraseNeeded'));
    await keyRing.unlock(passphrase);
  }
  const joinCode = takeSecret('TOCSIN_JOIN_CODE');
  const core = createCore({ dataDir, keyRing, clock: systemClock, logger: consoleLogger, shell: { shell: 'relay', version: APP_VERSION }, relay: true });
  const call = async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new AppFailure(result.error.code, result.error.message, result.error.issues);
    return result.value as CallOutput<K>;
  };
  const stop = (): void => {
    core.close();
    lock.release();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const ws = { workspaceId: LIVE_WORKSPACE_ID };
  let status = await call('cell:status', ws);
  if (!status.cell) {
    if (!joinCode || !values.host) throw new Error(inEnglish('platform.relay.joinNeeded'));
    status = await call('cell:join', { ...ws, joinCode, memberName: values.name, roles: [], host: values.host, port: Number(values.port) });
  } else {
    // The core turns sync back on by itself where it was on; it is asked to only where it was not.
    const until = Date.now() + RESUME_WAIT_MS;
    while (!status.cell?.listening && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await call('cell:status', ws);
    }
    if (!status.cell?.listening) {
      if (!values.host) throw new Error(inEnglish('platform.relay.hostNeeded'));
      status = await call('cell:start', { ...ws, host: values.host, port: Number(values.port) });
    }
  }
  const cell = status.cell;
  const listening = cell?.listening;
  if (!cell || !listening) throw new Error(inEnglish('platform.relay.notSyncing'));
  process.stdout.write(`${inEnglish('platform.relay.running', { cellId: cell.cellId, address: `${listening.host}:${listening.port}`, deviceId: cell.deviceId })}\n`);
}

main().catch(exitOnStartupFailure);
