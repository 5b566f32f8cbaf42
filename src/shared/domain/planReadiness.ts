// The readiness check: the plan scored as an auditor of a crisis cell would, 0 to 100, with each gap and where
// it is fixed. Pure, so the plan screen can score the draft as it is being edited.
import type { CrisisPlan, LocalizedText } from './plan';
import type { SourceState } from './source';
import { STATEMENT_KINDS } from './statement';

export const READINESS_CHECKS = ['roles', 'templates', 'approvals', 'thresholds', 'exercise', 'review', 'sources'] as const;
export type ReadinessCheck = (typeof READINESS_CHECKS)[number];

/** Points of each check out of 100: the people and what they say weigh most. */
export const READINESS_WEIGHTS: Readonly<Record<ReadinessCheck, number>> = {
  roles: 30,
  templates: 20,
  approvals: 10,
  thresholds: 10,
  exercise: 10,
  review: 10,
  sources: 10,
};

/** Where a gap is fixed: a tab of the plan screen, the sources and watches screen, or the exercise screen. */
export type ReadinessFix =
  | { readonly area: 'plan'; readonly tab: 'overview' | 'roles' | 'templates' | 'scenarios' | 'approvals' | 'thresholds' }
  | { readonly area: 'sources' }
  | { readonly area: 'exercise' };

export type ReadinessProblem =
  | 'roleNoHolder'
  | 'roleNoPhone'
  | 'roleNoDeputy'
  | 'noScenario'
  | 'scenarioNoTemplate'
  | 'templateNoFrench'
  | 'templateNoEnglish'
  | 'approvalEmpty'
  | 'approvalVacant'
  | 'noWatch'
  | 'watchNoThresholds'
  | 'neverExercised'
  | 'exerciseOverdue'
  | 'neverReviewed'
  | 'reviewOverdue'
  | 'noSource'
  | 'sourceUnhealthy';

export interface ReadinessGap {
  readonly check: ReadinessCheck;
  readonly problem: ReadinessProblem;
  /** What the gap is about (a role, a scenario, a watch…), in both languages when the plan names it. */
  readonly subject: LocalizedText | null;
  /** Days, for the overdue problems. */
  readonly days?: number;
  readonly fix: ReadinessFix;
}

export interface ReadinessFacts {
  readonly plan: CrisisPlan;
  readonly watches: readonly { readonly name: string }[];
  readonly sources: readonly { readonly name: string; readonly paused: boolean; readonly health: { readonly state: SourceState } }[];
  /** When an exercise was last played, null when the cell never rehearsed. */
  readonly lastExerciseAt: string | null;
  readonly now: Date;
}

export interface Readiness {
  readonly score: number;
  readonly checks: readonly { readonly check: ReadinessCheck; readonly passed: number; readonly total: number; readonly points: number }[];
  readonly gaps: readonly ReadinessGap[];
}

const DAY_MS = 86_400_000;
const same = (text: string): LocalizedText => ({ fr: text, en: text });
const filled = (text: string | undefined): boolean => (text ?? '').trim().length > 0;

/** One check's units: each passes or leaves a gap. */
interface Tally {
  total: number;
  gaps: ReadinessGap[];
}

function roles(plan: CrisisPlan): Tally {
  const gaps: ReadinessGap[] = [];
  const fix = { area: 'plan', tab: 'roles' } as const;
  for (const role of plan.roles) {
    if (!role.holder || !filled(role.holder.name)) gaps.push({ check: 'roles', problem: 'roleNoHolder', subject: role.name, fix });
    if (!role.holder || !filled(role.holder.phone)) gaps.push({ check: 'roles', problem: 'roleNoPhone', subject: role.name, fix });
    if (!role.deputies.some((d) => filled(d.name) && filled(d.phone))) gaps.push({ check: 'roles', problem: 'roleNoDeputy', subject: role.name, fix });
  }
  return { total: plan.roles.length * 3, gaps };
}

function templates(plan: CrisisPlan): Tally {
  if (plan.scenarios.length === 0) return { total: 1, gaps: [{ check: 'templates', problem: 'noScenario', subject: null, fix: { area: 'plan', tab: 'scenarios' } }] };
  const gaps: ReadinessGap[] = [];
  let total = 0;
  for (const scenario of plan.scenarios) {
    const linked = plan.templates.filter((template) => scenario.templateIds.includes(template.id));
    total += 1 + linked.length * 2;
    if (linked.length === 0) gaps.push({ check: 'templates', problem: 'scenarioNoTemplate', subject: scenario.name, fix: { area: 'plan', tab: 'scenarios' } });
    for (const template of linked) {
      if (!filled(template.body.fr)) gaps.push({ check: 'templates', problem: 'templateNoFrench', subject: template.name, fix: { area: 'plan', tab: 'templates' } });
      if (!filled(template.body.en)) gaps.push({ check: 'templates', problem: 'templateNoEnglish', subject: template.name, fix: { area: 'plan', tab: 'templates' } });
    }
  }
  // A scenario with a template leaves no gap of its own; counting it keeps each scenario worth the same.
  return { total, gaps };
}

function approvals(plan: CrisisPlan): Tally {
  const gaps: ReadinessGap[] = [];
  const fix = { area: 'plan', tab: 'approvals' } as const;
  for (const kind of STATEMENT_KINDS) {
    const chain = plan.approvals[kind] ?? [];
    if (chain.length === 0) {
      gaps.push({ check: 'approvals', problem: 'approvalEmpty', subject: same(kind), fix });
      continue;
    }
    const vacant = chain.map((id) => plan.roles.find((role) => role.id === id)).find((role) => !role?.holder || !filled(role.holder.name));
    if (vacant) gaps.push({ check: 'approvals', problem: 'approvalVacant', subject: vacant.name, fix: { area: 'plan', tab: 'roles' } });
  }
  return { total: STATEMENT_KINDS.length, gaps };
}

function thresholds(plan: CrisisPlan, watches: ReadinessFacts['watches']): Tally {
  if (watches.length === 0) return { total: 1, gaps: [{ check: 'thresholds', problem: 'noWatch', subject: null, fix: { area: 'sources' } }] };
  const tuned = new Set(plan.thresholds.perWatch.map((entry) => entry.watch.trim().toLowerCase()));
  const gaps = watches
    .filter((watch) => !tuned.has(watch.name.trim().toLowerCase()))
    .map((watch): ReadinessGap => ({ check: 'thresholds', problem: 'watchNoThresholds', subject: same(watch.name), fix: { area: 'plan', tab: 'thresholds' } }));
  return { total: watches.length, gaps };
}

/** A date against an interval: never, overdue by so many days, or in time. */
function dated(at: string | null, intervalDays: number, now: Date): { never: true } | { never: false; overdueDays: number } {
  if (at === null) return { never: true };
  const ageDays = Math.floor((now.getTime() - new Date(at).getTime()) / DAY_MS);
  return { never: false, overdueDays: ageDays - intervalDays };
}

function exercise(plan: CrisisPlan, lastExerciseAt: string | null, now: Date): Tally {
  const state = dated(lastExerciseAt, plan.review.exerciseIntervalDays, now);
  const fix = { area: 'exercise' } as const;
  if (state.never) return { total: 1, gaps: [{ check: 'exercise', problem: 'neverExercised', subject: null, fix }] };
  return { total: 1, gaps: state.overdueDays > 0 ? [{ check: 'exercise', problem: 'exerciseOverdue', subject: null, days: state.overdueDays, fix }] : [] };
}

function review(plan: CrisisPlan, now: Date): Tally {
  const state = dated(plan.review.lastReviewedAt, plan.review.intervalDays, now);
  const fix = { area: 'plan', tab: 'overview' } as const;
  if (state.never) return { total: 1, gaps: [{ check: 'review', problem: 'neverReviewed', subject: null, fix }] };
  return { total: 1, gaps: state.overdueDays > 0 ? [{ check: 'review', problem: 'reviewOverdue', subject: null, days: state.overdueDays, fix }] : [] };
}

/** Failing or offline sources are gaps; paused ones were stopped on purpose and do not count. */
function sources(list: ReadinessFacts['sources']): Tally {
  const fix = { area: 'sources' } as const;
  const active = list.filter((source) => !source.paused);
  if (active.length === 0) return { total: 1, gaps: [{ check: 'sources', problem: 'noSource', subject: null, fix }] };
  const gaps = active
    .filter((source) => source.health.state === 'failing' || source.health.state === 'offline')
    .map((source): ReadinessGap => ({ check: 'sources', problem: 'sourceUnhealthy', subject: same(source.name), fix }));
  return { total: active.length, gaps };
}

export function scoreReadiness(facts: ReadinessFacts): Readiness {
  const { plan, now } = facts;
  const tallies: Record<ReadinessCheck, Tally> = {
    roles: roles(plan),
    templates: templates(plan),
    approvals: approvals(plan),
    thresholds: thresholds(plan, facts.watches),
    exercise: exercise(plan, facts.lastExerciseAt, now),
    review: review(plan, now),
    sources: sources(facts.sources),
  };
  const checks = READINESS_CHECKS.map((check) => {
    const { total, gaps } = tallies[check];
    const passed = Math.max(0, total - gaps.length);
    return { check, passed, total, points: total === 0 ? READINESS_WEIGHTS[check] : (READINESS_WEIGHTS[check] * passed) / total };
  });
  return {
    score: Math.round(checks.reduce((sum, check) => sum + check.points, 0)),
    checks,
    gaps: READINESS_CHECKS.flatMap((check) => tallies[check].gaps),
  };
}
