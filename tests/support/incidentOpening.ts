// The "opened" change of a shared incident as a laptop signs it, with no roles, holders or items unless given.
import type { ChangeData } from '../../src/main/features/incidents/sharedIncidents/incidentChange';

export const SHARED_INCIDENT = '6f1c1f3e-9a55-4a8e-9d0b-2f6f0c4c1a11';

export function openingChange(plan: Partial<Pick<ChangeData['opened'], 'roles' | 'holders' | 'items'>> = {}): ChangeData['opened'] {
  return {
    title: 'Fuite',
    scenarioKind: 'dataBreach',
    scenarioId: null,
    severity: 'high',
    status: 'active',
    summary: '',
    openedAt: '2026-12-07T09:00:00.000Z',
    openedBy: 'Anne',
    alertSnapshotJson: null,
    activeAt: '2026-12-07T09:00:00.000Z',
    stabilisedAt: null,
    closedAt: null,
    periodStart: '2026-12-07T09:00:00.000Z',
    roles: [],
    holders: [],
    items: [],
    ...plan,
  };
}
