// The faults of one soak seed, drawn with fast-check from the seed alone, so a failing seed replays the same
// schedule: a network lane (a wire between two nodes cut, or one node cut from all) and a process lane (a laptop
// paused with SIGSTOP or SIGKILLed and started again on its data folder, the relay SIGKILLed and started again).
// The two lanes run side by side until the script's steps under faults are done; then everything is healed.
import fc from 'fast-check';
import type { LaptopProcess, RelayProcess, Wires } from './cellNodes';

export type Fault =
  | { readonly kind: 'cut'; readonly a: number; readonly b: number; readonly holdMs: number }
  | { readonly kind: 'isolate'; readonly node: number; readonly holdMs: number }
  | { readonly kind: 'pause'; readonly laptop: number; readonly holdMs: number }
  | { readonly kind: 'crash'; readonly laptop: number; readonly holdMs: number }
  | { readonly kind: 'relayCrash'; readonly holdMs: number };

export interface FaultPlan {
  readonly network: readonly { gapMs: number; fault: Fault }[];
  readonly processes: readonly { gapMs: number; fault: Fault }[];
}

/** Nodes 0–3 are the laptops, 4 the relay. */
export function faultPlan(seed: number, laptops: number): FaultPlan {
  const node = fc.integer({ min: 0, max: laptops });
  const laptop = fc.integer({ min: 0, max: laptops - 1 });
  const hold = fc.noBias(fc.integer({ min: 300, max: 2_500 }));
  const gap = fc.noBias(fc.integer({ min: 200, max: 1_500 }));
  const cut = fc
    .record({ a: node, b: node, holdMs: hold })
    .filter(({ a, b }) => a !== b)
    .map((f): Fault => ({ kind: 'cut', ...f }));
  const isolate = fc.record({ node, holdMs: hold }).map((f): Fault => ({ kind: 'isolate', ...f }));
  const pause = fc.record({ laptop, holdMs: hold }).map((f): Fault => ({ kind: 'pause', ...f }));
  const crash = fc.record({ laptop, holdMs: hold }).map((f): Fault => ({ kind: 'crash', ...f }));
  const relayCrash = fc.record({ holdMs: hold }).map((f): Fault => ({ kind: 'relayCrash', ...f }));
  const lane = (fault: fc.Arbitrary<Fault>) => fc.array(fc.record({ gapMs: gap, fault }), { minLength: 30, maxLength: 30 });
  const plan = fc.record({
    network: lane(fc.oneof({ arbitrary: cut, weight: 3 }, { arbitrary: isolate, weight: 1 })),
    processes: lane(fc.oneof(pause, crash, relayCrash)),
  });
  return fc.sample(plan, { seed, numRuns: 1 })[0] as FaultPlan;
}

export const describeFault = (fault: Fault, names: readonly string[]): string => {
  switch (fault.kind) {
    case 'cut':
      return `cut ${names[fault.a]}–${names[fault.b]} ${fault.holdMs} ms`;
    case 'isolate':
      return `isolate ${names[fault.node]} ${fault.holdMs} ms`;
    case 'pause':
      return `SIGSTOP ${names[fault.laptop]} ${fault.holdMs} ms`;
    case 'crash':
      return `SIGKILL ${names[fault.laptop]}, restart after ${fault.holdMs} ms`;
    case 'relayCrash':
      return `SIGKILL relay, restart after ${fault.holdMs} ms`;
  }
};

export interface Cell {
  readonly laptops: readonly LaptopProcess[];
  readonly relay: RelayProcess;
  readonly wires: Wires;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs both lanes until `stop` resolves, then heals every fault; resolves with what was injected. */
export async function injectFaults(cell: Cell, plan: FaultPlan, stop: Promise<void>, record: (line: string) => void): Promise<void> {
  let stopped = false;
  const stopping = stop.then(() => {
    stopped = true;
  });
  const names = [...cell.laptops.map((l) => l.name), cell.relay.name];
  const hold = (ms: number): Promise<void> => Promise.race([sleep(ms), stopping]);
  const lane = async (faults: FaultPlan['network']): Promise<void> => {
    for (let i = 0; !stopped; i = (i + 1) % faults.length) {
      const { gapMs, fault } = faults[i]!;
      await hold(gapMs);
      if (stopped) return;
      record(describeFault(fault, names));
      await apply(cell, fault, names, hold);
    }
  };
  await Promise.all([lane(plan.network), lane(plan.processes)]);
}

async function apply(cell: Cell, fault: Fault, names: readonly string[], hold: (ms: number) => Promise<void>): Promise<void> {
  switch (fault.kind) {
    case 'cut':
      cell.wires.cut(names[fault.a]!, names[fault.b]!);
      await hold(fault.holdMs);
      cell.wires.restore(names[fault.a]!, names[fault.b]!);
      return;
    case 'isolate': {
      const others = names.filter((_, i) => i !== fault.node);
      for (const other of others) cell.wires.cut(names[fault.node]!, other);
      await hold(fault.holdMs);
      for (const other of others) cell.wires.restore(names[fault.node]!, other);
      return;
    }
    case 'pause': {
      const laptop = cell.laptops[fault.laptop]!;
      laptop.pause();
      await hold(fault.holdMs);
      laptop.resume();
      return;
    }
    case 'crash': {
      const laptop = cell.laptops[fault.laptop]!;
      await laptop.kill();
      await hold(fault.holdMs);
      await laptop.start();
      return;
    }
    case 'relayCrash':
      await cell.relay.kill();
      await hold(fault.holdMs);
      await cell.relay.start();
  }
}
