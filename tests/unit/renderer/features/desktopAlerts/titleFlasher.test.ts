// Browser mode's taskbar flash: the title alternates with the alert marker until stopped, then is put back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TitleFlasher } from '../../../../../src/renderer/src/features/desktopAlerts/titleFlasher';

describe('title flasher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const timers = { setInterval: (run: () => void, ms: number) => setInterval(run, ms), clearInterval: (h: unknown) => clearInterval(h as number) };

  it('alternates the marker and the page title each period, and restores the title on stop', () => {
    const page = { title: 'Tocsin' };
    const flasher = new TitleFlasher(page, timers, 1000);
    flasher.start('● Alerte — Tocsin');
    expect(page.title).toBe('● Alerte — Tocsin');
    vi.advanceTimersByTime(1000);
    expect(page.title).toBe('Tocsin');
    vi.advanceTimersByTime(1000);
    expect(page.title).toBe('● Alerte — Tocsin');
    flasher.stop();
    expect(page.title).toBe('Tocsin');
    expect(flasher.flashing).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(page.title).toBe('Tocsin');
  });

  it('a second alert while flashing keeps the page title to restore and runs one timer', () => {
    const page = { title: 'Tocsin' };
    const flasher = new TitleFlasher(page, timers, 1000);
    flasher.start('● Alert — Tocsin');
    vi.advanceTimersByTime(500);
    flasher.start('● Alerte — Tocsin');
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(page.title).toBe('Tocsin');
    flasher.stop();
    expect(page.title).toBe('Tocsin');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stopping when not flashing leaves the title alone', () => {
    const page = { title: 'Tocsin — Dashboard' };
    new TitleFlasher(page, timers).stop();
    expect(page.title).toBe('Tocsin — Dashboard');
  });
});
