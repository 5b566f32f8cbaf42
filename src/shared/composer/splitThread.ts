// Cuts a text too long for one post into a thread without changing a character of it: cuts fall only on
// whitespace between words (paragraph, then line or sentence ends, preferred), never inside a link, number,
// e-mail or handle; each post records the whitespace it was cut at, so the thread joins back to the text.
import { z } from 'zod';
import { CHANNEL_SPECS, type Channel } from './channels';
import { countForChannel } from './countCharacters';

export const THREAD_NUMBERINGS = ['none', 'suffix', 'prefix'] as const;
/** none: no marker; suffix: "… 1/3"; prefix: "(1/3) …". */
export const threadNumberingSchema = z.enum(THREAD_NUMBERINGS);
export type ThreadNumbering = z.infer<typeof threadNumberingSchema>;

export interface ThreadPart {
  /** The post as it goes out: the body with its numbering marker. */
  readonly text: string;
  /** This post's slice of the approved text. */
  readonly body: string;
  /** Whitespace of the approved text before the body (leading whitespace, first post only). */
  readonly before: string;
  /** Whitespace of the approved text after the body: the cut, or the trailing whitespace after the last post. */
  readonly after: string;
}

/** Raised when a word (a link, an e-mail, a long number…) cannot fit in one post: it is never cut. */
export class ThreadSplitError extends Error {
  constructor(
    readonly word: string,
    readonly channel: Channel,
    readonly limit: number,
  ) {
    super(`"${word.length > 60 ? `${word.slice(0, 57)}…` : word}" is longer than a ${channel} post (${limit}) and cannot be cut.`);
    this.name = 'ThreadSplitError';
  }
}

// No-break spaces (U+00A0, U+2007, U+202F, U+2060) hold French punctuation and digit groups together.
const CUT_SPACE = /[^\S\u00a0\u2007\u202f\u2060]+/gu;
const LEAD = /^[^\S\u00a0\u2007\u202f\u2060]+/u;
const TRAIL = /[^\S\u00a0\u2007\u202f\u2060]+$/u;
const utf8 = new TextEncoder();
const SENTENCE_END = /[.!?…]["'’”»)\]]*$/u;

export function threadMarker(index: number, count: number, numbering: ThreadNumbering): { readonly prefix: string; readonly suffix: string } {
  if (numbering === 'prefix') return { prefix: `(${index}/${count}) `, suffix: '' };
  if (numbering === 'suffix') return { prefix: '', suffix: ` ${index}/${count}` };
  return { prefix: '', suffix: '' };
}

/** The approved text again, from the posts: bodies with the whitespace each was cut at. */
export function joinThread(parts: readonly ThreadPart[]): string {
  return parts.map((p) => p.before + p.body + p.after).join('');
}

/** Whether a post's text is within the channel's limit (and Bluesky's 3,000-byte record cap). */
export function fitsPost(text: string, channel: Channel, limit: number): boolean {
  const maxBytes = CHANNEL_SPECS[channel].maxBytes;
  return countForChannel(text, channel) <= limit && (maxBytes === undefined || utf8.encode(text).length <= maxBytes);
}

/** The posts of the thread; one post, without a marker, when the text fits. */
export function splitThread(text: string, channel: Channel, limit: number, numbering: ThreadNumbering): ThreadPart[] {
  const before = LEAD.exec(text)?.[0] ?? '';
  const after = before.length === text.length ? '' : (TRAIL.exec(text)?.[0] ?? '');
  const core = text.slice(before.length, text.length - after.length);
  if (core === '' || fitsPost(core, channel, limit)) return [{ text: core, body: core, before, after }];
  const units = unitsOf(core);
  // A marker's width depends on the number of posts, which depends on the marker: grow the guess until the
  // text fits in that many posts (fewer posts only make markers narrower, so they still fit).
  for (let guess = 2; ; ) {
    const widest = threadMarker(guess, guess, numbering);
    const ranges = pack(core, units, (body) => fitsPost(widest.prefix + body + widest.suffix, channel, limit), channel, limit);
    if (ranges.length <= guess) {
      return ranges.map(([from, to], i) => {
        const body = core.slice(units[from]!.start, units[to]!.end);
        const marker = threadMarker(i + 1, ranges.length, numbering);
        const cut = i + 1 < ranges.length ? core.slice(units[to]!.end, units[to + 1]!.start) : after;
        return { text: marker.prefix + body + marker.suffix, body, before: i === 0 ? before : '', after: cut };
      });
    }
    guess = ranges.length;
  }
}

interface Unit {
  readonly start: number;
  readonly end: number;
  /** How good a cut after this unit is: 3 paragraph, 2 line or sentence end, 1 between words. */
  readonly rank: number;
}

/** Words between cuttable whitespace; words joined by a digit-group space ("1 500") stay one unit. */
function unitsOf(core: string): Unit[] {
  const units: { start: number; end: number; rank: number }[] = [];
  let start = 0;
  for (const gap of core.matchAll(CUT_SPACE)) {
    const end = gap.index;
    const next = core.slice(end + gap[0].length);
    const word = core.slice(start, end);
    if (gap[0] === ' ' && /\d$/u.test(word) && /^\d{3}(?!\d)/u.test(next)) continue;
    const rank = /\n[^\S\n]*\n/u.test(gap[0]) ? 3 : gap[0].includes('\n') || SENTENCE_END.test(word) ? 2 : 1;
    units.push({ start, end, rank });
    start = end + gap[0].length;
  }
  units.push({ start, end: core.length, rank: 0 });
  return units;
}

/** Fills each post with as many units as fit, then moves the cut back to a better boundary if one is close. */
function pack(core: string, units: readonly Unit[], fits: (body: string) => boolean, channel: Channel, limit: number): [number, number][] {
  const slice = (from: number, to: number): string => core.slice(units[from]!.start, units[to]!.end);
  const ranges: [number, number][] = [];
  for (let from = 0; from < units.length; ) {
    if (!fits(slice(from, from))) throw new ThreadSplitError(slice(from, from), channel, limit);
    // Adding a word never makes a post shorter, so the last unit that fits is found by galloping then halving.
    let to = from;
    let step = 1;
    while (to + step < units.length && fits(slice(from, to + step))) {
      to += step;
      step *= 2;
    }
    for (step = Math.floor(step / 2); step >= 1; step = Math.floor(step / 2)) {
      if (to + step < units.length && fits(slice(from, to + step))) to += step;
    }
    if (to + 1 < units.length) {
      // A post at least half as long as it could be may end on a stronger boundary.
      const full = slice(from, to).length;
      let best = to;
      for (let k = to - 1; k >= from && slice(from, k).length * 2 >= full; k -= 1) {
        if (units[k]!.rank > units[best]!.rank) best = k;
      }
      to = best;
    }
    ranges.push([from, to]);
    from = to + 1;
  }
  return ranges;
}
