// The crisis cell: the laptops that replicate a workspace over the LAN, who they belong to, and how a laptop
// is invited, joins, and is removed.
import { z } from 'zod';
import { workspaceIdSchema } from '../domain/workspace';
import { call, event } from './define';

const ws = z.object({ workspaceId: workspaceIdSchema });

/** An interface address, never a wildcard: cell sync listens only on the LAN address the person picks. */
export const interfaceAddressSchema = z
  .union([z.ipv4(), z.ipv6()])
  .refine((host) => host !== '0.0.0.0' && host !== '::', {
    message: 'name one interface address, not every interface',
    params: { wording: 'platform.validation.oneInterface' },
  });

export const peerAddressSchema = z
  .string()
  .max(80)
  .regex(/^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\]):\d{1,5}$/, 'host:port, with an IPv6 host in brackets');

export const memberNameSchema = z.string().trim().min(1).max(120);
export const memberRolesSchema = z.array(z.string().trim().min(1).max(80)).max(12);
/** A roster person's name as the plan spells it. */
export const personNameSchema = z.string().trim().min(1).max(120);
export const deviceIdSchema = z.string().regex(/^[0-9a-f]{32}$/);

export const memberSchema = z.object({
  deviceId: deviceIdSchema,
  name: z.string(),
  roles: z.array(z.string()),
  joinedAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  addresses: z.array(z.string()),
  /** The roster person this member picked in their profile: their mobilisations show on their laptop. */
  personName: z.string().nullable(),
  /** A relay (`npm run relay`): an always-on peer with no person behind it that keeps and passes on the cell's data. */
  relay: z.boolean(),
  /** This laptop's own entry. */
  self: z.boolean(),
  /** A link to this laptop is open now. */
  online: z.boolean(),
  /** When this laptop last heard from that one (its link opened, a message, its link closed); null for itself or never. */
  lastContact: z.iso.datetime().nullable(),
  /** This laptop's changes that one is not known to hold yet; null when nothing is known of what it holds. */
  waitingChanges: z.number().int().min(0).nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const cellStatusSchema = z.object({
  cell: z
    .object({
      cellId: z.string(),
      deviceId: deviceIdSchema,
      /** This laptop holds the cell's authority, so it can admit laptops. */
      authority: z.boolean(),
      listening: z.object({ host: z.string(), port: z.number().int() }).nullable(),
      members: z.array(memberSchema),
      /** The members document's heads: equal on two laptops once they have exchanged everything. */
      heads: z.array(z.string()),
      /** Set while other laptops are in the cell and none is linked: since the last contact with any (null: never). */
      cutOff: z.object({ since: z.iso.datetime().nullable() }).nullable(),
      /** This laptop's changes that at least one other laptop is known to lack. */
      waitingChanges: z.number().int().min(0),
      /** Laptops of this cell found on the network (mDNS) since sync went on: dialled, mutual TLS decides. */
      discovered: z.array(z.object({ deviceId: deviceIdSchema, address: z.string(), foundAt: z.iso.datetime(), member: z.boolean() })),
    })
    .nullable(),
  /** This computer's interface addresses, to pick where cell sync listens. */
  interfaces: z.array(z.object({ name: z.string(), address: z.string(), family: z.enum(['IPv4', 'IPv6']), internal: z.boolean() })),
});
export type CellStatus = z.infer<typeof cellStatusSchema>;

const profile = { memberName: memberNameSchema, roles: memberRolesSchema.default([]) };

export const cellCalls = {
  'cell:status': call(ws, cellStatusSchema),
  'cell:create': call(ws.extend(profile), cellStatusSchema),
  /** Turns cell sync on, listening on one interface address; port 0 lets the system pick. */
  'cell:start': call(ws.extend({ host: interfaceAddressSchema, port: z.number().int().min(0).max(65535).default(0) }), cellStatusSchema),
  'cell:stop': call(ws, cellStatusSchema),
  'cell:invite': call(ws.extend({ validMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60) }), z.object({ joinCode: z.string(), expiresAt: z.iso.datetime() })),
  'cell:join': call(
    ws.extend({
      ...profile,
      joinCode: z.string().trim().min(1).max(4000),
      host: interfaceAddressSchema,
      port: z.number().int().min(0).max(65535).default(0),
    }),
    cellStatusSchema,
  ),
  'cell:profile': call(ws.extend({ ...profile, /** Absent: kept as it is; null: no roster person. */ personName: personNameSchema.nullable().optional() }), cellStatusSchema),
  /** A peer's address typed by hand. */
  'cell:connect': call(ws.extend({ address: peerAddressSchema }), cellStatusSchema),
  'cell:remove': call(ws.extend({ deviceId: deviceIdSchema }), cellStatusSchema),
} as const;

export const cellEvents = {
  'cell:changed': event(ws),
} as const;
