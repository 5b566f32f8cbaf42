import { describe, expect, it } from 'vitest';
import { formatStamp, HybridClock, parseStamp } from '../../../../../src/main/platform/sync/hybridClock';

describe('HybridClock', () => {
  it('follows the wall clock, and keeps moving forward when the wall clock stands still or goes back', () => {
    let wall = 1_000;
    const clock = new HybridClock(() => wall);
    const first = clock.next();
    const second = clock.next();
    wall = 500;
    const third = clock.next();
    wall = 2_000;
    const fourth = clock.next();
    expect([first, second, third, fourth]).toEqual(['000000000001000.000000', '000000000001000.000001', '000000000001000.000002', '000000000002000.000000']);
    expect([...[fourth, first, third, second]].sort()).toEqual([first, second, third, fourth]);
  });

  it('gives stamps after any it has observed, even from a laptop whose clock runs ahead', () => {
    const clock = new HybridClock(() => 1_000);
    clock.observe(formatStamp({ ms: 5_000, counter: 7 }));
    expect(clock.next()).toBe('000000000005000.000008');
    clock.observe('not a stamp');
    clock.observe(formatStamp({ ms: 10, counter: 0 }));
    expect(clock.next()).toBe('000000000005000.000009');
  });

  it('moves to the next millisecond rather than overflow the counter width', () => {
    const clock = new HybridClock(() => 0);
    clock.observe(formatStamp({ ms: 42, counter: 999_999 }));
    expect(parseStamp(clock.next())).toEqual({ ms: 43, counter: 0 });
  });
});
