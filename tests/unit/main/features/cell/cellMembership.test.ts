// The cell's membership through the contract, two cores in one process on loopback: create, invite, join, a
// used invitation refused, a removed laptop cut off.
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../../src/shared/contract/index';
import type { Core } from '../../../../../src/main/app/createCore';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, makeTestCore } from '../../../../support/testCore';

const tempDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => cores.splice(0).forEach((core) => core.close()));

const core = (): Core => {
  const made = makeTestCore(tempDir(), { cellTuning: { retryMs: 150, joinWaitMs: 8_000 } });
  cores.push(made);
  return made;
};
const ws = { workspaceId: 'live' };

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('cell membership', () => {
  it('creates a cell, admits a laptop with a one-time join code, and refuses the code a second time', async () => {
    const a = core();
    const b = core();
    const c = core();
    expect(await invoke(a, 'cell:status', ws)).toMatchObject({ cell: null });
    await invoke(a, 'cell:create', { ...ws, memberName: 'Alice', roles: ['lead'] });
    await expect(invoke(a, 'cell:invite', ws)).rejects.toThrow(/sync on/);
    await invoke(a, 'cell:start', { ...ws, host: '127.0.0.1' });
    const { joinCode } = await invoke(a, 'cell:invite', ws);
    const joined = await invoke(b, 'cell:join', { ...ws, joinCode, memberName: 'Bob', roles: ['comms'], host: '127.0.0.2' });
    expect(joined.cell?.members.map((m) => m.name)).toEqual(['Alice', 'Bob']);
    const second = await invoke(c, 'cell:join', { ...ws, joinCode, memberName: 'Mallory', host: '127.0.0.3' }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(AppFailure);
    expect((second as AppFailure).code).toBe('FORBIDDEN');
    expect(await invoke(c, 'cell:status', ws)).toMatchObject({ cell: null });
    const [sa, sb] = await until(
      () => Promise.all([invoke(a, 'cell:status', ws), invoke(b, 'cell:status', ws)]),
      ([x, y]) => JSON.stringify(x.cell?.heads) === JSON.stringify(y.cell?.heads) && (x.cell?.members.every((m) => m.addresses.length === 1) ?? false),
    );
    expect(sa.cell?.members.map((m) => [m.name, m.roles, m.addresses])).toEqual(sb.cell?.members.map((m) => [m.name, m.roles, m.addresses]));
  });

  it('refuses a forged secret and a laptop that is not the inviting one, without burning the invitation', async () => {
    const a = core();
    const b = core();
    await invoke(a, 'cell:create', { ...ws, memberName: 'Alice' });
    await invoke(a, 'cell:start', { ...ws, host: '127.0.0.1' });
    const { joinCode } = await invoke(a, 'cell:invite', ws);
    const prefix = joinCode.slice(0, joinCode.indexOf('.') + 1);
    const fields = JSON.parse(Buffer.from(joinCode.slice(prefix.length), 'base64url').toString('utf8')) as Record<string, unknown>;
    const recode = (change: Record<string, unknown>): string => prefix + Buffer.from(JSON.stringify({ ...fields, ...change })).toString('base64url');
    const join = (code: string) => invoke(b, 'cell:join', { ...ws, joinCode: code, memberName: 'Bob', host: '127.0.0.2' });

    await expect(join(recode({ secret: 'A'.repeat(43) }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A pin that is not the inviting laptop's certificate: the newcomer hangs up before sending its secret.
    await expect(join(recode({ pin: '0'.repeat(64) }))).rejects.toThrow(/not the one that made this join code/);
    await expect(join(recode({ cellId: 'not-a-uuid' }))).rejects.toThrow(/damaged/);
    expect(await invoke(b, 'cell:status', ws)).toMatchObject({ cell: null });
    expect((await join(joinCode)).cell?.members.map((m) => m.name)).toEqual(['Alice', 'Bob']);
  });

  it('refuses a join code that is not one', async () => {
    const b = core();
    await expect(invoke(b, 'cell:join', { ...ws, joinCode: 'hello', memberName: 'Bob', host: '127.0.0.2' })).rejects.toThrow(/not a Tocsin cell join code/);
    const wildcard = (await invoke(b, 'cell:start', { ...ws, host: '0.0.0.0' }).catch((e: unknown) => e)) as AppFailure;
    expect(wildcard.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(wildcard.issues)).toMatch(/not every interface/);
  });
});
