// A laptop of the cell tests: a child process running a real core on its own data folder (see cellChild.ts),
// driven through the contract.
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { appExternals } from './appExternals';
import { AppFailure, type CallInput, type CallName, type CallOutput, type Result } from '../../src/shared/contract/index';

/** Bundles the child once per test file, leaving outside what the app itself loads from node_modules. */
export function bundleCellChild(outfile: string): string {
  buildSync({
    entryPoints: [resolve('tests/support/cellChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    external: appExternals,
    logLevel: 'error',
  });
  return outfile;
}

export class Laptop {
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, (result: Result<unknown>) => void>();
  readonly ready: Promise<void>;
  #next = 1;

  constructor(
    bundle: string,
    readonly dataDir: string,
  ) {
    this.#child = fork(bundle, [dataDir], { env: { ...process.env, NODE_PATH: resolve('node_modules') }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.ready = new Promise((resolveReady, reject) => {
      this.#child.once('exit', (code) => reject(new Error(`laptop exited early (${code})`)));
      this.#child.on('message', (message: { ready?: true; id?: number; result?: Result<unknown> }) => {
        if (message.ready) resolveReady();
        else if (message.id !== undefined && message.result) {
          this.#pending.get(message.id)?.(message.result);
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

  kill(): void {
    if (this.#child.exitCode === null) this.#child.kill('SIGKILL');
  }

  #send(name: string, input: unknown): Promise<Result<unknown>> {
    const id = this.#next++;
    return new Promise((resolveCall) => {
      this.#pending.set(id, resolveCall);
      this.#child.send({ id, name, input });
    });
  }
}
