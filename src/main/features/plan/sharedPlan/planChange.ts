// A plan revision as it travels between the cell's laptops: not the whole plan but what the revision changed, field
// by field (entries of a list of things with ids addressed by their id, never by position), so two laptops editing
// different parts of the plan at once both keep their edit. It names the laptop that made it, its hybrid logical
// clock, and carries that laptop's Ed25519 signature over all of it: nothing is trusted until the signature holds.
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { deviceSignatureHolds } from '../../../platform/sync/deviceSignature';

/** A key of an object, or the id of an entry of a list whose entries all have one. */
const segmentSchema = z.union([z.string().max(200), z.object({ id: z.string().max(200) }).strict()]);
export type Segment = z.infer<typeof segmentSchema>;
const pathSchema = z.array(segmentSchema).max(20);

export const planOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), path: pathSchema, value: z.unknown() }),
  z.object({ op: z.literal('remove'), path: pathSchema.min(1) }),
  /** The ids of a list's entries in their new order. */
  z.object({ op: z.literal('order'), path: pathSchema, ids: z.array(z.string().max(200)).max(5_000) }),
]);
export type PlanOp = z.infer<typeof planOpSchema>;
export const planOpsSchema = z.array(planOpSchema).max(20_000);

/** `base`: the whole plan the cell starts from (its founder's); `edit`: what one revision changed. */
export const PLAN_CHANGE_KINDS = ['base', 'edit'] as const;

export const planChangeSchema = z.object({
  id: z.uuid(),
  device: z.string().regex(/^[0-9a-f]{32}$/),
  hlc: z.string().regex(/^\d{15}\.\d{6}$/),
  at: z.iso.datetime(),
  kind: z.enum(PLAN_CHANGE_KINDS),
  origin: z.enum(['default', 'empty', 'edit', 'import']),
  /** Who accepted the lesson the revision came from; empty otherwise. */
  by: z.string().max(200),
  note: z.string().max(500),
  /** The lesson the revision came from, as JSON text, or empty. */
  lesson: z.string().max(20_000),
  /** The operations, as JSON text: read once the signature holds. */
  ops: z.string().max(6 * 1024 * 1024),
  signature: z.string().max(200),
});
export type PlanChange = z.infer<typeof planChangeSchema>;

/** One laptop's plan revisions, keyed by id, never by position, so a hostile insertion moves nothing. */
export interface PlanChangesDocument {
  changes: Record<string, PlanChange>;
}

/** Every signed field in one fixed order: the same content always gives the same bytes. */
const signedBytes = (c: Omit<PlanChange, 'signature'>): Buffer =>
  Buffer.from(JSON.stringify(['tocsin-plan-change-v1', c.id, c.device, c.hlc, c.at, c.kind, c.origin, c.by, c.note, c.lesson, c.ops]), 'utf8');

export const signPlanChange = (change: Omit<PlanChange, 'signature'>, signer: (data: Buffer) => Buffer): PlanChange => ({
  ...change,
  signature: signer(signedBytes(change)).toString('base64'),
});

export const planChangeHolds = (change: PlanChange, publicKeyPem: string | undefined): boolean =>
  deviceSignatureHolds(signedBytes(change), change.signature, publicKeyPem);

/** The local id of a change that is not genuine: the same forgery has the same id everywhere and never takes the genuine one's place. */
export function planForgeryId(change: PlanChange): string {
  const h = createHash('sha256').update(JSON.stringify(['tocsin-plan-forgery-v1', change.id, change.device, change.signature]), 'utf8').digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: Json): string | undefined => (isObject(v) && typeof v.id === 'string' ? v.id : undefined);

/** A list whose entries all have an id, each its own: its entries are addressed by id. */
const keyed = (list: readonly Json[]): boolean => {
  const ids = list.map(idOf);
  return ids.every((id) => id !== undefined) && new Set(ids).size === ids.length;
};

/** What turns `before` into `after`, field by field. */
export function planDiff(before: Json, after: Json): PlanOp[] {
  const ops: PlanOp[] = [];
  diffInto(before, after, [], ops);
  return ops;
}

function diffInto(before: Json, after: Json, path: Segment[], ops: PlanOp[]): void {
  if (isObject(before) && isObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      if (!(key in after)) ops.push({ op: 'remove', path: [...path, key] });
      else if (!(key in before)) ops.push({ op: 'set', path: [...path, key], value: after[key] });
      else diffInto(before[key], after[key], [...path, key], ops);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length > 0 && keyed(before) && keyed(after)) {
    const beforeIds = before.map((v) => idOf(v)!);
    const afterIds = after.map((v) => idOf(v)!);
    for (const id of beforeIds) if (!afterIds.includes(id)) ops.push({ op: 'remove', path: [...path, { id }] });
    for (const entry of after) {
      const id = idOf(entry)!;
      const old = before.find((v) => idOf(v) === id);
      if (old === undefined) ops.push({ op: 'set', path: [...path, { id }], value: entry });
      else diffInto(old, entry, [...path, { id }], ops);
    }
    // Without an order, kept entries keep theirs and new ones go last.
    const expected = [...beforeIds.filter((id) => afterIds.includes(id)), ...afterIds.filter((id) => !beforeIds.includes(id))];
    if (!isDeepStrictEqual(expected, afterIds)) ops.push({ op: 'order', path, ids: afterIds });
    return;
  }
  if (!isDeepStrictEqual(before, after)) ops.push({ op: 'set', path, value: after });
}

/**
 * `ops` applied to a copy of `plan`. An operation whose place is gone (a field of an entry another laptop removed)
 * changes nothing: every laptop skips it alike.
 */
export function applyPlanOps(plan: Json, ops: readonly PlanOp[]): Json {
  let root = structuredClone(plan);
  for (const op of ops) {
    if (op.path.length === 0) {
      if (op.op === 'set') root = structuredClone(op.value);
      else if (op.op === 'order' && Array.isArray(root)) reorder(root, op.ids);
      continue;
    }
    const parent = locate(root, op.path.slice(0, -1));
    const last = op.path.at(-1)!;
    if (op.op === 'order') {
      const list = locate(parent, [last]);
      if (Array.isArray(list)) reorder(list, op.ids);
    } else if (typeof last === 'string') {
      if (!isObject(parent)) continue;
      // Defined, not assigned: a key named "__proto__" from a peer is a plain key, never the object's prototype.
      if (op.op === 'set') Object.defineProperty(parent, last, { value: structuredClone(op.value), enumerable: true, writable: true, configurable: true });
      else delete parent[last];
    } else if (Array.isArray(parent)) {
      const index = parent.findIndex((v) => idOf(v) === last.id);
      if (op.op === 'remove') {
        if (index >= 0) parent.splice(index, 1);
      } else if (idOf(op.value) === last.id) {
        if (index >= 0) parent[index] = structuredClone(op.value);
        else parent.push(structuredClone(op.value));
      }
    }
  }
  return root;
}

function locate(root: Json, path: readonly Segment[]): Json {
  let at: Json = root;
  for (const segment of path) {
    if (typeof segment === 'string') at = isObject(at) && Object.hasOwn(at, segment) ? at[segment] : undefined;
    else at = Array.isArray(at) ? at.find((v) => idOf(v) === segment.id) : undefined;
    if (at === undefined) return undefined;
  }
  return at;
}

/** Listed entries in the listed order; the others (added elsewhere meanwhile) after them, as they were. */
function reorder(list: Json[], ids: readonly string[]): void {
  const rank = (v: Json): number => {
    const i = ids.indexOf(idOf(v) ?? '');
    return i < 0 ? ids.length : i;
  };
  const sorted = list.map((v, i) => ({ v, i })).sort((x, y) => rank(x.v) - rank(y.v) || x.i - y.i);
  list.splice(0, list.length, ...sorted.map(({ v }) => v));
}

/** What a revision changed, for the history: each operation's place, ids named. */
export const changedPaths = (ops: readonly PlanOp[]): string[] =>
  [...new Set(ops.map((op) => (op.path.length === 0 ? '(plan)' : op.path.map((s) => (typeof s === 'string' ? s : s.id)).join('.'))))].slice(0, 100);
