// The readiness score: each gap named with where it is fixed, and the score rises as gaps are fixed.
import { describe, expect, it } from 'vitest';
import { loadDefaultPlan } from '../../../../src/main/features/plan/defaultPlan';
import type { CrisisPlan } from '../../../../src/shared/domain/plan';
import { scoreReadiness, type ReadinessFacts } from '../../../../src/shared/domain/planReadiness';

const now = new Date('2026-12-07T12:00:00Z');

function facts(plan: CrisisPlan, overrides: Partial<ReadinessFacts> = {}): ReadinessFacts {
  return {
    plan,
    watches: [{ name: 'Aurore' }],
    sources: [{ name: 'RSS', paused: false, health: { state: 'ok' } }],
    lastExerciseAt: '2026-10-01T09:00:00Z',
    now,
    ...overrides,
  };
}

/** The sample plan, made complete: every watch tuned, reviewed this year. */
function completePlan(): CrisisPlan {
  const plan = loadDefaultPlan();
  plan.thresholds.perWatch = [{ watch: 'aurore', values: structuredClone(plan.thresholds.defaults) }];
  plan.review = { intervalDays: 365, exerciseIntervalDays: 365, lastReviewedAt: '2026-09-01T00:00:00Z' };
  for (const role of plan.roles) {
    if (role.deputies.length === 0) role.deputies.push({ name: 'Suppléant', title: '', phone: '+41 79 000 00 00', altPhone: '', email: '' });
  }
  for (const scenario of plan.scenarios) if (scenario.templateIds.length === 0) scenario.templateIds = [plan.templates[0]!.id];
  return plan;
}

describe('readiness score', () => {
  it('a complete plan with healthy sources and a recent exercise scores 100 with no gap', () => {
    const result = scoreReadiness(facts(completePlan()));
    expect(result.gaps).toEqual([]);
    expect(result.score).toBe(100);
  });

  it('names each gap with the place that fixes it', () => {
    const plan = completePlan();
    plan.roles[1]!.holder = null;
    plan.roles[2]!.deputies = [];
    plan.templates.find((t) => t.id === plan.scenarios[0]!.templateIds[0])!.body.en = ' ';
    plan.review.lastReviewedAt = '2025-06-01T00:00:00Z';
    const result = scoreReadiness(
      facts(plan, {
        watches: [{ name: 'Aurore' }, { name: 'Concurrent' }],
        sources: [
          { name: 'RSS', paused: false, health: { state: 'failing' } },
          { name: 'Old', paused: true, health: { state: 'offline' } },
        ],
        lastExerciseAt: null,
      }),
    );
    expect(result.gaps.map((g) => [g.problem, g.fix])).toEqual([
      ['roleNoHolder', { area: 'plan', tab: 'roles' }],
      ['roleNoPhone', { area: 'plan', tab: 'roles' }],
      ['roleNoDeputy', { area: 'plan', tab: 'roles' }],
      ...result.gaps.filter((g) => g.problem === 'templateNoEnglish').map(() => ['templateNoEnglish', { area: 'plan', tab: 'templates' }]),
      ...result.gaps.filter((g) => g.problem === 'approvalVacant').map(() => ['approvalVacant', { area: 'plan', tab: 'roles' }]),
      ['watchNoThresholds', { area: 'plan', tab: 'thresholds' }],
      ['neverExercised', { area: 'exercise' }],
      ['reviewOverdue', { area: 'plan', tab: 'overview' }],
      ['sourceUnhealthy', { area: 'sources' }],
    ]);
    expect(result.gaps.find((g) => g.problem === 'roleNoHolder')?.subject).toEqual(plan.roles[1]!.name);
    expect(result.gaps.find((g) => g.problem === 'watchNoThresholds')?.subject).toEqual({ fr: 'Concurrent', en: 'Concurrent' });
    expect(result.gaps.find((g) => g.problem === 'reviewOverdue')?.days).toBe(554 - 365);
    expect(result.score).toBeLessThan(70);
  });

  it('the score rises with each gap fixed, up to 100', () => {
    const plan = completePlan();
    plan.roles.forEach((role) => (role.deputies = []));
    plan.review.lastReviewedAt = null;
    const steps: number[] = [];
    const score = (overrides: Partial<ReadinessFacts> = {}) => steps.push(scoreReadiness(facts(plan, overrides)).score);
    score({ lastExerciseAt: null, sources: [] });
    score({ sources: [] });
    score();
    plan.review.lastReviewedAt = '2026-12-01T00:00:00Z';
    score();
    plan.roles.slice(0, 5).forEach((role) => role.deputies.push({ name: 'A', title: '', phone: '+41 79 111 11 11', altPhone: '', email: '' }));
    score();
    plan.roles.slice(5).forEach((role) => role.deputies.push({ name: 'B', title: '', phone: '+41 79 111 11 12', altPhone: '', email: '' }));
    score();
    expect(steps.at(-1)).toBe(100);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeGreaterThan(steps[i - 1]!);
  });

  it('an empty plan, no watch and no source scores low and says what to do first', () => {
    const plan = completePlan();
    plan.scenarios = [];
    plan.roles.forEach((role) => {
      role.holder = null;
      role.deputies = [];
    });
    const result = scoreReadiness(facts(plan, { watches: [], sources: [], lastExerciseAt: null }));
    expect(result.gaps.map((g) => g.problem)).toEqual(expect.arrayContaining(['noScenario', 'noWatch', 'noSource', 'neverExercised', 'approvalVacant']));
    expect(result.score).toBeLessThanOrEqual(10);
  });
});
