// Browser mode has no taskbar to flash: the tab's title alternates with an alert marker, which is what shows in the
// taskbar and the tab strip, until stopped (when the alerts are acknowledged, see AlertAttention).

interface Timers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export class TitleFlasher {
  #handle: unknown = null;
  #original = '';

  constructor(
    private readonly page: { title: string },
    private readonly timers: Timers,
    private readonly periodMs = 1000,
  ) {}

  get flashing(): boolean {
    return this.#handle !== null;
  }

  /** Starts alternating with `marker`; while already flashing, only the marker changes (e.g. a new language). */
  start(marker: string): void {
    if (this.#handle === null) this.#original = this.page.title;
    else this.timers.clearInterval(this.#handle);
    this.page.title = marker;
    this.#handle = this.timers.setInterval(() => {
      this.page.title = this.page.title === marker ? this.#original : marker;
    }, this.periodMs);
  }

  /** Puts the page's own title back. */
  stop(): void {
    if (this.#handle === null) return;
    this.timers.clearInterval(this.#handle);
    this.#handle = null;
    this.page.title = this.#original;
  }
}
