// When the cell should go quiet: once a watch has stayed at crisis level for the plan's set time while marketing
// campaigns or scheduled posts are still going out, the queue suggests pausing them (the campaign freeze).
// A pure rule over the detection's level history, so the backend, its push event and the tests judge alike.
import { z } from 'zod';
import type { CrisisLevel } from '../domain/detection';

/** A watch's current level and when it reached it: the last change of its level history. */
export interface WatchLevelSince {
  readonly watchId: number;
  readonly watchName: string;
  readonly level: CrisisLevel;
  /** UTC ISO time of the change that set the level; null when the watch never left calm. */
  readonly since: string | null;
}

/** A campaign of the plan's register as the freeze sees it. */
export interface CampaignOnAir {
  readonly id: string;
  readonly name: string;
  readonly planStatus: 'running' | 'scheduled' | 'paused' | 'ended';
  readonly frozen: boolean;
}

export const goingOfflineSchema = z.object({
  /** When the first watch still at crisis got there. */
  since: z.string(),
  minutesAtCrisis: z.number().int().nonnegative(),
  /** The watches at crisis for at least the plan's set time. */
  watches: z.array(z.string()),
  /** Campaigns and scheduled posts that would still go out. */
  campaigns: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type GoingOffline = z.infer<typeof goingOfflineSchema>;

const MINUTE = 60_000;
/** Running or scheduled campaigns still post; a paused or ended one does not, and a frozen one is already quiet. */
const ON_AIR = new Set<CampaignOnAir['planStatus']>(['running', 'scheduled']);

/**
 * The suggestion, or null when no watch has been at crisis for `afterMinutes` or nothing is left to pause.
 * A level change dated after `now` (a clock set back) counts as not held yet.
 */
export function goingOfflineSuggestion(levels: readonly WatchLevelSince[], campaigns: readonly CampaignOnAir[], afterMinutes: number, now: Date): GoingOffline | null {
  const held = levels.filter((w) => w.level === 'crisis' && w.since !== null && now.getTime() - Date.parse(w.since) >= afterMinutes * MINUTE);
  const onAir = campaigns.filter((c) => !c.frozen && ON_AIR.has(c.planStatus));
  if (held.length === 0 || onAir.length === 0) return null;
  const since = held.map((w) => w.since!).reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
  return {
    since,
    minutesAtCrisis: Math.floor((now.getTime() - Date.parse(since)) / MINUTE),
    watches: held.map((w) => w.watchName).sort((a, b) => a.localeCompare(b)),
    campaigns: onAir.map((c) => ({ id: c.id, name: c.name })),
  };
}
