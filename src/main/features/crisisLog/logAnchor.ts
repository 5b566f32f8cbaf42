// The crisis log's head kept outside the database, beside the key file (`<id>.head`) and in each backup:
// whoever cuts the tail of the log or swaps in an older copy of the database leaves the anchor ahead of it.
// The file is authenticated with a key derived from the workspace secret, so it cannot be rewritten to match.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../../platform/files/atomicFile';
import { GENESIS_HASH } from './chainHash';

const HASH = z.string().regex(/^[0-9a-f]{64}$/);
const anchorFileSchema = z.object({
  version: z.literal(1),
  workspaceId: z.string(),
  seq: z.number().int().nonnegative(),
  hash: HASH,
  prevHash: HASH,
  mac: HASH,
});

/** The last record the application appended: its number, its link and the link before it. */
export interface Anchor {
  readonly seq: number;
  readonly hash: string;
  readonly prevHash: string;
}

export const GENESIS_ANCHOR: Anchor = { seq: 0, hash: GENESIS_HASH, prevHash: GENESIS_HASH };

export type AnchorRead = { readonly state: 'missing' } | { readonly state: 'invalid' } | { readonly state: 'ok'; readonly anchor: Anchor };

const macOf = (key: Buffer, workspaceId: string, a: Anchor): string =>
  createHmac('sha256', key).update(JSON.stringify(['tocsin-log-anchor-v1', workspaceId, a.seq, a.hash, a.prevHash]), 'utf8').digest('hex');

export function writeAnchor(path: string, key: Buffer, workspaceId: string, anchor: Anchor): void {
  const file = { version: 1, workspaceId, seq: anchor.seq, hash: anchor.hash, prevHash: anchor.prevHash, mac: macOf(key, workspaceId, anchor) };
  writeFileAtomic(path, JSON.stringify(file));
}

export function readAnchor(path: string, key: Buffer, workspaceId: string): AnchorRead {
  if (!existsSync(path)) return { state: 'missing' };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { state: 'invalid' };
  }
  const parsed = anchorFileSchema.safeParse(json);
  if (!parsed.success || parsed.data.workspaceId !== workspaceId) return { state: 'invalid' };
  const { seq, hash, prevHash, mac } = parsed.data;
  const anchor = { seq, hash, prevHash };
  const expected = Buffer.from(macOf(key, workspaceId, anchor), 'hex');
  return timingSafeEqual(expected, Buffer.from(mac, 'hex')) ? { state: 'ok', anchor } : { state: 'invalid' };
}
