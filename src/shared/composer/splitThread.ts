// Cuts a text too long for one post into a numbered thread, at sentence then word boundaries.
import type { Channel } from './channels';
import { countForChannel, graphemeSegmenter } from './countCharacters';

const marker = (i: number, n: number): string => ` (${i}/${n})`;

/** Returns the posts of the thread; one post (no marker) when the text fits. */
export function splitThread(text: string, channel: Channel, limit: number): string[] {
  const clean = text.trim();
  if (countForChannel(clean, channel) <= limit) return [clean];
  // The marker's width depends on the number of posts, which depends on the marker: grow the guess until
  // the text fits in that many posts (a smaller count only makes markers narrower, so it still fits).
  let guess = 2;
  for (;;) {
    const parts = pack(clean, channel, limit - countForChannel(marker(guess, guess), channel));
    if (parts.length <= guess) return parts.map((p, i) => p + marker(i + 1, parts.length));
    guess = parts.length;
  }
}

function pack(text: string, channel: Channel, budget: number): string[] {
  const pieces = (text.match(/[^.!?…\n]+(?:[.!?…]+|\n+|$)/gu) ?? [text]).map((s) => s.trim()).filter(Boolean);
  const parts: string[] = [];
  let current = '';
  const push = (): void => {
    if (current) parts.push(current);
    current = '';
  };
  for (const sentence of pieces) {
    const joined = current ? `${current} ${sentence}` : sentence;
    if (countForChannel(joined, channel) <= budget) {
      current = joined;
      continue;
    }
    push();
    if (countForChannel(sentence, channel) <= budget) {
      current = sentence;
      continue;
    }
    for (const word of sentence.split(/\s+/u)) {
      const next = current ? `${current} ${word}` : word;
      if (countForChannel(next, channel) <= budget) current = next;
      else {
        push();
        current = hardCut(word, channel, budget, parts);
      }
    }
  }
  push();
  return parts;
}

/** A single word longer than a post (a pasted hash, a long link) is cut by graphemes. */
function hardCut(word: string, channel: Channel, budget: number, parts: string[]): string {
  let rest = word;
  while (countForChannel(rest, channel) > budget) {
    let piece = '';
    for (const { segment } of graphemeSegmenter.segment(rest)) {
      if (countForChannel(piece + segment, channel) > budget) break;
      piece += segment;
    }
    if (piece === '') break;
    parts.push(piece);
    rest = rest.slice(piece.length);
  }
  return rest;
}
