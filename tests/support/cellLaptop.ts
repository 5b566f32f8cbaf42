// A laptop of the cell tests: a child process running a real core on its own data folder (see cellChild.ts),
// driven through the contract; a cell of three such laptops on loopback; and a poller for what converges.
import { fork, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { beforeAll } from 'vitest';
import { bundleForChild } from './appExternals';
import { AppFailure, type CallInput, type CallName, type CallOutput, type Result } from '../../src/shared/contract/index';

/** Bundles the child once per test file, leaving outside what the app itself loads from node_modules. */
export const bundleCellChild = (outfile: string): string => bundleForChild('tests/support/cellChild.ts', outfile);

export class Laptop {
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, { name: string; settle: (result: Result<unknown>) => void; fail: (error: Error) => void }>();
  readonly ready: Promise<void>;
  #next = 1;
  /** Set once the child has exited: a crash then fails the calls in flight instead of leaving them to time out. */
  #exit: string | null = null;

  constructor(
    readonly bundle: string,
    readonly dataDir: string,
    env: Record<string, string> = {},
  ) {
    this.#child = fork(bundle, [dataDir], { env: { ...process.env, ...env, NODE_PATH: resolve('node_modules') }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.#child.once('exit', (code, signal) => {
      this.#exit = `laptop ${dataDir} exited (${code === null ? `signal ${signal}` : `code ${code}`})`;
      for (const { name, fail } of this.#pending.values()) fail(new Error(`${name}: ${this.#exit}`));
      this.#pending.clear();
    });
    this.ready = new Promise((resolveReady, reject) => {
      this.#child.once('exit', (code) => reject(new Error(`laptop exited early (${code})`)));
      this.#child.on('message', (message: { ready?: true; id?: number; result?: Result<unknown> }) => {
        if (message.ready) resolveReady();
        else if (message.id !== undefined && message.result) {
          this.#pending.get(message.id)?.settle(message.result);
          this.#pending.delete(message.id);
        }
      });
    });
  }

  async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const result = await this.#send(name, input);
    if (!result.ok) throw new AppFailure(result.error.code, result.error.message, result.error.issues);
    return result.value as CallOutput<K>;
  }

  /** Closes the core (its database included) and waits for the process to end. */
  async close(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise((r) => this.#child.once('exit', r));
    await this.#send('close', undefined);
    await exited;
  }

  /** Moves this laptop's clock on. */
  async advance(ms: number): Promise<void> {
    await this.#send('advance', ms);
  }

  /** Runs one pass of this laptop's alert queue (escalation steps due, then sending). */
  async deliver(): Promise<void> {
    await this.#send('deliver', undefined);
  }

  /** The same laptop started again on its data folder (after `kill` or `close`). */
  restarted(): Laptop {
    return new Laptop(this.bundle, this.dataDir);
  }

  kill(): void {
    if (this.#child.exitCode === null) this.#child.kill('SIGKILL');
  }

  #send(name: string, input: unknown): Promise<Result<unknown>> {
    if (this.#exit !== null) return Promise.reject(new Error(`${name}: ${this.#exit}`));
    const id = this.#next++;
    return new Promise((settle, fail) => {
      this.#pending.set(id, { name, settle, fail });
      this.#child.send({ id, name, input });
    });
  }
}

type Laptops<N extends 2 | 3> = N extends 2 ? [Laptop, Laptop] : [Laptop, Laptop, Laptop];

/**
 * Before the file's tests: bundles the child, starts `count` laptops on fresh data folders and hands them, ready, to
 * `started`. The file kills them after its tests (it may have restarted some).
 */
export function useLaptops<N extends 2 | 3>(count: N, tempDir: () => string, timeoutMs: number, started: (laptops: Laptops<N>) => unknown): void {
  beforeAll(async () => {
    const bundle = bundleCellChild(join(tempDir(), 'cellChild.cjs'));
    const laptops = Array.from({ length: count }, () => new Laptop(bundle, tempDir()));
    await Promise.all(laptops.map((laptop) => laptop.ready));
    await started(laptops as Laptops<N>);
  }, timeoutMs);
}

/** Reads until `ok` holds, or fails after `ms` showing the last value read. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 60_000, everyMs = 200): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(value).slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const ws = { workspaceId: 'live' };

export async function cellOf(laptop: Laptop) {
  const status = await laptop.call('cell:status', ws);
  if (!status.cell) throw new Error('not in a cell');
  return status.cell;
}

/**
 * A cell of three laptops on 127.0.0.1–3: A creates it and listens, B and C join with A's invitations; resolves once
 * every laptop lists all three members with their addresses.
 */
export async function joinThree([a, b, c]: readonly [Laptop, Laptop, Laptop], names: readonly [string, string, string] = ['Alice', 'Bob', 'Carol']): Promise<void> {
  await a.call('cell:create', { ...ws, memberName: names[0], roles: ['lead'] });
  await a.call('cell:start', { ...ws, host: '127.0.0.1' });
  await b.call('cell:join', { ...ws, joinCode: (await a.call('cell:invite', ws)).joinCode, memberName: names[1], roles: [], host: '127.0.0.2' });
  await c.call('cell:join', { ...ws, joinCode: (await a.call('cell:invite', ws)).joinCode, memberName: names[2], roles: [], host: '127.0.0.3' });
  await until(() => Promise.all([a, b, c].map(cellOf)), (all) => all.every((s) => s.members.length === 3 && s.members.every((m) => m.addresses.length === 1)));
}
