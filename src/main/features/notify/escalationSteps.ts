// Who the plan's escalation policy reaches for one role at each step, and which steps are due after how long.
import type { RosterRole } from '../../../shared/domain/incident';
import type { EscalationStage } from '../../../shared/domain/notify';
import type { EscalationLevel, Person, RoleId } from '../../../shared/domain/plan';

export type AlertLevel = 'vigilance' | 'alert' | 'crisis';

/** The steps after the first call, with the minutes without acknowledgement after which each is due. */
export function dueSteps(level: EscalationLevel, elapsedMinutes: number): { stage: EscalationStage; minutes: number }[] {
  const steps: { stage: EscalationStage; minutes: number }[] = [
    { stage: 'deputy', minutes: level.deputyAfterMinutes },
    { stage: 'callTree', minutes: level.callTreeAfterMinutes },
    { stage: 'crisisLead', minutes: level.crisisLeadAfterMinutes },
  ];
  return steps.filter((s) => s.minutes <= elapsedMinutes);
}

/**
 * The person a step reaches about `roleId`: its holder first, then its first deputy, then the holder of the role
 * that calls it in the call tree, then the crisis lead. Null when the roster has nobody there (the step is skipped).
 */
export function recipientOf(stage: EscalationStage, roleId: RoleId, roster: readonly RosterRole[]): Person | null {
  const role = roster.find((r) => r.roleId === roleId);
  if (!role) return null;
  switch (stage) {
    case 'first':
      return role.holder;
    case 'deputy':
      return role.deputies[0] ?? null;
    case 'callTree':
      return roster.find((r) => r.roleId !== roleId && r.calls.includes(roleId))?.holder ?? null;
    case 'crisisLead':
      return roleId === 'crisisLead' ? null : (roster.find((r) => r.roleId === 'crisisLead')?.holder ?? null);
  }
}

const SEVERITY_LEVEL: Record<string, AlertLevel> = { critical: 'crisis', high: 'crisis', medium: 'alert', low: 'vigilance' };

/** The level an incident mobilises at: its alert's, or the one its severity stands for when opened by hand. */
export function levelOf(alertLevel: string | undefined, severity: string): AlertLevel {
  if (alertLevel === 'vigilance' || alertLevel === 'alert' || alertLevel === 'crisis') return alertLevel;
  return SEVERITY_LEVEL[severity] ?? 'alert';
}
