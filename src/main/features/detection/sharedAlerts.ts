// Alerts across the cell. Every laptop runs detection over the same mentions, so several may raise the same alert:
// an alert's name in the cell is its watch and the hour it opened in, and a laptop takes an alert it hears of as
// one it already has when its own alert of that watch opened within the hour of it, so the cell shows each
// episode once. What travels: an alert opened, escalated, closed, and acknowledged or dismissed (by whom, why);
// every laptop folds the acknowledgements of one alert, under whatever name each laptop gave it, in the one order
// the cell uses (hybrid clock, laptop, id), so the last decision holds everywhere.
import { z } from 'zod';
import { crisisLevelSchema, explanationSchema } from '../../../shared/domain/detection';
import type { ReceivedOp } from '../../platform/sync/sharedOpLog';

export const EPISODE_MS = 3_600_000;

/** The alert's name in the cell: the hour it opened in, then its watch's name (any text, so last). */
export const alertKey = (watchName: string, openedAt: string): string =>
  `${new Date(Math.floor(Date.parse(openedAt) / EPISODE_MS) * EPISODE_MS).toISOString()}|${watchName}`;

export function parseAlertKey(key: string): { hour: string; watchName: string } | null {
  const bar = key.indexOf('|');
  if (bar < 0) return null;
  const hour = key.slice(0, bar);
  return Number.isNaN(Date.parse(hour)) ? null : { hour, watchName: key.slice(bar + 1) };
}

export const alertOpData = {
  opened: z.object({ level: crisisLevelSchema, openedAt: z.iso.datetime(), explanation: explanationSchema }),
  escalated: z.object({ level: crisisLevelSchema }),
  closed: z.object({ closedAt: z.iso.datetime() }),
  status: z.object({ status: z.enum(['acknowledged', 'dismissed']), reason: z.string().max(2_000).nullable() }),
} as const;
type AlertOpKind = keyof typeof alertOpData;
export type AlertOpData = { [K in AlertOpKind]: z.infer<(typeof alertOpData)[K]> };

export function readAlertOp<K extends AlertOpKind>(op: ReceivedOp, kind: K): AlertOpData[K] | null {
  if (op.kind !== kind) return null;
  try {
    const parsed = alertOpData[kind].safeParse(JSON.parse(op.data));
    return parsed.success ? (parsed.data as AlertOpData[K]) : null;
  } catch {
    return null;
  }
}
