import type { CrisisLevel } from '../../../../shared/domain/detection';

/** One colour per level everywhere (banner, badges, chart marks); read at night on a wall screen too. */
export const LEVEL_COLORS: Record<CrisisLevel, string> = { calm: 'teal', vigilance: 'yellow', alert: 'orange', crisis: 'red' };

/**
 * Banner surfaces and the text on them, chosen for WCAG AA contrast (≥ 4.5:1): Mantine's orange and red
 * shades 6–8 behind white text fall short (orange.8 is 3.6:1).
 */
export const LEVEL_SURFACE: Record<CrisisLevel, { bg?: string; text?: string }> = {
  calm: {},
  vigilance: { bg: 'yellow.3', text: '#1a1b1e' },
  alert: { bg: '#a8390b', text: 'white' },
  crisis: { bg: 'red.9', text: 'white' },
};

/** A filled level badge readable at AA: the banner's surfaces and text for the raised levels. */
export const levelBadgeColors = (level: CrisisLevel): { color: string; c?: string } => ({
  color: LEVEL_SURFACE[level].bg ?? LEVEL_COLORS[level],
  c: LEVEL_SURFACE[level].text,
});
