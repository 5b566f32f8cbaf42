// The empty plan a cell may start from instead of the sample company's: the shipped roles with their missions
// but nobody named, the sample's generic detection thresholds, and no scenario, template, contact or campaign.
import { crisisPlanSchema, type CrisisPlan } from '../../../shared/domain/plan';
import { translator } from '../../platform/i18n/translator';

export function emptyPlan(sample: CrisisPlan, organisation: string, now: Date): CrisisPlan {
  return crisisPlanSchema.parse({
    format: sample.format,
    formatVersion: sample.formatVersion,
    schemaVersion: sample.schemaVersion,
    metadata: { organisation, title: { fr: translator('fr')('plan.start.emptyTitle'), en: translator('en')('plan.start.emptyTitle') }, version: '1', updatedAt: now.toISOString() },
    scenarios: [],
    roles: sample.roles.map((role) => ({ ...role, instructions: [], holder: null, deputies: [] })),
    playbooks: [],
    templates: [],
    thresholds: { defaults: sample.thresholds.defaults, perWatch: [] },
    contacts: [],
    campaigns: [],
    approvals: sample.approvals,
    publishing: sample.publishing,
    escalation: sample.escalation,
  });
}
