import fs from 'node:fs';
import { repoPath } from '../../../support/paths';
import { describe, expect, it } from 'vitest';
import {
  PHASES,
  ROLE_IDS,
  SCENARIO_KINDS,
  crisisPlanSchema,
  durationToMinutes,
  fillTemplate,
  minutesToDuration,
  templatePlaceholders,
  type CrisisPlan,
} from '../../../../src/shared/domain/plan';

const defaultPlanPath = repoPath('resources/plans/default-plan.json');
const loadDefault = (): unknown => JSON.parse(fs.readFileSync(defaultPlanPath, 'utf8'));

describe('default crisis plan', () => {
  const plan: CrisisPlan = crisisPlanSchema.parse(loadDefault());

  it('covers every role, with a holder phone and at least one deputy', () => {
    expect(plan.roles.map((role) => role.id).sort()).toEqual([...ROLE_IDS].sort());
    for (const role of plan.roles) {
      expect(role.holder!.phone.length).toBeGreaterThan(3);
      expect(role.deputies.length).toBeGreaterThan(0);
      expect(role.name.fr).not.toEqual('');
      expect(role.mission.en).not.toEqual('');
    }
  });

  it('covers every scenario kind from the brief, each with a pre-approved FR/EN holding statement', () => {
    const kinds = plan.scenarios.map((scenario) => scenario.kind);
    for (const kind of SCENARIO_KINDS.filter((k) => k !== 'other')) expect(kinds).toContain(kind);
    for (const scenario of plan.scenarios) {
      const holding = plan.templates.filter((t) => scenario.templateIds.includes(t.id) && t.kind === 'holding');
      expect(holding.length).toBe(1);
      expect(holding[0]?.preApproved).toBe(true);
      expect(holding[0]?.body.fr).not.toEqual(holding[0]?.body.en);
    }
  });

  it('applies the brief rules in every playbook: freeze campaigns, holding statement within an hour, never delete', () => {
    for (const playbook of plan.playbooks) {
      const byId = new Map(playbook.items.map((item) => [item.id, item]));
      expect(durationToMinutes(byId.get('freeze')!.deadline)).toBeLessThanOrEqual(60);
      expect(durationToMinutes(byId.get('holding')!.deadline)).toBeLessThanOrEqual(60);
      expect(byId.get('answer')!.text.fr).toMatch(/ne jamais supprimer/);
      expect(byId.get('customerService')!.ownerRole).toBe('customerServiceLead');
      expect(new Set(playbook.items.map((item) => item.phase))).toEqual(new Set(PHASES));
    }
  });

  it('declares every placeholder a template uses', () => {
    for (const template of plan.templates) {
      const declared = template.variables.map((v) => v.name).sort();
      expect(templatePlaceholders(template.body.fr).sort()).toEqual(declared);
      expect(templatePlaceholders(template.body.en).sort()).toEqual(declared);
    }
  });
});

describe('crisis plan validation', () => {
  it('names each broken cross-reference and duplicate by its path', () => {
    const raw = loadDefault() as CrisisPlan;
    raw.scenarios[1]!.playbookId = 'missing';
    raw.scenarios[2]!.templateIds = ['holding-viralComplaint', 'nope'];
    raw.playbooks[0]!.items[3]!.id = raw.playbooks[0]!.items[2]!.id;
    raw.roles[1]!.calls = ['crisisLead'];
    raw.contacts[1]!.id = raw.contacts[0]!.id;
    const result = crisisPlanSchema.safeParse(raw);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'scenarios.1.playbookId',
        'scenarios.2.templateIds.1',
        'playbooks.0.items.2.id',
        'playbooks.0.items.3.id',
        'roles.1.calls.0',
        'contacts.0.id',
        'contacts.1.id',
      ]),
    );
  });

  it('rejects a malformed deadline and a newer schema version', () => {
    const raw = loadDefault() as Record<string, unknown> & CrisisPlan;
    raw.playbooks[0]!.items[0]!.deadline = 'one hour';
    (raw as Record<string, unknown>).schemaVersion = 2;
    const paths = crisisPlanSchema.safeParse(raw).error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain('playbooks.0.items.0.deadline');
    expect(paths).toContain('schemaVersion');
  });
});

describe('plan durations and templates', () => {
  it('converts H+n deadlines both ways', () => {
    expect(durationToMinutes('PT30M')).toBe(30);
    expect(durationToMinutes('PT4H')).toBe(240);
    expect(durationToMinutes('P1DT2H5M')).toBe(1565);
    for (const minutes of [0, 15, 60, 90, 1440, 4385]) expect(durationToMinutes(minutesToDuration(minutes))).toBe(minutes);
    expect(minutesToDuration(60)).toBe('PT1H');
    expect(minutesToDuration(1440)).toBe('P1D');
  });

  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(fillTemplate('À {{ time }} sur {{page}} ({{x}})', { time: '14:30', page: 'a.example' })).toBe(
      'À 14:30 sur a.example ({{x}})',
    );
  });
});
