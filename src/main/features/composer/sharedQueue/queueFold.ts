// A queue item as the cell's operations on it decide, the same on every laptop: the operations folded in the order
// every laptop uses (hybrid clock, laptop, id). The first flag names who put the item in the queue and why, unless
// the triage rules put it there (they run on every laptop over the same mentions); the last assignment holds; a
// reply, a close or an answer takes effect only while the item still waits, so when two laptops act on it at once
// the earlier by clock wins and the later changes nothing.
import { z } from 'zod';
import { RESPONSE_REASONS } from '../../../../shared/domain/responseQueue';
import type { ReceivedOp } from '../../../platform/sync/sharedOpLog';

export const QUEUE_OP_KINDS = ['flag', 'assign', 'reply', 'close', 'answered', 'state'] as const;
export type QueueOpKind = (typeof QUEUE_OP_KINDS)[number];

const reason = z.enum(RESPONSE_REASONS);
const text = z.string().max(20_000);
const statementId = z.string().max(200);

/** What each kind carries; every one names the item's reason as its laptop saw it. */
export const queueOpData = {
  flag: z.object({ reason }),
  assign: z.object({ reason, role: z.string().max(80).nullable() }),
  reply: z.object({ reason, statementId }),
  close: z.object({ reason, state: z.enum(['offline', 'dismissed']), note: text }),
  answered: z.object({ reason, statementId }),
  /** An item handled before its laptop joined the cell, as it stood then. */
  state: z.object({
    reason,
    assignedRole: z.string().max(80).nullable(),
    state: z.enum(['open', 'replying', 'answered', 'offline', 'dismissed']),
    statementId: statementId.nullable(),
    note: text.nullable(),
    handledBy: z.string().max(200).nullable(),
    handledAt: z.iso.datetime().nullable(),
  }),
} as const;
export type QueueOpData = { [K in QueueOpKind]: z.infer<(typeof queueOpData)[K]> };

/** The rules' own flag of the item on this laptop, when they flagged it. */
export interface RulesFlag {
  readonly reason: string;
  readonly flaggedAt: string;
  readonly assignedRole: string | null;
}

export interface FoldedItem {
  readonly reason: string;
  readonly flaggedBy: string;
  readonly flaggedAt: string;
  readonly assignedRole: string | null;
  readonly state: string;
  readonly statementId: string | null;
  readonly note: string | null;
  readonly handledBy: string | null;
  readonly handledAt: string | null;
}

type Parsed = { [K in QueueOpKind]: { op: ReceivedOp; kind: K; data: QueueOpData[K] } }[QueueOpKind];

function parse(op: ReceivedOp): Parsed | null {
  if (!(QUEUE_OP_KINDS as readonly string[]).includes(op.kind)) return null;
  try {
    const parsed = queueOpData[op.kind as QueueOpKind].safeParse(JSON.parse(op.data));
    return parsed.success ? ({ op, kind: op.kind, data: parsed.data } as Parsed) : null;
  } catch {
    return null;
  }
}

/** Folds the item's genuine operations (in fold order); null when none of them can be read. */
export function foldItem(ops: readonly ReceivedOp[], rules: RulesFlag | null): FoldedItem | null {
  const parsed = ops.map(parse).filter((p): p is Parsed => p !== null);
  const first = parsed.find((p) => p.kind === 'flag') ?? parsed[0];
  if (!first) return null;
  let item: FoldedItem = rules
    ? { reason: rules.reason, flaggedBy: 'rules', flaggedAt: rules.flaggedAt, assignedRole: rules.assignedRole, ...WAITING }
    : { reason: first.data.reason, flaggedBy: first.op.by, flaggedAt: first.op.at, assignedRole: null, ...WAITING };
  for (const p of parsed) item = step(item, p);
  return item;
}

const WAITING = { state: 'open', statementId: null, note: null, handledBy: null, handledAt: null } as const;
const waiting = (item: FoldedItem): boolean => item.state === 'open' || item.state === 'replying';

function step(item: FoldedItem, p: Parsed): FoldedItem {
  switch (p.kind) {
    case 'flag':
      return item;
    case 'assign':
      return { ...item, assignedRole: p.data.role };
    case 'reply':
      return waiting(item) && item.statementId === null ? { ...item, state: 'replying', statementId: p.data.statementId } : item;
    case 'close':
      return waiting(item) ? { ...item, state: p.data.state, note: p.data.note, handledBy: p.op.by, handledAt: p.op.at } : item;
    case 'answered':
      // Who answered: the laptop that published the reply, by its member's name.
      return item.state === 'replying' && item.statementId === p.data.statementId
        ? { ...item, state: 'answered', handledBy: p.op.memberName ?? p.op.by, handledAt: p.op.at }
        : item;
    case 'state': {
      const d = p.data;
      let next: FoldedItem = { ...item, assignedRole: d.assignedRole };
      if (d.statementId !== null) next = step(next, { ...p, kind: 'reply', data: { reason: d.reason, statementId: d.statementId } });
      if ((d.state === 'offline' || d.state === 'dismissed') && waiting(next)) {
        next = { ...next, state: d.state, note: d.note, handledBy: d.handledBy, handledAt: d.handledAt };
      }
      if (d.state === 'answered' && next.state === 'replying' && next.statementId === d.statementId) {
        next = { ...next, state: 'answered', handledBy: d.handledBy, handledAt: d.handledAt };
      }
      return next;
    }
  }
}
