import type { CrisisLevel } from '../../../../shared/domain/detection';

/** One colour per level everywhere (banner, badges, chart marks); read at night on a wall screen too. */
export const LEVEL_COLORS: Record<CrisisLevel, string> = { calm: 'teal', vigilance: 'yellow', alert: 'orange', crisis: 'red' };
