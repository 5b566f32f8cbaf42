// The taskbar flash and the tab title ask for an acknowledgement, not a glance: they start when an alert rises and
// stop only when every alert that rose is acknowledged or dismissed, whatever the window's focus did meanwhile.
import { describe, expect, it } from 'vitest';
import { AlertAttention } from '../../../src/shared/detection/alertAttention';
import type { AlertStatus } from '../../../src/shared/domain/detection';

function harness() {
  const statuses = new Map<string, AlertStatus>();
  const changes: boolean[] = [];
  let failing = false;
  const attention = new AlertAttention(
    async (workspaceId, alertId) => {
      if (failing) throw new Error('backend unreachable');
      return statuses.get(`${workspaceId}/${alertId}`) ?? 'open';
    },
    (wanted) => changes.push(wanted),
  );
  const set = (workspaceId: string, alertId: number, status: AlertStatus) => statuses.set(`${workspaceId}/${alertId}`, status);
  return { attention, changes, set, fail: (on: boolean) => (failing = on) };
}

describe('alert attention', () => {
  it('waits until the alert is acknowledged, not until anything else changes it', async () => {
    const { attention, changes, set } = harness();
    attention.raised('live', { id: 7, status: 'open' });
    expect(changes).toEqual([true]);
    // Another change of the same alert (its why-card grew) while still open: the flash goes on.
    await attention.changed('live', 7);
    expect(attention.wanted).toBe(true);
    set('live', 7, 'acknowledged');
    await attention.changed('live', 7);
    expect(changes).toEqual([true, false]);
    expect(attention.wanted).toBe(false);
  });

  it('goes on until the last of several alerts is settled, dismissed ones included, and per workspace', async () => {
    const { attention, changes, set } = harness();
    attention.raised('live', { id: 1, status: 'open' });
    attention.raised('live', { id: 2, status: 'open' });
    attention.raised('exercise-a', { id: 1, status: 'open' });
    expect(changes).toEqual([true]);
    set('live', 1, 'dismissed');
    await attention.changed('live', 1);
    set('live', 2, 'acknowledged');
    await attention.changed('live', 2);
    // Alert 1 of the exercise is another alert than alert 1 of the live workspace.
    expect(attention.wanted).toBe(true);
    set('exercise-a', 1, 'acknowledged');
    await attention.changed('exercise-a', 1);
    expect(changes).toEqual([true, false]);
  });

  it('does not flash for a rise on an alert already acknowledged, nor settle on alerts it never waited for', async () => {
    const { attention, changes, set } = harness();
    attention.raised('live', { id: 3, status: 'acknowledged' });
    expect(changes).toEqual([]);
    attention.raised('live', { id: 4, status: 'open' });
    set('live', 5, 'acknowledged');
    await attention.changed('live', 5);
    expect(changes).toEqual([true]);
  });

  it('keeps waiting when the status cannot be read, and asks again at the next change', async () => {
    const { attention, changes, set, fail } = harness();
    attention.raised('live', { id: 8, status: 'open' });
    set('live', 8, 'acknowledged');
    fail(true);
    await attention.changed('live', 8);
    expect(attention.wanted).toBe(true);
    fail(false);
    await attention.changed('live', 8);
    expect(changes).toEqual([true, false]);
  });

  it('stops at once when cleared, and only once', () => {
    const { attention, changes } = harness();
    attention.clear();
    attention.raised('live', { id: 9, status: 'open' });
    attention.clear();
    attention.clear();
    expect(changes).toEqual([true, false]);
  });
});
