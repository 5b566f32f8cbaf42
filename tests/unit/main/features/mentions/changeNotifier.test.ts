import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../../../src/main/platform/events/eventBus';
import { MentionChangeNotifier } from '../../../../../src/main/features/mentions/changeNotifier';

afterEach(() => vi.useRealTimers());

describe('mentions:changed coalescing', () => {
  it('announces the first change at once, then at most one event per interval with every source gathered', () => {
    vi.useFakeTimers();
    const events = new EventBus();
    const seen: unknown[] = [];
    events.subscribe((name, payload) => seen.push([name, payload]));
    const notifier = new MentionChangeNotifier(events, 300);
    notifier.notify('live', 1);
    expect(seen).toEqual([['mentions:changed', { workspaceId: 'live', sourceIds: [1] }]]);
    for (let i = 0; i < 1000; i++) notifier.notify('live', 2 + (i % 3));
    notifier.notify('exercise-1', 9);
    expect(seen).toHaveLength(2);
    vi.advanceTimersByTime(300);
    expect(seen[2]).toEqual(['mentions:changed', { workspaceId: 'live', sourceIds: [2, 3, 4] }]);
    vi.advanceTimersByTime(300);
    expect(seen).toHaveLength(3);
    vi.advanceTimersByTime(300);
    notifier.notify('live', 5);
    expect(seen).toHaveLength(4);
    notifier.close();
  });
});
