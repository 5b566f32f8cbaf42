// Runs inside a network namespace of its own (see cellDiscovery.test.ts): two laptops form a cell on loopback, then
// both turn sync off and back on at new addresses, so the addresses in the cell document are stale and neither can
// dial the other from them; prints, as JSON, whether they linked again and what each found on the network.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/app/createCore';
import { silentLogger } from '../../src/main/platform/logger';
import { KeyRing } from '../../src/main/platform/security/keyRing';
import type { CellStatus } from '../../src/shared/contract/cell';

const WS = { workspaceId: 'live' };
const laptop = (): Core => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-discovery-'));
  return createCore({ dataDir, keyRing: new KeyRing(dataDir), clock: { now: () => new Date() }, logger: silentLogger, shell: { shell: 'browser', version: 'test' }, checkOutput: true, cellTuning: { retryMs: 150, joinWaitMs: 8_000 } });
};
async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await core.dispatch(name as never, input as never);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}
const linked = (s: CellStatus): boolean => s.cell?.members.filter((m) => !m.self).every((m) => m.online) === true;

async function main(): Promise<void> {
  const a = laptop();
  const b = laptop();
  await call(a, 'cell:create', { ...WS, memberName: 'A', roles: [] });
  await call(a, 'cell:start', { ...WS, host: '127.0.0.1' });
  const { joinCode } = await call<{ joinCode: string }>(a, 'cell:invite', WS);
  await call(b, 'cell:join', { ...WS, joinCode, memberName: 'B', roles: [], host: '127.0.0.2' });
  await call(a, 'cell:stop', WS);
  await call(b, 'cell:stop', WS);
  await call(a, 'cell:start', { ...WS, host: '127.0.0.3' });
  await call(b, 'cell:start', { ...WS, host: '127.0.0.4' });
  const end = Date.now() + 15_000;
  let statuses: CellStatus[] = [];
  do {
    await new Promise((r) => setTimeout(r, 200));
    statuses = await Promise.all([a, b].map((core) => call<CellStatus>(core, 'cell:status', WS)));
  } while (!statuses.every(linked) && Date.now() < end);
  const [sa, sb] = statuses as [CellStatus, CellStatus];
  process.stdout.write(
    JSON.stringify({
      linked: statuses.every(linked),
      a: { deviceId: sa.cell?.deviceId, found: sa.cell?.discovered },
      b: { deviceId: sb.cell?.deviceId, found: sb.cell?.discovered },
    }),
  );
  a.close();
  b.close();
  process.exit(0);
}
void main().catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exit(1);
});
