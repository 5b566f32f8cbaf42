// The processes of the cell soak and the wires between them. Each node (four laptops, one relay) listens on a port
// of its own loopback address chosen before it starts, so a node killed and started again on its data folder comes
// back where the others dial it. Every dial of one node to another goes through that ordered pair's LinkProxy.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { bundleForChild } from '../../tests/support/appExternals';
import { AppFailure, type CallInput, type CallName, type CallOutput, type Result } from '../../src/shared/contract/index';
import type { LaptopDigest } from './cellDigest';
import { LinkProxy } from './linkProxy';

export interface Bundles {
  readonly laptop: string;
  readonly relay: string;
  readonly routes: string;
}

/** Bundles the laptop child, the relay entry (`npm run relay`'s) and the dial router into `dir`. */
export function bundle(dir: string): Bundles {
  const out = { laptop: resolve(dir, 'soakLaptop.cjs'), relay: resolve(dir, 'relay.cjs'), routes: resolve(dir, 'dialRoutes.cjs') };
  bundleForChild('scripts/soak/soakLaptop.ts', out.laptop);
  bundleForChild('src/main/relay.ts', out.relay);
  bundleForChild('scripts/soak/dialRoutes.ts', out.routes);
  return out;
}

/** A free port on `host`, taken and let go at once (the node binds it a moment later). */
export function freePort(host: string): Promise<number> {
  const server = createServer();
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

/** The process is gone (killed, crashed): the call's outcome is unknown. */
export class NodeDown extends Error {}

export interface NodeAddress {
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

const address = (n: NodeAddress): string => `${n.host}:${n.port}`;

/** One ordered pair's proxy per pair of nodes, and what each node's router maps. */
export class Wires {
  readonly #proxies = new Map<string, LinkProxy>();

  private constructor(readonly nodes: readonly NodeAddress[]) {}

  static async between(nodes: readonly NodeAddress[]): Promise<Wires> {
    const wires = new Wires(nodes);
    for (const from of nodes) for (const to of nodes) if (from !== to) wires.#proxies.set(`${from.name}>${to.name}`, await LinkProxy.open(to));
    return wires;
  }

  /** What `from`'s dial router sends where. */
  routesOf(from: NodeAddress): Record<string, string> {
    return Object.fromEntries(this.nodes.filter((to) => to !== from).map((to) => [address(to), `127.0.0.1:${this.#proxy(from.name, to.name).port}`]));
  }

  cut(a: string, b: string): void {
    this.#proxy(a, b).cut();
    this.#proxy(b, a).cut();
  }

  restore(a: string, b: string): void {
    this.#proxy(a, b).restore();
    this.#proxy(b, a).restore();
  }

  restoreAll(): void {
    for (const proxy of this.#proxies.values()) proxy.restore();
  }

  async close(): Promise<void> {
    await Promise.all([...this.#proxies.values()].map((p) => p.close()));
  }

  #proxy(from: string, to: string): LinkProxy {
    const proxy = this.#proxies.get(`${from}>${to}`);
    if (!proxy) throw new Error(`no wire ${from}>${to}`);
    return proxy;
  }
}

const childEnv = (routes: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, NODE_PATH: resolve('node_modules'), TOCSIN_SOAK_ROUTES: JSON.stringify(routes) });

/** A node's process on its own loopback address and data folder, started again there after a kill. */
abstract class NodeProcess implements NodeAddress {
  protected child: ChildProcess | undefined;

  constructor(
    readonly name: string,
    readonly host: string,
    readonly port: number,
    readonly dataDir: string,
    protected readonly bundles: Bundles,
    protected readonly routes: Record<string, string>,
  ) {}

  get up(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(): Promise<void> {
    await this.stop((child) => child.kill('SIGKILL'));
  }

  /** Asks the running process to end with `how` and waits until it has; nothing when it is down. */
  protected async stop(how: (child: ChildProcess) => unknown): Promise<void> {
    const child = this.child;
    if (!child || !this.up) return;
    const exited = new Promise((r) => child.once('exit', r));
    await how(child);
    await exited;
  }
}

/** A laptop: its core process, started again on the same data folder after a kill. */
export class LaptopProcess extends NodeProcess {
  #ready: Promise<void> = Promise.resolve();
  readonly #pending = new Map<number, { resolve: (r: Result<unknown>) => void; reject: (e: Error) => void }>();
  #next = 1;
  #paused = false;


  /** Resolves once the laptop runs and answers (after a restart when it is down). */
  async whenUp(): Promise<void> {
    while (!this.up) await new Promise((r) => setTimeout(r, 100));
    await this.#ready;
  }

  start(): Promise<void> {
    const child = fork(this.bundles.laptop, [this.dataDir], { execArgv: ['--require', this.bundles.routes], env: childEnv(this.routes), stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    this.child = child;
    this.#paused = false;
    this.#ready = new Promise((ready, fail) => {
      child.once('exit', (code, signal) => {
        fail(new NodeDown(`${this.name} exited (${code ?? signal})`));
        for (const pending of this.#pending.values()) pending.reject(new NodeDown(`${this.name} went down during a call`));
        this.#pending.clear();
      });
      child.on('message', (message: { ready?: true; id?: number; result?: Result<unknown> }) => {
        if (message.ready) ready();
        else if (message.id !== undefined && message.result) {
          this.#pending.get(message.id)?.resolve(message.result);
          this.#pending.delete(message.id);
        }
      });
    });
    // A start that fails is reported to whoever awaits it; nobody else must see an unhandled rejection.
    this.#ready.catch(() => undefined);
    return this.#ready;
  }

  /** Waits for the laptop's start, then calls; NodeDown when the process goes away before answering. */
  async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const result = await this.#send(name, input);
    if (!result.ok) throw new AppFailure(result.error.code, result.error.message, result.error.issues);
    return result.value as CallOutput<K>;
  }

  async digest(): Promise<LaptopDigest> {
    const result = await this.#send('digest', undefined);
    if (!result.ok) throw new Error(`${this.name} digest: ${result.error.message}`);
    return result.value as LaptopDigest;
  }

  pause(): void {
    if (this.up && !this.#paused) {
      this.child?.kill('SIGSTOP');
      this.#paused = true;
    }
  }

  resume(): void {
    if (this.up && this.#paused) {
      this.child?.kill('SIGCONT');
      this.#paused = false;
    }
  }

  async close(): Promise<void> {
    this.resume();
    await this.stop(() => this.#send('close', undefined).catch(() => undefined));
  }

  async #send(name: string, input: unknown): Promise<Result<unknown>> {
    await this.#ready;
    const child = this.child;
    if (!child || !this.up) throw new NodeDown(`${this.name} is down`);
    const id = this.#next++;
    return new Promise((resolveCall, reject) => {
      this.#pending.set(id, { resolve: resolveCall, reject });
      child.send({ id, name, input }, (error) => {
        if (!error) return;
        this.#pending.delete(id);
        reject(new NodeDown(`${this.name}: ${error.message}`));
      });
    });
  }
}

/** The relay: `npm run relay`'s entry on its own data folder, joined once with a join code, then resumed. */
export class RelayProcess extends NodeProcess {

  /** Starts the relay; resolves once it prints that it syncs. */
  start(joinCode?: string): Promise<void> {
    const args = [this.bundles.relay, '--data', this.dataDir, '--host', this.host, '--port', String(this.port), '--name', 'Relais'];
    const env = { ...childEnv(this.routes), ...(joinCode ? { TOCSIN_JOIN_CODE: joinCode } : {}) };
    const child = spawn(process.execPath, ['--require', this.bundles.routes, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    // A driver that exits leaves no relay behind.
    const orphan = (): void => void child.kill('SIGKILL');
    process.once('exit', orphan);
    child.once('exit', () => process.off('exit', orphan));
    let out = '';
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    return new Promise((started, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('syncing on')) started();
      });
      child.once('exit', (code, signal) => fail(new NodeDown(`relay exited (${code ?? signal}): ${out.slice(-2000)}`)));
    });
  }

  async close(): Promise<void> {
    await this.stop((child) => child.kill('SIGTERM'));
  }
}
