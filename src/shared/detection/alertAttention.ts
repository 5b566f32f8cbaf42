// Whether this laptop should still be drawing the eye (taskbar flash, tab title) to an alert: from the moment an
// alert rises until every alert that rose here is acknowledged or dismissed. Looking at the window is not
// acknowledging: the flash asks for an action, not a glance. The shell and the page each keep one.
import type { Alert, AlertStatus } from '../domain/detection';

/** The alert's status as it stands now; a failure leaves the alert waiting, to be asked again at its next change. */
export type AlertStatusOf = (workspaceId: string, alertId: number) => Promise<AlertStatus>;

export class AlertAttention {
  readonly #waiting = new Set<string>();

  constructor(
    private readonly statusOf: AlertStatusOf,
    /** Called with true when the first alert starts waiting, with false when the last one is settled. */
    private readonly onChange: (wanted: boolean) => void,
  ) {}

  get wanted(): boolean {
    return this.#waiting.size > 0;
  }

  /** An alert rose: it waits for acknowledgement unless it is already settled (a rise on an acknowledged alert). */
  raised(workspaceId: string, alert: Pick<Alert, 'id' | 'status'>): void {
    if (alert.status !== 'open') return;
    const before = this.wanted;
    this.#waiting.add(keyOf(workspaceId, alert.id));
    if (!before) this.onChange(true);
  }

  /** An alert changed (`detection:alertChanged`): one of those waiting stops waiting once it is no longer open. */
  async changed(workspaceId: string, alertId: number): Promise<void> {
    const key = keyOf(workspaceId, alertId);
    if (!this.#waiting.has(key)) return;
    const status = await this.statusOf(workspaceId, alertId).catch(() => 'open' as const);
    if (status === 'open' || !this.#waiting.delete(key)) return;
    if (!this.wanted) this.onChange(false);
  }

  /** Nothing waits any more (the reader left the workspace, the page closed). */
  clear(): void {
    if (!this.wanted) return;
    this.#waiting.clear();
    this.onChange(false);
  }
}

const keyOf = (workspaceId: string, alertId: number): string => `${workspaceId}\u0000${alertId}`;
