// The backend as the renderer sees it through `window.api` (the preload's seam): each test says what a call
// answers, and every input the screens send is checked against the contract as the real dispatcher does.
import type { z } from 'zod';
import {
  AppFailure,
  callNames,
  calls,
  fail,
  ok,
  type AppApi,
  type CallInput,
  type CallName,
  type CallOutput,
  type ErrorCode,
  type EventName,
  type Wording,
  type EventPayload,
  type Result,
} from '../../../src/shared/contract/index';

type Parsed<K extends CallName> = z.output<(typeof calls)[K]['input']>;
export type Handler<K extends CallName> = (input: Parsed<K>) => CallOutput<K> | Promise<CallOutput<K>>;

interface Received {
  readonly name: CallName;
  readonly input: unknown;
}

const issuesOf = (error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

export class FakeBackend {
  private readonly handlers = new Map<CallName, (input: unknown) => unknown>();
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  private readonly log: Received[] = [];
  private readonly mayRefuse = new Set<CallName>();
  /** Inputs the contract refuses and replies that break it: a test ends by checking there are none. */
  readonly problems: string[] = [];

  readonly api: AppApi = {
    ...Object.fromEntries(callNames.map((name) => [name, (input: unknown) => this.invoke(name, input)])),
    subscribe: (name: EventName, listener: (payload: unknown) => void) => {
      let set = this.listeners.get(name);
      if (!set) this.listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  } as unknown as AppApi;

  on<K extends CallName>(name: K, handler: Handler<K>): this {
    this.handlers.set(name, handler as (input: unknown) => unknown);
    return this;
  }

  reply<K extends CallName>(name: K, value: CallOutput<K>): this {
    return this.on(name, () => value);
  }

  /**
   * The call fails as the backend would refuse it, e.g. `INVALID_INPUT` with the paths at fault; `wording` is the
   * catalogue key and values main sends beside its English message.
   */
  refuse(name: CallName, code: ErrorCode, message: string, issues?: { path: string; message: string }[], wording?: Wording): this {
    this.handlers.set(name, () => {
      throw new AppFailure(code, message, issues, wording);
    });
    return this;
  }

  /** The screen leaves this check to the backend: input the contract refuses is answered INVALID_INPUT, as main would. */
  expectInvalidInput(name: CallName): this {
    this.mayRefuse.add(name);
    return this;
  }

  /** What the screens sent to `name`, in order, exactly as they sent it. */
  sent<K extends CallName>(name: K): CallInput<K>[] {
    return this.log.filter((r) => r.name === name).map((r) => r.input as CallInput<K>);
  }

  callCount(name: CallName): number {
    return this.log.filter((r) => r.name === name).length;
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }

  reset(): void {
    this.handlers.clear();
    this.listeners.clear();
    this.log.length = 0;
    this.mayRefuse.clear();
    this.problems.length = 0;
  }

  private async invoke(name: CallName, raw: unknown): Promise<Result<unknown>> {
    this.log.push({ name, input: structuredClone(raw) });
    const spec = calls[name];
    const parsed = spec.input.safeParse(raw ?? {});
    if (!parsed.success) {
      if (!this.mayRefuse.has(name)) this.problems.push(`${name} was sent input the contract refuses: ${JSON.stringify(issuesOf(parsed.error))}`);
      return fail('INVALID_INPUT', `Invalid input for ${name}.`, issuesOf(parsed.error));
    }
    const handler = this.handlers.get(name);
    if (!handler) return fail('UNAVAILABLE', `${name} has no answer in this test.`);
    try {
      const value = await handler(parsed.data);
      const out = spec.output.safeParse(value);
      if (!out.success) this.problems.push(`the test's reply to ${name} breaks the contract: ${JSON.stringify(issuesOf(out.error))}`);
      return ok(value);
    } catch (error) {
      if (error instanceof AppFailure) return fail(error.code, error.message, error.issues, error.wording);
      this.problems.push(`the test's handler for ${name} threw: ${String(error)}`);
      return fail('INTERNAL', String(error));
    }
  }
}

export const backend = new FakeBackend();
