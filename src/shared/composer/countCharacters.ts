// Character counting as each channel counts: graphemes for Bluesky, t.co-weighted for X, Mastodon's URL rule.
import { CHANNEL_SPECS, type Channel } from './channels';

// Both X (t.co) and Mastodon count every link as 23 characters, whatever its real length.
const LINK_WEIGHT = 23;
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'’]/giu;
// Mastodon counts only the local part of a remote mention (@user@instance counts as @user); the pattern is
// its Account::MENTION_RE (a username of a-z, 0-9, _ with inner dots or dashes; a domain of word characters).
const REMOTE_MENTION = /(?<![=/\p{L}\p{M}\p{N}\p{Pc}])(@[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)@[\p{L}\p{M}\p{N}\p{Pc}]+(?:[.-]+[\p{L}\p{M}\p{N}\p{Pc}]+)*/giu;

export const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function countGraphemes(text: string): number {
  let n = 0;
  for (const segment of graphemeSegmenter.segment(text)) {
    if (segment.segment !== '') n += 1;
  }
  return n;
}

// twitter-text v3 config: these code-point ranges weigh 1, everything else (CJK, emoji…) weighs 2.
const X_LIGHT_RANGES: readonly [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

function xWeight(text: string): number {
  let weight = 0;
  for (const segment of graphemeSegmenter.segment(text.normalize('NFC'))) {
    const cp = segment.segment.codePointAt(0) ?? 0;
    // An emoji sequence (flag, family, skin tone) is one grapheme and weighs 2 as a whole.
    if ([...segment.segment].length > 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(segment.segment)) weight += 2;
    else weight += [...segment.segment].reduce((sum, ch) => sum + (isLight(ch.codePointAt(0) ?? cp) ? 1 : 2), 0);
  }
  return weight;
}

const isLight = (cp: number): boolean => X_LIGHT_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);

function replaceLinks(text: string, count: (rest: string) => number): number {
  let links = 0;
  const rest = text.replace(URL_PATTERN, () => {
    links += 1;
    return '';
  });
  return count(rest) + links * LINK_WEIGHT;
}

export function countForChannel(text: string, channel: Channel): number {
  switch (CHANNEL_SPECS[channel].counting) {
    case 'x-weighted':
      return replaceLinks(text, xWeight);
    case 'mastodon':
      return replaceLinks(text.replace(REMOTE_MENTION, '$1'), countGraphemes);
    case 'graphemes':
      return countGraphemes(text);
  }
}
