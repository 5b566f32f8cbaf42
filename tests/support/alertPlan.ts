// A core whose alerts go to loopback servers, with a plan whose ten roles can be reached outside the app.
import type { Core } from '../../src/main/app/createCore';
import type { CallInput } from '../../src/shared/contract/index';
import type { CrisisPlan } from '../../src/shared/domain/plan';
import { lead, withReachableRoles } from './reachableRoster';
import { invoke } from './testCore';

export { alertSettings, HMAC_SECRET, holderChannels, lead, withReachableRoles } from './reachableRoster';

export async function reachablePlan(core: Core, edit: (plan: CrisisPlan) => void = () => {}): Promise<CrisisPlan> {
  const stored = await invoke(core, 'plan:get', { workspaceId: 'live' });
  const plan = withReachableRoles(stored.plan);
  edit(plan);
  await invoke(core, 'plan:save', { workspaceId: 'live', baseRevision: stored.revision, plan });
  return plan;
}

export const crisisIncident: CallInput<'incidents:open'>['incident'] = {
  title: 'Fuite de données clients',
  scenarioKind: 'dataBreach',
  severity: 'high',
  actor: lead,
  alert: { alertId: 'alert-42', level: 'crisis', why: ['Volume ×6'], mentions: [] },
};

/** An incident opened from a crisis-level alert, then mobilised. */
export async function mobiliseOnCrisis(core: Core): Promise<string> {
  const incident = await invoke(core, 'incidents:open', { workspaceId: 'live', incident: structuredClone(crisisIncident) });
  await invoke(core, 'incidents:mobilise', { workspaceId: 'live', incidentId: incident.id, actor: lead });
  return incident.id;
}
