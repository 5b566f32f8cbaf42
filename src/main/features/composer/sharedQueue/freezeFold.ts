// A campaign's freeze as the cell decided it: every freeze and release made on any laptop is kept in the register,
// and the last decision in fold order holds (hybrid clock, then laptop and id): a decision made after hearing of
// another follows it whatever the laptops' clocks say, and two made at once are ordered the same on every laptop.
import { z } from 'zod';
import type { ReceivedOp } from '../../../platform/sync/sharedOpLog';
import type { CampaignRow, FreezeRow } from '../campaignFreezeRepository';


const freezeData = z.object({ name: z.string().max(500), channel: z.string().max(500), owner: z.string().max(500), reason: z.string().min(1).max(5_000) });

export interface FreezeChange {
  readonly row: FreezeRow;
  readonly campaign: Omit<CampaignRow, 'id'>;
}

/** The campaign's readable changes, the last of them the one that holds; null when none can be read. */
export function foldFreezes(ops: readonly ReceivedOp[]): FreezeChange[] | null {
  const changes: FreezeChange[] = [];
  for (const op of ops) {
    if (op.kind !== 'freeze' && op.kind !== 'unfreeze') continue;
    let data: z.infer<typeof freezeData>;
    try {
      const parsed = freezeData.safeParse(JSON.parse(op.data));
      if (!parsed.success) continue;
      data = parsed.data;
    } catch {
      continue;
    }
    changes.push({ row: { campaignId: op.key, action: op.kind, person: op.by, reason: data.reason, at: op.at }, campaign: { name: data.name, channel: data.channel, owner: data.owner } });
  }
  return changes.length > 0 ? changes : null;
}
