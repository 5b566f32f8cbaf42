// A page's broken event stream is made whole on reconnect: the missed frames again, or an order to read everything.
import { describe, expect, it } from 'vitest';
import { createEventReplay } from '../../../../src/main/server/eventReplay';

describe('event replay', () => {
  it('numbers frames and sends again those after the last id a page saw', () => {
    const replay = createEventReplay(10);
    const frames = [1, 2, 3].map((n) => replay.frame('workspaces:changed', { workspaceId: `w${n}` }));
    expect(frames[0]).toBe('id: 1\nevent: workspaces:changed\ndata: {"workspaceId":"w1"}\n\n');
    expect(replay.since('1')).toBe(frames[1]! + frames[2]!);
    expect(replay.since('3')).toBe('');
    expect(replay.since(undefined)).toBe('');
  });

  it('tells the page to read everything when the gap is older than what is kept, or the id is not one of ours', () => {
    const replay = createEventReplay(2);
    for (let n = 0; n < 5; n++) replay.frame('workspaces:changed', { workspaceId: 'live' });
    const missed = 'id: 5\nevent: system:eventsMissed\ndata: {}\n\n';
    expect(replay.since('1')).toBe(missed);
    expect(replay.since('3')).toContain('id: 4\n');
    for (const hostile of ['99', 'abc', '-1', '1e3', '']) expect(replay.since(hostile)).toBe(missed);
  });
});
