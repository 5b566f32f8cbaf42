// `npm run bench:sync -- --stages`: where an entry's time goes between its write on one laptop and its read on
// another. Each laptop stamps, per entry id, the moments it passes the stages it sees, from outside the app: the
// first sync message of the entry's document that leaves after the entry was put in it (automerge-repo sends every
// change a peer lacks in the next message for that document), the arrival of the message whose processing put it
// into the reader's copy, automerge-repo's change event naming it, and the read model's insert. The bench lines the
// writer's stamps up with each reader's.
import type * as A from '@automerge/automerge';
import { DocHandle, type Message } from '@automerge/automerge-repo';
import type { EventBus } from '../../src/main/platform/events/eventBus';
import { MutualTlsNetwork } from '../../src/main/platform/sync/mutualTlsNetwork';
import { CrisisLogRepository } from '../../src/main/features/crisisLog/crisisLogRepository';

/** The stages a laptop stamps, in the order an entry passes them. */
export const STAGES = ['sent', 'arrived', 'applied', 'stored'] as const;
export type Stage = (typeof STAGES)[number];
export type Stamps = Record<Stage, [string, number][]>;

/** The entry ids a log document's change event names. */
const entriesOf = (patches: A.Patch[]): string[] => patches.flatMap(({ path }) => (path[0] === 'pages' && path.length >= 3 ? [String(path[2])] : []));

/** Starts stamping on this laptop; `stamps()` gives each stage's first moment per entry. */
export function traceStages(events: EventBus, wall: () => number): { stamps(): Stamps } {
  const first = Object.fromEntries(STAGES.map((s) => [s, new Map<string, number>()])) as Record<Stage, Map<string, number>>;
  const stamp = (stage: Stage, ids: Iterable<string>, at = wall()): void => {
    for (const id of ids) if (!first[stage].has(id)) first[stage].set(id, at);
  };

  /** Entries put into a document and not yet sent in a sync message of it, by document id. */
  const unsent = new Map<string, Set<string>>();
  /** The incoming message being processed now: automerge-repo applies it before `emit` returns. */
  let arriving: { documentId: string; at: number } | undefined;

  const send = MutualTlsNetwork.prototype.send;
  MutualTlsNetwork.prototype.send = function (this: MutualTlsNetwork, message: Message) {
    if (message.type === 'sync' && message.documentId) {
      stamp('sent', unsent.get(message.documentId) ?? []);
      unsent.delete(message.documentId);
    }
    send.call(this, message);
  };
  const emitNetwork = MutualTlsNetwork.prototype.emit;
  MutualTlsNetwork.prototype.emit = function (this: MutualTlsNetwork, event: string, ...args: unknown[]) {
    const message = args[0] as Message;
    if (event !== 'message' || !message.documentId) return (emitNetwork as (e: string, ...a: unknown[]) => boolean).call(this, event, ...args);
    arriving = { documentId: message.documentId, at: wall() };
    try {
      return (emitNetwork as (e: string, ...a: unknown[]) => boolean).call(this, event, ...args);
    } finally {
      arriving = undefined;
    }
  } as typeof emitNetwork;
  const emitHandle = DocHandle.prototype.emit;
  DocHandle.prototype.emit = function (this: DocHandle<unknown>, event: string, ...args: unknown[]) {
    if (event === 'change') {
      const ids = entriesOf((args[0] as { patches: A.Patch[] }).patches);
      const at = wall();
      stamp('applied', ids, at);
      stamp('arrived', ids, arriving?.documentId === this.documentId ? arriving.at : at);
      const waiting = unsent.get(this.documentId) ?? new Set<string>();
      for (const id of ids) waiting.add(id);
      unsent.set(this.documentId, waiting);
    }
    return (emitHandle as (e: string, ...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emitHandle;
  // An entry is in the read model once its transaction commits, which the change event follows at once.
  const stored: string[] = [];
  const insertOrigin = CrisisLogRepository.prototype.insertOrigin;
  CrisisLogRepository.prototype.insertOrigin = function (this: CrisisLogRepository, origin) {
    insertOrigin.call(this, origin);
    stored.push(origin.entryId);
  };
  events.on('crisisLog:changed', () => stamp('stored', stored.splice(0)));

  return { stamps: () => Object.fromEntries(STAGES.map((s) => [s, [...first[s]]])) as Stamps };
}
