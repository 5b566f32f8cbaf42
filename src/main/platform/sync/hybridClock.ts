// A hybrid logical clock (Kulkarni et al., 2014): wall-clock milliseconds plus a counter. Every stamp this laptop
// gives follows every stamp it has seen from the cell, even when the laptops' clocks disagree, and stays close to
// real time. Stamps are fixed-width text, so comparing them as strings compares them as clocks.
const STAMP = /^(\d{15})\.(\d{6})$/;
const MAX_COUNTER = 999_999;

export interface HlcStamp {
  readonly ms: number;
  readonly counter: number;
}

export const formatStamp = (s: HlcStamp): string => `${String(s.ms).padStart(15, '0')}.${String(s.counter).padStart(6, '0')}`;

export function parseStamp(text: string): HlcStamp | undefined {
  const match = STAMP.exec(text);
  return match ? { ms: Number(match[1]), counter: Number(match[2]) } : undefined;
}

const after = (a: HlcStamp, b: HlcStamp): boolean => a.ms > b.ms || (a.ms === b.ms && a.counter > b.counter);

export class HybridClock {
  #last: HlcStamp = { ms: 0, counter: 0 };

  constructor(private readonly wallMs: () => number) {}

  /** A stamp later than every one given or seen so far. */
  next(): string {
    const wall = this.wallMs();
    const last = this.#last;
    // A counter at its width would break the text order: the clock moves to the next millisecond instead.
    this.#last = wall > last.ms ? { ms: wall, counter: 0 } : last.counter < MAX_COUNTER ? { ms: last.ms, counter: last.counter + 1 } : { ms: last.ms + 1, counter: 0 };
    return formatStamp(this.#last);
  }

  /** Takes in a stamp from elsewhere (only from a source already trusted: a stamp far ahead drags the clock along). */
  observe(stamp: string): void {
    const seen = parseStamp(stamp);
    if (seen && after(seen, this.#last)) this.#last = seen;
  }
}
