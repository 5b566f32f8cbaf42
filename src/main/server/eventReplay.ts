// The last pushed frames, numbered, so a page whose event stream broke (a stalled tab cut off, a sleeping laptop)
// gets, on reconnecting with the standard `Last-Event-ID`, what it missed: no screen keeps an alert level or an
// import state older than the backend's. When the gap reaches further back than what is kept, the page is told
// to read everything again instead.
import type { EventName } from '../../shared/contract/index';

export interface EventReplay {
  /** The frame to send for an event, numbered and kept. */
  frame(name: string, payload: unknown): string;
  /** What a reconnecting page must receive, given the last id it saw (the header's raw value, if any). */
  since(lastEventId: string | undefined): string;
}

const MISSED_EVENTS: EventName = 'system:eventsMissed';

export function createEventReplay(capacity: number): EventReplay {
  const kept: { id: number; frame: string }[] = [];
  let lastId = 0;
  return {
    frame(name, payload) {
      lastId += 1;
      const frame = `id: ${lastId}\nevent: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      kept.push({ id: lastId, frame });
      if (kept.length > capacity) kept.shift();
      return frame;
    },
    since(lastEventId) {
      if (lastEventId === undefined) return '';
      const seen = /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : Number.NaN;
      if (seen === lastId) return '';
      const oldestKept = kept[0]?.id ?? lastId + 1;
      // An id from before a restart of the backend, or older than what is kept: only a full read is safe.
      if (!(seen <= lastId) || seen + 1 < oldestKept) return `id: ${lastId}\nevent: ${MISSED_EVENTS}\ndata: {}\n\n`;
      return kept.filter((entry) => entry.id > seen).map((entry) => entry.frame).join('');
    },
  };
}
