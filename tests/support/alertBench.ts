// A Vitest file's alert bench: a core alerting through the loopback relay and gateway of alertServers.ts (kept apart
// so the Playwright specs can import those servers without Vitest).
import { afterEach } from 'vitest';
import type { Core } from '../../src/main/app/createCore';
import type { CrisisPlan } from '../../src/shared/domain/plan';
import { alertSettings, reachablePlan } from './alertPlan';
import { gateway, mailRelay, type Gateway, type MailRelay } from './alertServers';
import { invoke, makeTestCore } from './testCore';

/** A core that alerts through a loopback relay and gateway, on a clock the test moves. */
export interface AlertBench {
  /** The core open now (`restart` opens another). */
  core: Core;
  readonly plan: CrisisPlan;
  readonly relay: MailRelay;
  readonly gw: Gateway;
  /** Sets the clock `minutes` after the start. */
  at(minutes: number): void;
  advance(ms: number): void;
  /** Closes the core and opens it again on its data folder and the same clock (a restart). */
  restart(): Core;
}

/**
 * For a file whose tests alert through the channels: `start` opens a relay, a gateway and a core at `startAt` with
 * a reachable plan (edited by `edit`) and the live workspace's alert settings pointing at them; each test's are
 * closed after it.
 */
export function useAlertServers(newDir: () => string, startAt: number) {
  let bench: AlertBench | undefined;
  afterEach(async () => {
    const closing = bench;
    bench = undefined;
    closing?.core.close();
    await closing?.relay.close();
    await closing?.gw.close();
  });
  return {
    async start(edit?: (plan: CrisisPlan) => void): Promise<AlertBench> {
      let t = startAt;
      const dir = newDir();
      const open = () => makeTestCore(dir, { clock: { now: () => new Date(t) }, notify: { intervalMs: 0, requestTimeoutMs: 2_000, random: () => 0.5 } });
      const relay = await mailRelay();
      const gw = await gateway();
      const core = open();
      const opened: AlertBench = {
        core,
        plan: await reachablePlan(core, edit),
        relay,
        gw,
        at: (minutes) => void (t = startAt + minutes * 60_000),
        advance: (ms) => void (t += ms),
        restart() {
          opened.core.close();
          opened.core = open();
          return opened.core;
        },
      };
      bench = opened;
      await invoke(core, 'notify:setSettings', { workspaceId: 'live', settings: alertSettings(relay.port, gw.url) });
      return opened;
    },
    /** The running test's bench. */
    current(): AlertBench {
      if (!bench) throw new Error('no alert servers started in this test');
      return bench;
    },
  };
}
